package io.openrma.outbound;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;

import io.openrma.returns.ReturnStatusChanged;

/**
 * The JSON body partners receive. {@code id} is derived from the status change itself (return, old and
 * new status, time), so it is the same for every subscriber and every retry of that change.
 *
 * @param type always {@code return.status_changed}
 */
public record OutboundEvent(String id, String type, String rmaNumber, String status, String previousStatus,
    Instant occurredAt) {

  public static final String STATUS_CHANGED = "return.status_changed";

  public static OutboundEvent of(ReturnStatusChanged change) {
    return new OutboundEvent(idOf(change), STATUS_CHANGED, change.rmaNumber(), change.to().name(),
        change.from() == null ? null : change.from().name(), change.at());
  }

  static String idOf(ReturnStatusChanged change) {
    String identity = change.rmaNumber() + "|" + change.from() + "|" + change.to() + "|" + change.at();
    return UUID.nameUUIDFromBytes(identity.getBytes(StandardCharsets.UTF_8)).toString();
  }
}
