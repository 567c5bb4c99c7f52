package io.openrma.process;

import io.openrma.integrations.notifications.TeamChat;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.scheduling.annotation.Async;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Tells the team in Slack when a return needs a person. Posted after the step commits and on a
 * thread of its own: a chat that is down must never hold up or roll back a return.
 */
@Component
public class TeamNotifications {

  private static final Logger log = LoggerFactory.getLogger(TeamNotifications.class);

  /** A message for the team chat, posted once the transaction that raised it committed. */
  public record TeamMessage(String text) {
  }

  private final TeamChat chat;
  private final ApplicationEventPublisher events;

  TeamNotifications(TeamChat chat, ApplicationEventPublisher events) {
    this.chat = chat;
    this.events = events;
  }

  public void afterCommit(String text) {
    events.publishEvent(new TeamMessage(text));
  }

  @Async("inboxExecutor")
  @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
  public void post(TeamMessage message) {
    try {
      chat.post(message.text());
    } catch (RuntimeException e) {
      log.warn("Could not post to the team chat ({}): {}", e.getMessage(), message.text());
    }
  }
}
