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

  public static void main(String[] args) {
    SpringApplication.run(OpenRmaApplication.class, args);
  }
}
