package io.openrma.integrations.notifications;

import io.openrma.integrations.SimulatedLatency;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Stands in for Slack when no webhook URL is configured. */
public class SimulatedTeamChat implements TeamChat {

  private static final Logger log = LoggerFactory.getLogger(SimulatedTeamChat.class);

  private final SimulatedLatency latency;

  public SimulatedTeamChat() {
    this(SimulatedLatency.NONE);
  }

  /** With {@code latency} before every answer ({@code openrma.simulation.latency}). */
  public SimulatedTeamChat(SimulatedLatency latency) {
    this.latency = latency;
  }

  @Override
  public void post(String text) {
    latency.await();
    log.warn("SIMULATED Slack: {}", text);
  }
}
