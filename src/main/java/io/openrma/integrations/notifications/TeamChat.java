package io.openrma.integrations.notifications;

/** Tells the team something needs a person (Slack). */
public interface TeamChat {

  void post(String text);
}
