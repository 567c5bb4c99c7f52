package io.openrma.process;

import java.util.concurrent.Executor;

import io.openrma.integrations.notifications.TeamChat;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Tells the team in Slack when a return needs a person. Posted after the step commits and on a
 * thread of its own: a chat that is down must never hold up or roll back a return.
 */
@Component
public class TeamNotifications {

  private static final Logger log = LoggerFactory.getLogger(TeamNotifications.class);

  private final TeamChat chat;
  private final Executor executor;

  public TeamNotifications(TeamChat chat, @Qualifier("inboxExecutor") Executor executor) {
    this.chat = chat;
    this.executor = executor;
  }

  public void afterCommit(String text) {
    Runnable post = () -> {
      try {
        chat.post(text);
      } catch (RuntimeException e) {
        log.warn("Could not post to the team chat ({}): {}", e.getMessage(), text);
      }
    };
    if (TransactionSynchronizationManager.isSynchronizationActive()) {
      TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
        @Override
        public void afterCommit() {
          executor.execute(post);
        }
      });
    } else {
      executor.execute(post);
    }
  }
}
