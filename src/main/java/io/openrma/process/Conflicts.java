package io.openrma.process;

import java.util.function.Supplier;

import org.camunda.bpm.engine.OptimisticLockingException;
import org.springframework.dao.PessimisticLockingFailureException;

/**
 * Retries a whole transaction that lost a race with another change to the same process instance
 * (the engine's optimistic locking) or the same row. Each attempt is a fresh transaction.
 */
public final class Conflicts {

  private Conflicts() {
  }

  public static <T> T retry(Supplier<T> transaction) {
    RuntimeException last = null;
    for (int attempt = 1; attempt <= 4; attempt++) {
      try {
        return transaction.get();
      } catch (OptimisticLockingException | PessimisticLockingFailureException e) {
        last = e;
        try {
          Thread.sleep(20L * attempt + (long) (Math.random() * 30));
        } catch (InterruptedException interrupted) {
          Thread.currentThread().interrupt();
          throw e;
        }
      }
    }
    throw last;
  }

}
