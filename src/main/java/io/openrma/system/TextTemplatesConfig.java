package io.openrma.system;

import java.util.Set;

import org.springframework.boot.autoconfigure.thymeleaf.ThymeleafProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.thymeleaf.spring6.templateresolver.SpringResourceTemplateResolver;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ITemplateResolver;

/**
 * Plain-text templates ({@code templates/**}{@code /*.txt}, e.g. an email's text part) for Boot's Thymeleaf
 * engine, which on its own reads only HTML: Boot adds every {@link ITemplateResolver} bean to the engine
 * beside its HTML resolver. A text template is named with its suffix ({@code mail/outcome.txt}), so it
 * never competes with the HTML template of the same name ({@code mail/outcome}).
 */
@Configuration(proxyBeanMethods = false)
public class TextTemplatesConfig {

  @Bean
  ITemplateResolver textTemplateResolver(ThymeleafProperties thymeleaf) {
    SpringResourceTemplateResolver resolver = new SpringResourceTemplateResolver();
    resolver.setPrefix(thymeleaf.getPrefix());
    resolver.setResolvablePatterns(Set.of("*.txt"));
    resolver.setTemplateMode(TemplateMode.TEXT);
    resolver.setCharacterEncoding(thymeleaf.getEncoding().name());
    resolver.setCacheable(thymeleaf.isCache());
    resolver.setCheckExistence(true);
    // before the HTML resolver, which would look for mail/outcome.txt.html first
    resolver.setOrder(0);
    return resolver;
  }
}
