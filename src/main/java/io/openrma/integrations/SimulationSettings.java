package io.openrma.integrations;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code openrma.simulation.*}: how the simulators behave.
 *
 * @param latency added to every call a simulator answers, like the round trip to the real system
 *                (default 0). For the benchmark ({@code bench/}) and demos that should feel like
 *                remote systems; it never applies to a live adapter.
 */
@ConfigurationProperties("openrma.simulation")
public record SimulationSettings(@DefaultValue("0ms") Duration latency) {

  public SimulationSettings {
    if (latency == null || latency.isNegative()) {
      latency = Duration.ZERO;
    }
  }

  /** The simulators' shared pause. */
  public SimulatedLatency simulatedLatency() {
    return new SimulatedLatency(latency);
  }
}
