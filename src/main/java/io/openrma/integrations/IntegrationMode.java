package io.openrma.integrations;

/**
 * How an integration runs: {@code AUTO} is live when its credentials are configured and simulated
 * otherwise (the demo run); {@code LIVE} and {@code SIMULATE} force one or the other.
 */
public enum IntegrationMode {
  AUTO, LIVE, SIMULATE;

  public boolean isLive(boolean credentialsConfigured) {
    return this == LIVE || (this == AUTO && credentialsConfigured);
  }
}
