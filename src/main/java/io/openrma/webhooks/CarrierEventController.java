package io.openrma.webhooks;

import java.security.Principal;
import java.time.Instant;

import io.openrma.process.InboundEvent;
import io.openrma.process.ReturnEvents;
import io.openrma.returns.Actor;
import io.openrma.system.ApiProblems;
import io.openrma.returns.ReturnService;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/carrier/events}: tracking events of return parcels, by tracking number. The
 * first pick-up (or in-transit) event moves the return to IN_TRANSIT; every event lands on the
 * timeline.
 */
@RestController
@Tag(name = "Carrier", description = "Tracking events of return parcels")
@SecurityRequirement(name = "basic")
@SecurityRequirement(name = "token")
public class CarrierEventController {

  public enum CarrierEventType {
    PICKED_UP, IN_TRANSIT, OUT_FOR_DELIVERY, DELIVERED, EXCEPTION
  }

  private final ReturnEvents events;
  private final ReturnService returns;

  CarrierEventController(ReturnEvents events, ReturnService returns) {
    this.events = events;
    this.returns = returns;
  }

  public record CarrierEvent(@NotBlank @Size(max = 200) String eventId, @NotBlank @Size(max = 64) String trackingNumber,
      @NotNull CarrierEventType type, @NotNull Instant occurredAt, @Size(max = 300) String description) {
  }

  @PostMapping("/api/carrier/events")
  @Operation(summary = "Report a tracking event of a return parcel", description = "200 when processed or already processed (same eventId), 202 when kept until the return is "
      + "ready, 404 for an unknown tracking number.")
  public ResponseEntity<InboundEventResponse> event(@Valid @RequestBody CarrierEvent event, Principal principal) {
    return receive(returns, events, "CARRIER", event.eventId(), event.trackingNumber(), event.type(),
        event.occurredAt(), event.description(), Actor.user(principal.getName()));
  }

  /** Shared with the ShipStation tracking webhook. */
  static ResponseEntity<InboundEventResponse> receive(ReturnService returns, ReturnEvents events, String source,
      String eventId, String trackingNumber, CarrierEventType type, Instant occurredAt, String description,
      Actor actor) {
    String rmaNumber = returns.rmaNumberByTracking(trackingNumber).orElseThrow(() -> new ApiProblems.NotFound(
        "No return has the tracking number " + trackingNumber + "."));
    String detail = type + " " + trackingNumber + " at " + occurredAt + (description == null ? "" : ": " + description);
    boolean pickup = type == CarrierEventType.PICKED_UP || type == CarrierEventType.IN_TRANSIT;
    InboundEvent.Outcome outcome = pickup
        ? events.pickedUp(source, eventId, rmaNumber, occurredAt, detail, actor)
        : events.tracked(source, eventId, rmaNumber, detail, actor);
    return InboundEventResponse.of(rmaNumber, outcome, returns.get(rmaNumber).status());
  }
}
