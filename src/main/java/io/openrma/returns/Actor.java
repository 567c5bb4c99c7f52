package io.openrma.returns;

/**
 * Who caused an entry on the timeline.
 *
 * @param type USER (a person, by user id), PROCESS (the lifecycle, by step), SYSTEM (OpenRMA itself),
 *             WEBHOOK (a partner system, by source)
 * @param name the user id, the step's name or the source
 */
public record Actor(Type type, String name) {

  public enum Type {
    USER, PROCESS, SYSTEM, WEBHOOK
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
}
