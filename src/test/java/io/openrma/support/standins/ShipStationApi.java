package io.openrma.support.standins;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.interfaces.RSAPublicKey;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * ShipStation API v2 as the stand-in answers it: labels, shipments, errors and tracking webhooks in
 * the shapes of ShipStation's API reference, and a key pair that signs webhooks like ShipStation does
 * (RSA-SHA256 over {@code <timestamp>.<body>}, public key in a JWKS).
 */
public final class ShipStationApi {

  public static final String API_KEY = "TEST_openrma_standin";

  private ShipStationApi() {
  }

  public static String label(String labelId, String shipmentId, String trackingNumber, String rmaNumber,
      String pdfUrl) {
    Map<String, Object> label = new LinkedHashMap<>();
    label.put("label_id", labelId);
    label.put("status", "completed");
    label.put("shipment_id", shipmentId);
    label.put("ship_date", "2026-01-05T00:00:00Z");
    label.put("created_at", "2026-01-05T10:00:00Z");
    label.put("shipment_cost", Map.of("currency", "usd", "amount", 9.85));
    label.put("insurance_cost", Map.of("currency", "usd", "amount", 0.0));
    label.put("tracking_number", trackingNumber);
    label.put("is_return_label", true);
    label.put("rma_number", rmaNumber);
    label.put("is_international", false);
    label.put("batch_id", "");
    label.put("carrier_id", "se-123456");
    label.put("charge_event", "carrier_default");
    label.put("service_code", "fedex_ground");
    label.put("package_code", "package");
    label.put("voided", false);
    label.put("voided_at", null);
    label.put("label_format", "pdf");
    label.put("display_scheme", "label");
    label.put("label_layout", "4x6");
    label.put("trackable", true);
    label.put("label_image_id", null);
    label.put("carrier_code", "fedex");
    label.put("tracking_status", "in_transit");
    label.put("label_download", Map.of("pdf", pdfUrl, "href", pdfUrl));
    label.put("form_download", null);
    label.put("insurance_claim", null);
    label.put("packages", List.of(Map.of("package_code", "package", "weight", Map.of("value", 1000, "unit", "gram"),
        "tracking_number", trackingNumber)));
    return StripeApi.json(label);
  }

  public static String labels(String... labels) {
    return "{\"labels\":[" + String.join(",", labels) + "],\"total\":" + labels.length + ",\"page\":1,\"pages\":1,"
        + "\"links\":{\"first\":{\"href\":\"\"},\"last\":{\"href\":\"\"},\"prev\":{},\"next\":{}}}";
  }

  public static String shipment(String shipmentId, String externalShipmentId) {
    Map<String, Object> shipment = new LinkedHashMap<>();
    shipment.put("shipment_id", shipmentId);
    shipment.put("carrier_id", "se-123456");
    shipment.put("service_code", "fedex_ground");
    shipment.put("external_shipment_id", externalShipmentId);
    shipment.put("shipment_status", "label_purchased");
    shipment.put("created_at", "2026-01-05T10:00:00Z");
    return StripeApi.json(shipment);
  }

  /** ShipStation's error body. */
  public static String error(String errorType, String errorCode, String fieldName, String message) {
    Map<String, Object> error = new LinkedHashMap<>();
    error.put("error_source", "carrier".equals(errorType) ? "carrier" : "shipstation");
    error.put("error_type", errorType);
    error.put("error_code", errorCode);
    if (fieldName != null) {
      error.put("field_name", fieldName);
    }
    error.put("message", message);
    return StripeApi.json(Map.of("request_id", "f4a0f9b4-0d8f-4c7e-9d9e-5a3c7b1a2d11", "errors", List.of(error)));
  }

  /**
   * The answer to {@code PUT /v2/labels/{label_id}/void}: {@code approved}, {@code message}, and when not approved
   * a {@code reason_code} (label_already_used, label_already_voided, label_not_found_within_void_period, ...).
   */
  public static String voidAnswer(boolean approved, String message, String reasonCode) {
    Map<String, Object> answer = new LinkedHashMap<>();
    answer.put("approved", approved);
    answer.put("message", message);
    if (reasonCode != null) {
      answer.put("reason_code", reasonCode);
    }
    return StripeApi.json(answer);
  }

  /** A {@code track} webhook (resource type API_TRACK) with one scan. */
  public static String trackEvent(String trackingNumber, String statusCode, String description, String occurredAt) {
    Map<String, Object> event = new LinkedHashMap<>();
    event.put("occurred_at", occurredAt);
    event.put("carrier_occurred_at", occurredAt.replace("Z", ""));
    event.put("description", description);
    event.put("city_locality", "MEMPHIS");
    event.put("state_province", "TN");
    event.put("postal_code", "38118");
    event.put("country_code", "US");
    event.put("company_name", "");
    event.put("signer", "");
    event.put("event_code", "PU");
    event.put("status_code", statusCode);
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("label_url", null);
    data.put("tracking_number", trackingNumber);
    data.put("status_code", statusCode);
    data.put("carrier_detail_code", null);
    data.put("status_description", description);
    data.put("carrier_status_code", "PU");
    data.put("carrier_status_description", description);
    data.put("ship_date", "2026-01-05T00:00:00");
    data.put("estimated_delivery_date", null);
    data.put("actual_delivery_date", null);
    data.put("exception_description", null);
    data.put("events", List.of(event));
    Map<String, Object> webhook = new LinkedHashMap<>();
    webhook.put("resource_url", "https://api.shipstation.com/v2/tracking?carrier_code=fedex&tracking_number="
        + trackingNumber);
    webhook.put("resource_type", "API_TRACK");
    webhook.put("data", data);
    return StripeApi.json(webhook);
  }

  /** Signs webhooks like ShipStation; its public key is served as a JWKS. */
  public static final class Signer {
    private final String keyId;
    private final KeyPair keys;

    public Signer(String keyId) {
      this.keyId = keyId;
      try {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        this.keys = generator.generateKeyPair();
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    }

    public String keyId() {
      return keyId;
    }

    public String jwks() {
      RSAPublicKey key = (RSAPublicKey) keys.getPublic();
      Base64.Encoder url = Base64.getUrlEncoder().withoutPadding();
      return "{\"keys\":[{\"kty\":\"RSA\",\"use\":\"sig\",\"alg\":\"RS256\",\"kid\":\"" + keyId + "\",\"n\":\""
          + url.encodeToString(unsigned(key.getModulus().toByteArray())) + "\",\"e\":\""
          + url.encodeToString(unsigned(key.getPublicExponent().toByteArray())) + "\"}]}";
    }

    /** Base64 RSA-SHA256 signature of {@code <timestamp>.<body>}. */
    public String sign(String timestamp, String body) {
      try {
        Signature signature = Signature.getInstance("SHA256withRSA");
        signature.initSign(keys.getPrivate());
        signature.update((timestamp + "." + body).getBytes(StandardCharsets.UTF_8));
        return Base64.getEncoder().encodeToString(signature.sign());
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    }

    private static byte[] unsigned(byte[] bytes) {
      return bytes.length > 1 && bytes[0] == 0 ? java.util.Arrays.copyOfRange(bytes, 1, bytes.length) : bytes;
    }
  }
}
