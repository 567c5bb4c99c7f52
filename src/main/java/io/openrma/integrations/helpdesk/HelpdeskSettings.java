package io.openrma.integrations.helpdesk;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code openrma.helpdesk.*}: which helpdesk the return's ticket lives in. Only the chosen one is checked for
 * credentials; the others are not used.
 *
 * @param provider {@code zendesk} (the default), {@code gorgias}, or {@code none} (no ticket is updated)
 */
@ConfigurationProperties("openrma.helpdesk")
public record HelpdeskSettings(@DefaultValue("ZENDESK") Provider provider) {

  /** The helpdesks OpenRMA can write to. */
  public enum Provider {
    ZENDESK, GORGIAS, NONE
  }
}
