package io.openrma;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * OpenRMA: the returns lifecycle as a BPMN process on Camunda 7, with OpenRMA's own
 * returns record as the single source of truth.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class OpenRmaApplication {

  static {
    // The JDK's HttpURLConnection (under stripe-java) silently repeats a POST once when a connection
    // breaks. The engine retries failed steps itself, with the same idempotency key and in the open;
    // a hidden second attempt inside one step only blurs what happened.
    System.setProperty("sun.net.http.retryPost", "false");
  }

  public static void main(String[] args) {
    SpringApplication.run(OpenRmaApplication.class, args);
  }
}
