package io.openrma.support;

import io.openrma.system.TextTemplatesConfig;
import org.springframework.boot.autoconfigure.thymeleaf.ThymeleafAutoConfiguration;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.thymeleaf.ITemplateEngine;

/**
 * Boot's Thymeleaf engine with OpenRMA's text templates, configured as in the app, for tests that render
 * emails without starting the app: only the Thymeleaf beans, in one small context shared by the test JVM.
 */
public final class Templates {

  private static ITemplateEngine engine;

  private Templates() {
  }

  public static synchronized ITemplateEngine engine() {
    if (engine == null) {
      AnnotationConfigApplicationContext context = new AnnotationConfigApplicationContext(
          ThymeleafAutoConfiguration.class, TextTemplatesConfig.class);
      context.registerShutdownHook();
      engine = context.getBean(ITemplateEngine.class);
    }
    return engine;
  }
}
