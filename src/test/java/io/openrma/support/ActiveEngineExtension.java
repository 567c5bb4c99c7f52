package io.openrma.support;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngines;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.test.context.junit.jupiter.SpringExtension;

/**
 * Camunda's REST API and webapps find "the default engine" in a JVM-wide registry. Spring's test
 * context cache keeps several apps alive in one JVM, each with an engine called "default", and the
 * last one started (or closed) wins. Before each test, this puts the engine of the test's own
 * context back into the registry, so {@code /engine-rest} and the webapps talk to the right database.
 */
public class ActiveEngineExtension implements BeforeEachCallback {

  @Override
  public void beforeEach(ExtensionContext context) {
    ProcessEngine engine = SpringExtension.getApplicationContext(context).getBean(ProcessEngine.class);
    ProcessEngines.registerProcessEngine(engine);
  }
}
