package io.openrma.webhooks;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.stripe.exception.SignatureVerificationException;
import com.stripe.model.Event;
import com.stripe.net.Webhook;
import io.openrma.integrations.payments.StripeSettings;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /webhooks/stripe}: Stripe's events, accepted only with a valid {@code Stripe-Signature}
 * over the raw body ({@link Webhook#constructEvent}, five minutes' tolerance). Unknown event types and
 * events seen before are answered 200 and change nothing.
 */
@RestController
@Tag(name = "Webhooks", description = "Events from Stripe and ShipStation, verified by their signatures")
public class StripeWebhookController {

  private static final Logger log = LoggerFactory.getLogger(StripeWebhookController.class);
  private final ObjectMapper json;

  private final StripeSettings settings;
  private final StripeEvents events;
  private final Clock clock;

  public StripeWebhookController(StripeSettings settings, StripeEvents events, Clock clock, ObjectMapper json) {
    this.json = json;
    this.settings = settings;
    this.events = events;
    this.clock = clock;
  }

  @PostMapping(path = "/webhooks/stripe", produces = MediaType.APPLICATION_JSON_VALUE)
  @Operation(summary = "Receive a Stripe event (refund.updated, refund.failed, charge.refunded)", description = "200 when processed, already processed or not relevant; 400 for a missing or invalid signature; "
      + "404 when no webhook secret is configured; 503 when the event must come again later.")
  public ResponseEntity<?> receive(@RequestBody byte[] body,
      @RequestHeader(value = "Stripe-Signature", required = false) String signature) {
    if (!settings.hasWebhookSecret()) {
      return problem(HttpStatus.NOT_FOUND, "webhook-not-configured",
          "Stripe webhooks are not configured on this OpenRMA: set STRIPE_WEBHOOK_SECRET.");
    }
    if (signature == null || signature.isBlank()) {
      return problem(HttpStatus.BAD_REQUEST, "signature-missing", "The Stripe-Signature header is missing.");
    }
    String payload = new String(body, StandardCharsets.UTF_8);
    Event event;
    JsonNode object;
    try {
      event = Webhook.constructEvent(payload, signature, settings.webhookSecret(),
          settings.webhookTolerance().toSeconds(), clock);
      object = json.readTree(payload).path("data").path("object");
    } catch (SignatureVerificationException e) {
      log.warn("Stripe webhook refused: {}", e.getMessage());
      return problem(HttpStatus.BAD_REQUEST, "signature-invalid", "The Stripe-Signature does not verify: the body was "
          + "changed, the signing secret differs, or the signed timestamp is older than "
          + settings.webhookTolerance().toMinutes() + " minutes.");
    } catch (Exception e) {
      return problem(HttpStatus.BAD_REQUEST, "malformed-event", "The body is not a Stripe event.");
    }
    try {
      StripeEvents.Result result = events.handle(event.getId(), event.getType(), object);
      if (result.rmaNumber() != null) {
        MDC.put("rmaNumber", result.rmaNumber());
      }
      log.info("Stripe event {} ({}): {}", event.getId(), event.getType(), result.outcome());
      return ResponseEntity.ok(result);
    } catch (StripeEvents.TryAgainLater later) {
      log.info("Stripe event {} ({}) deferred: {}", event.getId(), event.getType(), later.getMessage());
      ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, later.getMessage());
      problem.setType(URI.create("https://openrma.io/problems/try-again-later"));
      return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, "60")
          .contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
  }

  static ResponseEntity<ProblemDetail> problem(HttpStatus status, String type, String detail) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
    problem.setType(URI.create("https://openrma.io/problems/" + type));
    return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
  }
}
