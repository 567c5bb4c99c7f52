package io.openrma.integrations;

/**
 * A call to another system failed for a technical reason (5xx, 429, timeout, connection reset, an
 * answer that makes no sense): worth retrying. Business refusals have their own exceptions
 * ({@code PaymentRefusedException}, {@code InvalidAddressException}). Messages name the system and
 * what it answered, never customer data.
 */
public class IntegrationException extends RuntimeException {

  private final String system;

  public IntegrationException(String system, String message, Throwable cause) {
    super(system + ": " + message, cause);
    this.system = system;
  }

  public IntegrationException(String system, String message) {
    this(system, message, null);
  }

  public String system() {
    return system;
  }
}
