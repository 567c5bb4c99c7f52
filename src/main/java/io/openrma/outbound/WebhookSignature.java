package io.openrma.outbound;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The signature partners check on every event: {@code X-OpenRMA-Signature: sha256=<hex>}, the
 * HMAC-SHA256 with the subscriber's secret of {@code <X-OpenRMA-Timestamp>.<raw body>}. Signing the
 * timestamp lets a partner refuse old, replayed requests (e.g. older than five minutes).
 */
public final class WebhookSignature {

  public static final String EVENT_ID_HEADER = "X-OpenRMA-Event-Id";
  public static final String TIMESTAMP_HEADER = "X-OpenRMA-Timestamp";
  public static final String SIGNATURE_HEADER = "X-OpenRMA-Signature";

  private WebhookSignature() {
  }

  /** {@code sha256=<lower-case hex>} of {@code timestamp + "." + body}. */
  public static String sign(String secret, long epochSeconds, String body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      byte[] digest = mac.doFinal((epochSeconds + "." + body).getBytes(StandardCharsets.UTF_8));
      return "sha256=" + HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      throw new IllegalStateException("HMAC-SHA256 is not available", e);
    }
  }

  /** What a receiver does: recompute and compare in constant time. */
  public static boolean verify(String secret, long epochSeconds, String body, String signatureHeader) {
    if (signatureHeader == null) {
      return false;
    }
    return MessageDigest.isEqual(sign(secret, epochSeconds, body).getBytes(StandardCharsets.US_ASCII),
        signatureHeader.trim().getBytes(StandardCharsets.US_ASCII));
  }
}
