package io.openrma.support;

import java.util.concurrent.atomic.AtomicInteger;

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
