package io.openrma.integrations.notifications;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Stands in for Slack when no webhook URL is configured. */
public class SimulatedTeamChat implements TeamChat {

  private static final Logger log = LoggerFactory.getLogger(SimulatedTeamChat.class);

  @Override
  public void post(String text) {
    log.warn("SIMULATED Slack: {}", text);
  }
}
