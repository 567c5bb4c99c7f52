package io.openrma.returns;

/**
 * Who caused an entry on the timeline.
 *
 * @param type USER (a person, by user id), PROCESS (the lifecycle, by step), SYSTEM (OpenRMA itself),
 *             WEBHOOK (a partner system, by source), CUSTOMER (the customer themselves, by the channel they
 *             used, e.g. {@code portal})
 * @param name the user id, the step's name or the source
 */
public record Actor(Type type, String name) {

  public enum Type {
    USER, PROCESS, SYSTEM, WEBHOOK, CUSTOMER
  }

  public static Actor user(String userId) {
    return new Actor(Type.USER, userId);
  }

  public static Actor process(String step) {
    return new Actor(Type.PROCESS, step);
  }

  public static Actor system(String component) {
    return new Actor(Type.SYSTEM, component);
  }

  public static Actor webhook(String source) {
    return new Actor(Type.WEBHOOK, source);
  }

  /** The customer, through {@code channel} (e.g. {@code portal}); never their name, which the record holds. */
  public static Actor customer(String channel) {
    return new Actor(Type.CUSTOMER, channel);
  }
}
