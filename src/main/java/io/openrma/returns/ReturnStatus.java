package io.openrma.returns;

import java.util.EnumSet;
import java.util.Set;

/**
 * Where a return stands. The lifecycle process sets it (see {@code rma-status} properties in
 * {@code processes/rma-lifecycle.bpmn}); code never writes a status on its own.
 */
public enum ReturnStatus {
  REQUESTED, UNDER_REVIEW, APPROVED, REJECTED, LABEL_ISSUED, IN_TRANSIT, RECEIVED, INSPECTED,
  REFUND_PENDING, REFUNDED, REFUND_FAILED, CLOSED, EXPIRED, CANCELLED;

  private static final Set<ReturnStatus> CANCELLABLE = EnumSet.of(REQUESTED, UNDER_REVIEW, APPROVED, LABEL_ISSUED, IN_TRANSIT);
  private static final Set<ReturnStatus> ENDED = EnumSet.of(REJECTED, CLOSED, EXPIRED, CANCELLED);

  /** A return can be cancelled until the warehouse has it. */
  public boolean isCancellable() {
    return CANCELLABLE.contains(this);
  }

  /** No process instance runs for the return any more. */
  public boolean isEnded() {
    return ENDED.contains(this);
  }
}
