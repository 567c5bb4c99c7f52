package io.openrma.webhooks;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.openrma.integrations.shopify.ShopifySettings;
import io.openrma.process.InboundEvent;
import io.openrma.process.MessageInbox;
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
 * {@code POST /webhooks/shopify}: the connected store's webhooks ({@code returns/request},
 * {@code returns/cancel}, {@code returns/decline}, {@code refunds/create}), accepted only with a valid
 * {@code X-Shopify-Hmac-Sha256} ({@link ShopifySignatures}). Shopify waits five seconds at most, so the
 * answer comes once the event is in the inbox; {@link ShopifyEvents} processes it after that commits.
 * Events seen before (by {@code X-Shopify-Webhook-Id}), older than {@code openrma.shopify.webhook-tolerance},
 * of another store or of a topic OpenRMA does not use are answered 200 and change nothing.
 *
 * <p>Without a client secret, or without a connected store, the endpoint answers 404, as
 * {@code /webhooks/stripe} does without its secret: nothing here could verify or process the event, and
 * a 503 would only make Shopify retry for four hours what no retry can fix.
 */
@RestController
@Tag(name = "Webhooks")
public class ShopifyWebhookController {

  static final String TOPIC = "X-Shopify-Topic";
  static final String WEBHOOK_ID = "X-Shopify-Webhook-Id";
  static final String TRIGGERED_AT = "X-Shopify-Triggered-At";
  static final String SHOP_DOMAIN = "X-Shopify-Shop-Domain";
  private static final Logger log = LoggerFactory.getLogger(ShopifyWebhookController.class);

  private final ShopifySettings settings;
  private final ShopifyEvents events;
  private final MessageInbox inbox;
  private final Clock clock;
  private final ObjectMapper json;

  public ShopifyWebhookController(ShopifySettings settings, ShopifyEvents events, MessageInbox inbox, Clock clock,
      ObjectMapper json) {
    this.settings = settings;
    this.events = events;
    this.inbox = inbox;
    this.clock = clock;
    this.json = json;
  }

  /** What became of a webhook: ACCEPTED (kept, processed in a moment), DUPLICATE or IGNORED. */
  public record Result(String webhookId, String topic, Outcome outcome, String message) {
  }

  /** See {@link Result}. */
  public enum Outcome {
    ACCEPTED, DUPLICATE, IGNORED
  }

  @PostMapping(path = "/webhooks/shopify", produces = MediaType.APPLICATION_JSON_VALUE)
  @Operation(summary = "Receive a Shopify webhook (returns/request, returns/cancel, returns/decline, refunds/create)", description = "200 when accepted, already received, stale or not used; 401 for a missing or invalid "
      + "X-Shopify-Hmac-Sha256; 404 when no Shopify store and client secret are configured.")
  public ResponseEntity<?> receive(@RequestBody byte[] body,
      @RequestHeader(value = ShopifySignatures.HEADER, required = false) String signature,
      @RequestHeader(value = TOPIC, required = false) String topic,
      @RequestHeader(value = WEBHOOK_ID, required = false) String webhookId,
      @RequestHeader(value = TRIGGERED_AT, required = false) String triggeredAt,
      @RequestHeader(value = SHOP_DOMAIN, required = false) String shopDomain) {
    if (!events.connected()) {
      return StripeWebhookController.problem(HttpStatus.NOT_FOUND, "webhook-not-configured", "Shopify webhooks are "
          + "not configured on this OpenRMA: connect the store (OPENRMA_SHOPIFY_SHOP and its credentials) and set "
          + "SHOPIFY_CLIENT_SECRET, the app's client secret that signs them.");
    }
    if (!ShopifySignatures.verifies(settings.clientSecret(), signature, body)) {
      log.warn("Shopify webhook {} ({}) refused: {}", webhookId, topic,
          signature == null ? "unsigned" : "bad signature");
      return StripeWebhookController.problem(HttpStatus.UNAUTHORIZED, "signature-invalid", signature == null
          ? "The " + ShopifySignatures.HEADER + " header is missing."
          : "The " + ShopifySignatures.HEADER + " does not verify: the body was changed or signed with another "
              + "secret than the app's client secret.");
    }
    if (webhookId == null || webhookId.isBlank() || webhookId.length() > 200) {
      return StripeWebhookController.problem(HttpStatus.BAD_REQUEST, "malformed-event", "The " + WEBHOOK_ID
          + " header is missing or longer than 200 characters.");
    }
    Optional<String> ignored = ignored(topic, triggeredAt, shopDomain);
    if (ignored.isPresent()) {
      log.info("Shopify webhook {} ({}) ignored: {}", webhookId, topic, ignored.get());
      return ResponseEntity.ok(new Result(webhookId, topic, Outcome.IGNORED, ignored.get()));
    }
    JsonNode event;
    try {
      event = json.readTree(body);
    } catch (Exception e) {
      return StripeWebhookController.problem(HttpStatus.BAD_REQUEST, "malformed-event", "The body is not JSON.");
    }
    Optional<String> fields = events.extract(topic, event);
    if (fields.isEmpty()) {
      log.info("Shopify webhook {} ({}) ignored: OpenRMA does not use this topic", webhookId, topic);
      return ResponseEntity.ok(new Result(webhookId, topic, Outcome.IGNORED, "OpenRMA does not use " + topic
          + " webhooks."));
    }
    InboundEvent.Outcome outcome = inbox.accept(ShopifyEvents.SOURCE, webhookId.trim(), topic, fields.get());
    if (outcome == InboundEvent.Outcome.DUPLICATE) {
      log.info("Shopify webhook {} ({}) received before: nothing changed", webhookId, topic);
      return ResponseEntity.ok(new Result(webhookId, topic, Outcome.DUPLICATE, "Already received: this webhook id "
          + "came before; nothing changed."));
    }
    return ResponseEntity.ok(new Result(webhookId, topic, Outcome.ACCEPTED, "Accepted: processed in a moment."));
  }

  /**
   * Why a verified webhook changes nothing, if it does not. Shopify signs only the body, so the time and
   * the shop come from headers anybody could set; what they guard against is an old or foreign delivery
   * of a genuine body, while the ids the handler keys on make a replayed body change nothing twice.
   */
  private Optional<String> ignored(String topic, String triggeredAt, String shopDomain) {
    if (topic == null || topic.isBlank()) {
      return Optional.of("no " + TOPIC + " header");
    }
    String shop = settings.shop();
    if (shop != null && !shop.isBlank() && shopDomain != null
        && !shopDomain.trim().equalsIgnoreCase(shop.trim() + ".myshopify.com")) {
      return Optional.of("sent for the store " + shopDomain + ", not " + shop + ".myshopify.com");
    }
    if (triggeredAt != null && !triggeredAt.isBlank()) {
      try {
        Duration age = Duration.between(Instant.parse(triggeredAt.trim()), clock.instant());
        if (age.compareTo(settings.webhookTolerance()) > 0) {
          return Optional.of("triggered at " + triggeredAt + ", longer ago than openrma.shopify.webhook-tolerance ("
              + settings.webhookTolerance() + ")");
        }
      } catch (DateTimeParseException e) {
        return Optional.of(TRIGGERED_AT + " '" + triggeredAt + "' is not a time");
      }
    }
    return Optional.empty();
  }
}
