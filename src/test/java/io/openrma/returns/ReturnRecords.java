package io.openrma.returns;

import java.time.Instant;
import java.util.List;

import org.springframework.test.util.ReflectionTestUtils;

/** Returns in a given state for tests that need one without the lifecycle (forms, emails). */
public final class ReturnRecords {

  private ReturnRecords() {
  }

  /** A saved-looking return in {@code status}, with the label when one is given. */
  public static ReturnRecord of(long id, String rmaNumber, ReturnStatus status, Resolution resolution,
      OrderReference order, Customer customer, Label label, List<ReturnLine> lines, String createdBy, Instant at) {
    ReturnRecord record = ReturnRecord.requested(rmaNumber, resolution, order, customer, null, null, lines, createdBy,
        at);
    record.status(status);
    if (label != null) {
      record.label(label);
    }
    ReflectionTestUtils.setField(record, "id", id);
    return record;
  }

  /** The draft with the store credit bonus a return is created with ({@link ReturnCreation}). */
  public static ReturnRecord withStoreCreditBonus(ReturnRecord draft, int percent) {
    draft.storeCreditBonusPercent(percent);
    return draft;
  }
}
