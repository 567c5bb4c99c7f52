package io.openrma.webhooks;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.openrma.process.ReturnEvents;
import io.openrma.returns.Actor;
import io.openrma.returns.ReturnService;
import io.openrma.webhooks.CarrierEventController.CarrierEventType;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /webhooks/shipstation}: ShipStation's tracking webhook ({@code track} events), verified
 * by its RSA-SHA256 signature ({@link ShipStationSignatures}). An event for a return label feeds the
 * same path as {@code POST /api/carrier/events}: the first accepted or in-transit scan moves the return
 * to IN_TRANSIT. Tracking of parcels that are no returns (the shop's outbound shipments) is ignored.
 */
@RestController
@Tag(name = "Webhooks")
public class ShipStationWebhookController {

  static final String SOURCE = "SHIPSTATION";
  private static final Logger log = LoggerFactory.getLogger(ShipStationWebhookController.class);
  private final ObjectMapper json;

  private final ShipStationSignatures signatures;
  private final ReturnService returns;
  private final ReturnEvents events;
  private final Clock clock;

  public ShipStationWebhookController(ShipStationSignatures signatures, ReturnService returns, ReturnEvents events,
      Clock clock, ObjectMapper json) {
    this.json = json;
    this.signatures = signatures;
    this.returns = returns;
    this.events = events;
    this.clock = clock;
  }

  /** What OpenRMA made of a webhook that is not about a return. */
  public record Ignored(String trackingNumber, String message) {
  }

  @PostMapping(path = "/webhooks/shipstation", produces = MediaType.APPLICATION_JSON_VALUE)
  @Operation(summary = "Receive a ShipStation tracking event", description = "200 when processed, already processed or not about a return; 202 when kept until the return "
      + "is ready; 400 for a stale timestamp, 401 for an invalid signature, 404 without signature headers.")
  public ResponseEntity<?> receive(@RequestBody byte[] body,
      @RequestHeader(value = ShipStationSignatures.KEY_ID, required = false) String keyId,
      @RequestHeader(value = ShipStationSignatures.SIGNATURE, required = false) String signature,
      @RequestHeader(value = ShipStationSignatures.TIMESTAMP, required = false) String timestamp) {
    try {
      signatures.verify(keyId, signature, timestamp, body);
    } catch (ShipStationSignatures.Refused refused) {
      log.warn("ShipStation webhook refused: {}", refused.getMessage());
      return StripeWebhookController.problem(refused.status(), "signature-invalid", refused.getMessage());
    }
    JsonNode data;
    try {
      data = json.readTree(body).path("data");
    } catch (Exception e) {
      return StripeWebhookController.problem(HttpStatus.BAD_REQUEST, "malformed-event", "The body is not JSON.");
    }
    String tracking = data.path("tracking_number").asText("");
    CarrierEventType type = type(data.path("status_code").asText(""), data.path("carrier_detail_code").asText(""));
    if (tracking.isBlank() || type == null) {
      return ResponseEntity.ok(new Ignored(tracking, "Not a tracking update OpenRMA uses."));
    }
    if (returns.rmaNumberByTracking(tracking).isEmpty()) {
      return ResponseEntity.ok(new Ignored(tracking, "Not the tracking number of a return label."));
    }
    JsonNode latest = latestEvent(data);
    String occurred = latest == null ? null : latest.path("occurred_at").asText(null);
    Instant occurredAt = instant(occurred);
    String description = data.path("status_description").asText("")
        + (latest == null || latest.path("description").asText("").isBlank()
            ? ""
            : ": " + latest.path("description").asText() + place(latest));
    // ShipStation sends no event id: a tracking number's status at the time of its newest scan is one event
    String eventId = tracking + ":" + data.path("status_code").asText() + ":" + (occurred == null ? "-" : occurred);
    return CarrierEventController.receive(returns, events, SOURCE, eventId, tracking, type, occurredAt,
        description.length() > 300 ? description.substring(0, 300) : description, Actor.webhook("ShipStation"));
  }

  /** ShipStation's tracking status codes, as OpenRMA's carrier events. */
  static CarrierEventType type(String statusCode, String carrierDetailCode) {
    return switch (statusCode) {
      case "AC" -> CarrierEventType.PICKED_UP;
      case "IT" -> "OUT_FOR_DELIVERY".equals(carrierDetailCode)
          ? CarrierEventType.OUT_FOR_DELIVERY
          : CarrierEventType.IN_TRANSIT;
      case "DE", "SP" -> CarrierEventType.DELIVERED;
      case "EX", "AT" -> CarrierEventType.EXCEPTION;
      default -> null; // UN (unknown), NY (not yet in the carrier's system)
    };
  }

  private static JsonNode latestEvent(JsonNode data) {
    JsonNode latest = null;
    for (JsonNode event : data.path("events")) {
      String at = event.path("occurred_at").asText("");
      if (latest == null || at.compareTo(latest.path("occurred_at").asText("")) > 0) {
        latest = event;
      }
    }
    return latest;
  }

  private static String place(JsonNode event) {
    String city = event.path("city_locality").asText("");
    return city.isBlank() ? "" : " (" + city + ")";
  }

  private Instant instant(String text) {
    if (text == null || text.isBlank()) {
      return clock.instant();
    }
    try {
      return Instant.parse(text);
    } catch (DateTimeParseException e) {
      try {
        return LocalDateTime.parse(text).toInstant(ZoneOffset.UTC);
      } catch (DateTimeParseException notLocal) {
        return clock.instant();
      }
    }
  }
}
