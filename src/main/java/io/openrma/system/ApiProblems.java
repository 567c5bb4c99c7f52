package io.openrma.system;

import java.util.List;

/** The errors OpenRMA's API answers with; each becomes an RFC 7807 problem document. */
public final class ApiProblems {

  private ApiProblems() {
  }

  /** The problem documents' {@code type} URIs start with this, followed by e.g. {@code invalid-request}. */
  public static final String TYPES = "https://openrma.io/problems/";

  /** One field and what is wrong with it, e.g. {@code lines[1].quantityReturned}. */
  public record Violation(String field, String message) {
  }

  /** 400: the request is not acceptable as it stands; nothing was written. */
  public static class InvalidRequest extends RuntimeException {
    private final transient List<Violation> violations;

    public InvalidRequest(List<Violation> violations) {
      super(violations.size() == 1
          ? violations.get(0).field() + ": " + violations.get(0).message()
          : violations.size() + " fields are invalid");
      this.violations = List.copyOf(violations);
    }

    public InvalidRequest(String field, String message) {
      this(List.of(new Violation(field, message)));
    }

    public List<Violation> violations() {
      return violations;
    }
  }

  /** 404. */
  public static class NotFound extends RuntimeException {
    public NotFound(String message) {
      super(message);
    }
  }

  /** 409: the return's status does not allow this now. */
  public static class Conflict extends RuntimeException {
    public Conflict(String message) {
      super(message);
    }
  }

  /** 422: an idempotency key was reused for a different request. */
  public static class IdempotencyKeyReused extends RuntimeException {
    public IdempotencyKeyReused(String key) {
      super("Idempotency-Key '" + key + "' was already used for a different request. "
          + "Use a new key for a new return, or resend the original request unchanged.");
    }
  }
}
