package io.openrma.support;

import java.util.concurrent.atomic.AtomicInteger;

import io.openrma.process.ReturnEvents;
import io.openrma.returns.ReturnCreation;
import io.openrma.returns.ReturnService;
import org.camunda.bpm.engine.ProcessEngine;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/** Beans only tests have. */
@TestConfiguration(proxyBeanMethods = false)
public class TestBeans {

  /**
   * A bean any expression could call: the security tests put {@code ${canary.fire()}} into queries
   * and filters and check that it was never evaluated.
   */
  @Bean
  static Faults faults() {
    return new Faults();
  }

  /** The in-process driver, with the beans it drives. */
  @Bean
  LifecycleDriver lifecycleDriver(ProcessEngine engine, ReturnCreation creation, ReturnService returns,
      ReturnEvents events) {
    return new LifecycleDriver(engine, creation, returns, events);
  }

  @Bean
  Canary canary() {
    return new Canary();
  }

  public static class Canary {
    private final AtomicInteger fired = new AtomicInteger();

    public String fire() {
      fired.incrementAndGet();
      return "canary";
    }

    public int timesFired() {
      return fired.get();
    }
  }
}
