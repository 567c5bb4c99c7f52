package io.openrma.webhooks;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.RSAPublicKeySpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.openrma.integrations.HttpClients;
import io.openrma.integrations.shipping.ShipStationSettings;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

/**
 * Verifies ShipStation's webhook signatures: RSA-SHA256 over {@code <x-shipengine-timestamp>.<raw body>},
 * base64 in {@code x-shipengine-rsa-sha256-signature}, made with the key named by
 * {@code x-shipengine-rsa-sha256-key-id} from ShipStation's public key set (JWKS, fetched once and
 * again only for a key id it does not know, at most once a minute). The timestamp must be within the
 * tolerance of now, either way.
 */
@Component
public class ShipStationSignatures {

  public static final String KEY_ID = "x-shipengine-rsa-sha256-key-id";
  public static final String SIGNATURE = "x-shipengine-rsa-sha256-signature";
  public static final String TIMESTAMP = "x-shipengine-timestamp";

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration REFETCH_AFTER = Duration.ofMinutes(1);

  /** Why a webhook is refused, with the HTTP status that says so. */
  public static class Refused extends RuntimeException {
    private final HttpStatus status;

    Refused(HttpStatus status, String message) {
      super(message);
      this.status = status;
    }

    public HttpStatus status() {
      return status;
    }
  }

  private final ShipStationSettings settings;
  private final Clock clock;
  private final RestClient client;
  private final Map<String, PublicKey> keys = new ConcurrentHashMap<>();
  private volatile Instant fetchedAt = Instant.EPOCH;

  public ShipStationSignatures(ShipStationSettings settings, Clock clock) {
    this.settings = settings;
    this.clock = clock;
    this.client = HttpClients.restClient(null, settings.http());
  }

  public void verify(String keyId, String signature, String timestamp, byte[] body) {
    if (blank(keyId) || blank(signature) || blank(timestamp)) {
      // ShipStation's advice: answer like an unknown URL to whoever sends unsigned requests
      throw new Refused(HttpStatus.NOT_FOUND, "Not found.");
    }
    Instant signedAt = parse(timestamp);
    if (Duration.between(signedAt, clock.instant()).abs().compareTo(settings.webhookTolerance()) > 0) {
      throw new Refused(HttpStatus.BAD_REQUEST, "The signed timestamp " + timestamp + " is more than "
          + settings.webhookTolerance().toMinutes() + " minutes from now.");
    }
    PublicKey key = key(keyId);
    try {
      Signature verifier = Signature.getInstance("SHA256withRSA");
      verifier.initVerify(key);
      verifier.update((timestamp + ".").getBytes(StandardCharsets.UTF_8));
      verifier.update(body);
      if (!verifier.verify(Base64.getDecoder().decode(signature.trim()))) {
        throw new Refused(HttpStatus.UNAUTHORIZED, "The signature does not match the body.");
      }
    } catch (IllegalArgumentException | GeneralSecurityException e) {
      throw new Refused(HttpStatus.UNAUTHORIZED, "The signature cannot be read.");
    }
  }

  private PublicKey key(String keyId) {
    PublicKey key = keys.get(keyId);
    if (key != null) {
      return key;
    }
    synchronized (this) {
      if (!keys.containsKey(keyId) && clock.instant().isAfter(fetchedAt.plus(REFETCH_AFTER))) {
        fetch();
      }
    }
    key = keys.get(keyId);
    if (key == null) {
      throw new Refused(HttpStatus.UNAUTHORIZED, "Unknown signing key " + keyId + ".");
    }
    return key;
  }

  private void fetch() {
    JsonNode jwks;
    try {
      jwks = JSON.readTree(client.get().uri(settings.jwksUrl()).retrieve().body(String.class));
    } catch (RestClientException | JsonProcessingException | IllegalArgumentException e) {
      throw new Refused(HttpStatus.SERVICE_UNAVAILABLE, "ShipStation's public keys cannot be fetched now; "
          + "send the webhook again later.");
    }
    fetchedAt = clock.instant();
    for (JsonNode jwk : jwks.path("keys")) {
      if (!"RSA".equals(jwk.path("kty").asText()) || jwk.path("kid").asText("").isBlank()) {
        continue;
      }
      try {
        BigInteger modulus = new BigInteger(1, Base64.getUrlDecoder().decode(jwk.path("n").asText()));
        BigInteger exponent = new BigInteger(1, Base64.getUrlDecoder().decode(jwk.path("e").asText()));
        keys.put(jwk.path("kid").asText(), KeyFactory.getInstance("RSA")
            .generatePublic(new RSAPublicKeySpec(modulus, exponent)));
      } catch (IllegalArgumentException | GeneralSecurityException e) {
        // a key this JVM cannot read is a key nobody signs with for us
      }
    }
  }

  private static Instant parse(String timestamp) {
    try {
      String value = timestamp.trim();
      return value.chars().allMatch(Character::isDigit) ? Instant.ofEpochSecond(Long.parseLong(value))
          : Instant.parse(value);
    } catch (DateTimeParseException | NumberFormatException e) {
      throw new Refused(HttpStatus.BAD_REQUEST, "The signed timestamp " + timestamp + " is not a time.");
    }
  }

  private static boolean blank(String value) {
    return value == null || value.isBlank();
  }
}
