package benchbaseline;

import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * The bare-engine baseline of bench/: Camunda 7 with its REST API and nothing of OpenRMA, so that
 * OpenRMA's rate can be read as a share of what the engine alone does on the same machine and database.
 * See bench/README.md.
 */
@SpringBootApplication
@EnableScheduling
public class BaselineApplication {

  public static final String PROCESS_KEY = "baseline-lifecycle";
  public static final String PICKED_UP = "ItemPickedUp";
  public static final String ARRIVED = "ItemArrived";

  public static void main(String[] args) {
    SpringApplication.run(BaselineApplication.class, args);
  }

  /** Every service task of the diagram: does nothing, so only the engine's own work is measured. */
  @Bean
  JavaDelegate noop() {
    return execution -> {
    };
  }

  /** HTTP Basic on every engine REST request, checked against the engine's users, as OpenRMA's EngineRestSecurityConfig. */
  @Bean
  FilterRegistrationBean<ProcessEngineAuthenticationFilter> engineRestAuthentication() {
    FilterRegistrationBean<ProcessEngineAuthenticationFilter> registration = new FilterRegistrationBean<>(
        new ProcessEngineAuthenticationFilter());
    registration.setName("baseline-engine-rest-auth");
    registration.addUrlPatterns("/engine-rest/*");
    registration.addInitParameter(ProcessEngineAuthenticationFilter.AUTHENTICATION_PROVIDER_PARAM,
        HttpBasicAuthenticationProvider.class.getName());
    registration.addInitParameter(ProcessEngineAuthenticationFilter.SERVLET_PATH_PREFIX, "/engine-rest");
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 20);
    return registration;
  }
}
