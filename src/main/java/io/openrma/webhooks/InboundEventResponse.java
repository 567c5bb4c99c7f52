package io.openrma.webhooks;

import io.openrma.process.InboundEvent;
import io.openrma.returns.ReturnStatus;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * The answer to an inbound event: what became of it and where the return stands now.
 * {@code alreadyProcessed} is true for a repeated event id, which changed nothing.
 */
public record InboundEventResponse(String rmaNumber, InboundEvent.Outcome outcome, boolean alreadyProcessed,
    ReturnStatus status, String message) {

  static ResponseEntity<InboundEventResponse> of(String rmaNumber, InboundEvent.Outcome outcome, ReturnStatus status) {
    String message = switch (outcome) {
      case DELIVERED -> "Processed.";
      case QUEUED -> "Kept: the return is not ready for this event yet; it is processed as soon as it is.";
      case RECORDED -> "Recorded on the return's timeline.";
      case DUPLICATE -> "Already processed: this event id was received before; nothing changed.";
      case REFUSED -> "Refused: the return's state rules this event out; nothing changed.";
    };
    InboundEventResponse body = new InboundEventResponse(rmaNumber, outcome, outcome == InboundEvent.Outcome.DUPLICATE,
        status, message);
    return ResponseEntity.status(outcome == InboundEvent.Outcome.QUEUED ? HttpStatus.ACCEPTED : HttpStatus.OK)
        .body(body);
  }
}
