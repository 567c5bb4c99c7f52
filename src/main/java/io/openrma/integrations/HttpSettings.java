package io.openrma.integrations;

import java.time.Duration;

/**
 * Timeouts of one HTTP client. Both together must stay well below the engine's job lock time (5
 * minutes by default): a step still waiting for an answer when its lock expires would run twice.
 *
 * @param connectTimeout time to open a connection
 * @param readTimeout    time to wait for the answer
 */
public record HttpSettings(Duration connectTimeout, Duration readTimeout) {

  /** The longest a single call can take. */
  public Duration worstCase() {
    return connectTimeout.plus(readTimeout);
  }
}
