package io.openrma.support.standins;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.stripe.Stripe;

/**
 * Stripe's API as the stand-in answers it: objects and errors in the shapes of Stripe's API reference
 * for the API version stripe-java pins ({@link Stripe#API_VERSION}), and signed webhook events.
 */
public final class StripeApi {

  public static final String SECRET_KEY = "sk_test_openrma_standin";
  public static final String WEBHOOK_SECRET = "whsec_openrma_standin";

  private static final ObjectMapper JSON = new ObjectMapper();

  private StripeApi() {
  }

  public static String refund(String id, String paymentIntentId, long amount, String status, String failureReason,
      Map<String, String> metadata) {
    Map<String, Object> refund = new LinkedHashMap<>();
    refund.put("id", id);
    refund.put("object", "refund");
    refund.put("amount", amount);
    refund.put("balance_transaction", "txn_" + id.substring(3));
    refund.put("charge", "ch_" + paymentIntentId.substring(3));
    refund.put("created", 1_767_225_600L);
    refund.put("currency", "eur");
    refund.put("failure_reason", failureReason);
    refund.put("metadata", metadata);
    refund.put("payment_intent", paymentIntentId);
    refund.put("reason", "requested_by_customer");
    refund.put("receipt_number", null);
    refund.put("source_transfer_reversal", null);
    refund.put("status", status);
    refund.put("transfer_reversal", null);
    return json(refund);
  }

  /** A PaymentIntent with its latest charge expanded ({@code expand[]=latest_charge}). */
  public static String paymentIntent(String id, long captured, long refunded) {
    Map<String, Object> charge = new LinkedHashMap<>();
    charge.put("id", "ch_" + id.substring(3));
    charge.put("object", "charge");
    charge.put("amount", captured);
    charge.put("amount_captured", captured);
    charge.put("amount_refunded", refunded);
    charge.put("captured", true);
    charge.put("currency", "eur");
    charge.put("paid", true);
    charge.put("payment_intent", id);
    charge.put("refunded", refunded >= captured);
    charge.put("status", "succeeded");
    return json(intent(id, captured, "succeeded", charge));
  }

  public static String uncapturedPaymentIntent(String id, long amount) {
    return json(intent(id, amount, "requires_capture", null));
  }

  private static Map<String, Object> intent(String id, long amount, String status, Object latestCharge) {
    Map<String, Object> intent = new LinkedHashMap<>();
    intent.put("id", id);
    intent.put("object", "payment_intent");
    intent.put("amount", amount);
    intent.put("amount_received", latestCharge == null ? 0 : amount);
    intent.put("capture_method", "automatic");
    intent.put("created", 1_767_000_000L);
    intent.put("currency", "eur");
    intent.put("latest_charge", latestCharge);
    intent.put("livemode", false);
    intent.put("status", status);
    return intent;
  }

  public static String subscription(String id, String status, boolean cancelAtPeriodEnd) {
    Map<String, Object> subscription = new LinkedHashMap<>();
    subscription.put("id", id);
    subscription.put("object", "subscription");
    subscription.put("cancel_at_period_end", cancelAtPeriodEnd);
    subscription.put("canceled_at", "canceled".equals(status) ? 1_767_225_600L : null);
    subscription.put("customer", "cus_standin");
    subscription.put("livemode", false);
    subscription.put("status", status);
    return json(subscription);
  }

  public static String balanceTransaction(String id, String customer, long amount, String rmaNumber) {
    Map<String, Object> transaction = new LinkedHashMap<>();
    transaction.put("id", id);
    transaction.put("object", "customer_balance_transaction");
    transaction.put("amount", amount);
    transaction.put("created", 1_767_225_600L);
    transaction.put("currency", "eur");
    transaction.put("customer", customer);
    transaction.put("description", "Store credit for return " + rmaNumber);
    transaction.put("ending_balance", amount);
    transaction.put("livemode", false);
    transaction.put("metadata", Map.of("rma_number", rmaNumber));
    transaction.put("type", "adjustment");
    return json(transaction);
  }

  /** Stripe's error body: {@code {"error": {"type", "code", "param", "message"}}}. */
  public static String error(String type, String code, String param, String message) {
    Map<String, Object> error = new LinkedHashMap<>();
    error.put("type", type);
    if (code != null) {
      error.put("code", code);
      error.put("doc_url", "https://stripe.com/docs/error-codes/" + code.replace('_', '-'));
    }
    if (param != null) {
      error.put("param", param);
    }
    error.put("message", message);
    return json(Map.of("error", error));
  }

  /** A webhook event around {@code object} (already JSON). */
  public static String event(String id, String type, String object) {
    return "{\"id\":\"" + id + "\",\"object\":\"event\",\"api_version\":\"" + Stripe.API_VERSION + "\","
        + "\"created\":1767225600,\"data\":{\"object\":" + object + "},\"livemode\":false,\"pending_webhooks\":1,"
        + "\"request\":{\"id\":null,\"idempotency_key\":null},\"type\":\"" + type + "\"}";
  }

  public static String charge(String paymentIntentId, long captured, long refunded) {
    Map<String, Object> charge = new LinkedHashMap<>();
    charge.put("id", "ch_" + paymentIntentId.substring(3));
    charge.put("object", "charge");
    charge.put("amount", captured);
    charge.put("amount_captured", captured);
    charge.put("amount_refunded", refunded);
    charge.put("currency", "eur");
    charge.put("payment_intent", paymentIntentId);
    charge.put("refunded", refunded >= captured);
    charge.put("status", "succeeded");
    return json(charge);
  }

  /** The {@code Stripe-Signature} header Stripe sends: {@code t=<unix seconds>,v1=<HMAC-SHA256 hex>}. */
  public static String signature(String payload, String secret, long timestamp) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      byte[] digest = mac.doFinal((timestamp + "." + payload).getBytes(StandardCharsets.UTF_8));
      return "t=" + timestamp + ",v1=" + HexFormat.of().formatHex(digest);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  static String json(Object value) {
    try {
      return JSON.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
