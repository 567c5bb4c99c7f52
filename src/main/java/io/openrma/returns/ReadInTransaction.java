package io.openrma.returns;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The returns one read-write transaction has read or saved, so that reading a return again in the same
 * transaction costs nothing: a step reads its return once, where the status listener, the policy's
 * recording and the timeline each read it anew before (38 reads of the record and 43 of its lines per
 * return in {@code bench/}). Only {@link ReturnService} and {@link ReturnCreation} use it, and only they
 * change a return, through {@code save}, which keeps the saved copy here.
 * <p>
 * A transaction of its own inside this one (an effect recorded with {@code REQUIRES_NEW}) may change a
 * return: when this transaction resumes it starts over with nothing read. Another transaction (another
 * thread or node) changing the return in between is caught by the version on save, which then reads the
 * return again ({@code ReturnService.update}). Read-only transactions keep nothing: they are one read.
 */
final class ReadInTransaction {

  private static final Object KEY = ReadInTransaction.class;

  private ReadInTransaction() {
  }

  static Optional<ReturnRecord> cached(String rmaNumber) {
    Map<String, ReturnRecord> read = read(false);
    return read == null ? Optional.empty() : Optional.ofNullable(read.get(rmaNumber));
  }

  static ReturnRecord keep(ReturnRecord record) {
    Map<String, ReturnRecord> read = read(true);
    if (read != null) {
      read.put(record.rmaNumber(), record);
    }
    return record;
  }

  static void forget(String rmaNumber) {
    Map<String, ReturnRecord> read = read(false);
    if (read != null) {
      read.remove(rmaNumber);
    }
  }

  @SuppressWarnings("unchecked")
  private static Map<String, ReturnRecord> read(boolean create) {
    if (!TransactionSynchronizationManager.isSynchronizationActive()
        || TransactionSynchronizationManager.isCurrentTransactionReadOnly()) {
      return null;
    }
    Map<String, ReturnRecord> read = (Map<String, ReturnRecord>) TransactionSynchronizationManager.getResource(KEY);
    if (read == null && create) {
      read = new HashMap<>();
      TransactionSynchronizationManager.bindResource(KEY, read);
      TransactionSynchronizationManager.registerSynchronization(new Forgetting());
    }
    return read;
  }

  /** Unbinds the transaction's returns while a transaction of its own runs, and starts over after it. */
  private static final class Forgetting implements TransactionSynchronization {

    @Override
    public void suspend() {
      TransactionSynchronizationManager.unbindResourceIfPossible(KEY);
    }

    @Override
    public void resume() {
      TransactionSynchronizationManager.bindResource(KEY, new HashMap<String, ReturnRecord>());
    }

    @Override
    public void afterCompletion(int status) {
      TransactionSynchronizationManager.unbindResourceIfPossible(KEY);
    }
  }
}
