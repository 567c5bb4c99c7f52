package io.openrma.returns;

import java.time.Instant;
import java.util.List;

/** A return as OpenRMA's tables hold it: the single source of truth. */
public record ReturnRecord(long id, String rmaNumber, ReturnStatus status, Resolution resolution, boolean keepItem,
    OrderReference order, Customer customer, String ticketId, String photosUrl, PolicyOutcome policy, Label label,
    Refund refund, boolean subscriptionCancelled, String cancelReason, String processInstanceId,
    String createdBy, Instant createdAt, Instant updatedAt, int version, List<ReturnLine> lines) {

  public boolean hasTicket() {
    return ticketId != null && !ticketId.isBlank();
  }

  public boolean hasSubscription() {
    return order.subscriptionId() != null && !order.subscriptionId().isBlank();
  }

  public String currency() {
    return order.currency();
  }

  public ReturnLine line(int lineNo) {
    return lines.stream().filter(line -> line.lineNo() == lineNo).findFirst()
        .orElseThrow(() -> new IllegalArgumentException(rmaNumber + " has no line " + lineNo));
  }
}
