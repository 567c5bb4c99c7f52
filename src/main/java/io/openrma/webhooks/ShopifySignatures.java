package io.openrma.webhooks;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Shopify's webhook signature: {@code X-Shopify-Hmac-Sha256} is the base64 HMAC-SHA256 of the raw request
 * body, keyed with the app's client secret. Compared in constant time, so the time an answer takes tells
 * nothing about how much of a forged signature was right. Only the body is signed, none of the headers.
 */
public final class ShopifySignatures {

  public static final String HEADER = "X-Shopify-Hmac-Sha256";

  private ShopifySignatures() {
  }

  /** Whether {@code signature} (the header's value) is the body's HMAC with {@code secret}. */
  public static boolean verifies(String secret, String signature, byte[] body) {
    if (secret == null || secret.isBlank() || signature == null || signature.isBlank() || body == null) {
      return false;
    }
    byte[] given;
    try {
      given = Base64.getDecoder().decode(signature.trim());
    } catch (IllegalArgumentException notBase64) {
      return false;
    }
    return MessageDigest.isEqual(hmac(secret, body), given);
  }

  /** The signature Shopify sends for this body; for tests and stand-ins. */
  public static String sign(String secret, byte[] body) {
    return Base64.getEncoder().encodeToString(hmac(secret, body));
  }

  private static byte[] hmac(String secret, byte[] body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return mac.doFinal(body);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is part of every JVM", e);
    }
  }
}
