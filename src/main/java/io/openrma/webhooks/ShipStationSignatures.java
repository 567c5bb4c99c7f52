package io.openrma.webhooks;

import java.net.MalformedURLException;
import java.net.URI;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.Signature;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.List;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKMatcher;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.KeyType;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.jwk.source.RateLimitReachedException;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.DefaultResourceRetriever;
import io.openrma.integrations.shipping.ShipStationSettings;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Verifies ShipStation's webhook signatures: RSA-SHA256 over {@code <x-shipengine-timestamp>.<raw body>},
 * base64 in {@code x-shipengine-rsa-sha256-signature}, made with the key named by
 * {@code x-shipengine-rsa-sha256-key-id} from ShipStation's public key set (JWKS). nimbus-jose-jwt fetches
 * the set once, keeps it, and fetches it again only for a key id it does not know (ShipStation rotated its
 * keys), at most twice a minute, so unknown key ids cannot make OpenRMA call ShipStation for every request.
 * The timestamp must be within the tolerance of now, either way.
 */
@Component
public class ShipStationSignatures {

  public static final String KEY_ID = "x-shipengine-rsa-sha256-key-id";
  public static final String SIGNATURE = "x-shipengine-rsa-sha256-signature";
  public static final String TIMESTAMP = "x-shipengine-timestamp";

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
  private final JWKSource<SecurityContext> keys;
  /** Whether a key set was ever fetched: a refetch refused by the rate limit then means "unknown key". */
  private volatile boolean fetched;

  public ShipStationSignatures(ShipStationSettings settings, Clock clock) {
    this.settings = settings;
    this.clock = clock;
    DefaultResourceRetriever retriever = new DefaultResourceRetriever(
        (int) settings.http().connectTimeout().toMillis(), (int) settings.http().readTimeout().toMillis(),
        JWKSourceBuilder.DEFAULT_HTTP_SIZE_LIMIT);
    this.keys = JWKSourceBuilder.create(url(settings.jwksUrl()), retriever)
        .cacheForever()
        .rateLimited(REFETCH_AFTER.toMillis())
        .build();
  }

  private static URL url(String jwksUrl) {
    try {
      return URI.create(jwksUrl).toURL();
    } catch (IllegalArgumentException | MalformedURLException e) {
      throw new IllegalStateException("openrma.shipstation.jwks-url '" + jwksUrl + "' is not a URL", e);
    }
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
    List<JWK> found;
    try {
      found = keys.get(new JWKSelector(new JWKMatcher.Builder().keyType(KeyType.RSA).keyID(keyId).build()), null);
      fetched = true;
    } catch (RateLimitReachedException e) {
      if (!fetched) {
        throw unavailable();
      }
      found = List.of(); // asked ShipStation moments ago, and this key was not among its keys
    } catch (KeySourceException e) {
      throw unavailable();
    }
    for (JWK jwk : found) {
      try {
        return ((RSAKey) jwk).toRSAPublicKey();
      } catch (JOSEException e) {
        // a key this JVM cannot read is a key nobody signs with for us
      }
    }
    throw new Refused(HttpStatus.UNAUTHORIZED, "Unknown signing key " + keyId + ".");
  }

  private static Refused unavailable() {
    return new Refused(HttpStatus.SERVICE_UNAVAILABLE, "ShipStation's public keys cannot be fetched now; "
        + "send the webhook again later.");
  }

  private static Instant parse(String timestamp) {
    try {
      String value = timestamp.trim();
      return value.chars().allMatch(Character::isDigit)
          ? Instant.ofEpochSecond(Long.parseLong(value))
          : Instant.parse(value);
    } catch (DateTimeParseException | NumberFormatException e) {
      throw new Refused(HttpStatus.BAD_REQUEST, "The signed timestamp " + timestamp + " is not a time.");
    }
  }

  private static boolean blank(String value) {
    return value == null || value.isBlank();
  }
}
