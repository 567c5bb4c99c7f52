package io.openrma.process;

import java.time.Instant;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

import io.openrma.process.InboundEvent.Outcome;
import io.openrma.returns.Actor;
import io.openrma.returns.ReturnService;
import io.openrma.returns.ReturnStatus;
import io.openrma.system.ApiProblems;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.retry.RetryOperations;
import org.springframework.stereotype.Component;

/**
 * What happens to a parcel out there, told to the lifecycle: the carrier picked it up, the warehouse
 * scanned it, or any other tracking event. Callers (the webhook controllers, the demo) never know the
 * diagram's message names; each event is taken exactly once through the {@link MessageInbox}, a race
 * with another change of the return is retried, and a concurrent copy of the same event is a duplicate.
 */
@Component
public class ReturnEvents {

  /** Until the pick-up, a pick-up event that comes early is kept. */
  private static final Set<ReturnStatus> BEFORE_PICKUP = EnumSet.of(ReturnStatus.REQUESTED, ReturnStatus.UNDER_REVIEW,
      ReturnStatus.APPROVED, ReturnStatus.LABEL_ISSUED);
  /** Until the arrival, an arrival scan that comes early (the return still under review) is kept. */
  private static final Set<ReturnStatus> BEFORE_ARRIVAL = EnumSet.of(ReturnStatus.REQUESTED,
      ReturnStatus.UNDER_REVIEW, ReturnStatus.APPROVED, ReturnStatus.LABEL_ISSUED, ReturnStatus.IN_TRANSIT);

  private final MessageInbox inbox;
  private final ReturnService returns;
  private final RetryOperations conflicts;

  ReturnEvents(MessageInbox inbox, ReturnService returns, @Qualifier("conflictRetry") RetryOperations conflicts) {
    this.inbox = inbox;
    this.returns = returns;
    this.conflicts = conflicts;
  }

  /** The carrier has the parcel: the lifecycle moves on to waiting for its arrival. */
  public Outcome pickedUp(String source, String eventId, String rmaNumber, Instant pickedUpAt, String detail,
      Actor actor) {
    return receive(() -> new InboundEvent(source, eventId, rmaNumber, ProcessIds.MSG_ITEM_PICKED_UP,
        Map.of("pickedUpAt", pickedUpAt.toString()), BEFORE_PICKUP.contains(returns.get(rmaNumber).status()), false,
        actor, "CARRIER_EVENT", detail));
  }

  /** A tracking event that moves nothing: it is recorded on the timeline. */
  public Outcome tracked(String source, String eventId, String rmaNumber, String detail, Actor actor) {
    return receive(() -> new InboundEvent(source, eventId, rmaNumber, null, Map.of(), false, false, actor,
        "CARRIER_EVENT", detail));
  }

  /**
   * The warehouse scanned the parcel: the lifecycle moves on to the inspection. A scan for a return that has
   * ended (cancelled, rejected, expired) is refused with a {@link ApiProblems.Conflict}: the parcel must not go
   * into stock.
   */
  public Outcome arrived(String scanId, String rmaNumber, String location, String detail, Actor actor) {
    Map<String, Object> variables = new LinkedHashMap<>();
    variables.put("arrivalScanId", scanId);
    variables.put("arrivalLocation", location == null ? "" : location);
    Outcome outcome = receive(() -> new InboundEvent("WAREHOUSE", scanId, rmaNumber, ProcessIds.MSG_ITEM_ARRIVED,
        variables, BEFORE_ARRIVAL.contains(returns.get(rmaNumber).status()), true, actor, "ARRIVAL_SCAN",
        detail));
    if (outcome == Outcome.REFUSED) {
      ReturnStatus status = returns.get(rmaNumber).status();
      throw new ApiProblems.Conflict(rmaNumber + " is " + status
          + ": do not accept the parcel into stock; return it to the sender or ask customer service.");
    }
    return outcome;
  }

  private Outcome receive(Supplier<InboundEvent> event) {
    try {
      return conflicts.execute(retry -> inbox.receive(event.get()));
    } catch (DuplicateKeyException concurrentCopy) {
      return Outcome.DUPLICATE;
    }
  }
}
