package io.openrma.outbound;

import java.time.Instant;

/** One event for one subscriber, as the delivery log holds it. */
public record OutboundDelivery(long id, String eventId, String subscriber, String rmaNumber, String status,
    String payload, State state, int attempts, Integer lastHttpStatus, String lastError, Instant createdAt,
    Instant lastAttemptAt, Instant deliveredAt) {

  public enum State {
    PENDING, DELIVERED, ABANDONED
  }
}
