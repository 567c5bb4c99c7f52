package io.openrma.returns;

import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Where a return stands. The lifecycle process sets it (see {@code rma-status} properties in
 * {@code processes/rma-lifecycle.bpmn}); code never writes a status on its own. Queries that need a
 * group of statuses take it from here ({@link #ENDED}, {@link #names}), never from a list in SQL.
 */
public enum ReturnStatus {
  REQUESTED, UNDER_REVIEW, APPROVED, REJECTED, LABEL_ISSUED, IN_TRANSIT, RECEIVED, INSPECTED, REFUND_PENDING, REFUNDED, REFUND_FAILED, CLOSED, EXPIRED, CANCELLED;

  /** A return can be cancelled until the warehouse has it. */
  public static final Set<ReturnStatus> CANCELLABLE = Collections
      .unmodifiableSet(EnumSet.of(REQUESTED, UNDER_REVIEW, APPROVED, LABEL_ISSUED, IN_TRANSIT));
  /** No process instance runs for the return any more. */
  public static final Set<ReturnStatus> ENDED = Collections.unmodifiableSet(EnumSet.of(REJECTED, CLOSED, EXPIRED,
      CANCELLED));
  /** Ended without anything returned or refunded: its units count as never returned. */
  public static final Set<ReturnStatus> VOID = Collections.unmodifiableSet(EnumSet.of(REJECTED, EXPIRED, CANCELLED));

  public boolean isCancellable() {
    return CANCELLABLE.contains(this);
  }

  public boolean isEnded() {
    return ENDED.contains(this);
  }

  /** The statuses' names, for a query parameter such as {@code status IN (:ended)}. */
  public static List<String> names(Set<ReturnStatus> statuses) {
    return statuses.stream().map(Enum::name).toList();
  }

  /** "REQUESTED, UNDER_REVIEW, ...", for messages. */
  public static String describe(Set<ReturnStatus> statuses) {
    return statuses.stream().map(Enum::name).collect(Collectors.joining(", "));
  }
}
