package io.openrma.integrations.shipping;

/** The carrier refuses the return address; customer service has to fix it. */
public class InvalidAddressException extends RuntimeException {

  public InvalidAddressException(String message) {
    super(message);
  }
}
