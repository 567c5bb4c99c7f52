package io.openrma.system;

import org.camunda.bpm.engine.spring.ProcessEngineFactoryBean;
import org.springframework.boot.autoconfigure.AbstractDependsOnBeanFactoryPostProcessor;
import org.springframework.context.annotation.Configuration;

/**
 * Flyway migrates OpenRMA's tables before the process engine starts, so that listeners, the
 * deployment and the demo data never run against a half-made schema. The engine creates and
 * upgrades its own tables ({@code ACT_*}) itself.
 */
@Configuration(proxyBeanMethods = false)
public class DatabaseOrderConfig extends AbstractDependsOnBeanFactoryPostProcessor {

  public DatabaseOrderConfig() {
    super(ProcessEngineFactoryBean.class, "flywayInitializer");
  }
}
