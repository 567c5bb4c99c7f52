package io.openrma.integrations;

import java.util.List;

/** Integrations that must run live lack configuration; startup stops and says what to set. */
public class MissingCredentialsException extends RuntimeException {

  private final List<String> problems;

  public MissingCredentialsException(List<String> problems) {
    super("Integrations are not configured: " + String.join("; ", problems));
    this.problems = List.copyOf(problems);
  }

  public List<String> problems() {
    return problems;
  }
}
