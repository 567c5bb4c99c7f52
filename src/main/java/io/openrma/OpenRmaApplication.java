package io.openrma;

import javax.xml.datatype.DatatypeFactory;

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
    // The engine parses every job's retry cycle with DatatypeFactory.newInstance(), which without this
    // property searches the whole class path for another implementation each time (6 % of the CPU under
    // load in bench/). The JDK's own is the one it finds anyway; the Dockerfile sets the same.
    if (System.getProperty(DatatypeFactory.DATATYPEFACTORY_PROPERTY) == null) {
      System.setProperty(DatatypeFactory.DATATYPEFACTORY_PROPERTY,
          DatatypeFactory.DATATYPEFACTORY_IMPLEMENTATION_CLASS);
    }
  }

  public static void main(String[] args) {
    SpringApplication.run(OpenRmaApplication.class, args);
  }
}
