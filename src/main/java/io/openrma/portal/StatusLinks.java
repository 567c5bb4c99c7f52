package io.openrma.portal;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Pattern;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import io.openrma.returns.ReturnRecord;
import io.openrma.returns.ReturnService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The tokens of status links, {@code RMA-000123.0.1767225600.<signature>}: the RMA number, the return's
 * generation of links, the expiry (epoch seconds) and HMAC-SHA256 over all three with
 * {@code openrma.portal.link-secret}, base64url. Nobody can make one without the key, change the number or move
 * the expiry; an RMA number alone opens nothing. No personal data: the RMA number is OpenRMA's own. Revoking a
 * return's links ({@code POST /api/returns/{rma}/status-links/revoke}) counts its generation up, so every link
 * sent for it stops working; changing the key revokes every link at once.
 */
@Component
class StatusLinks {

  private static final Logger log = LoggerFactory.getLogger(StatusLinks.class);
  private static final Pattern SHAPE = Pattern
      .compile("(RMA-\\d{1,12})\\.(\\d{1,9})\\.(\\d{1,12})\\.([A-Za-z0-9_-]{43})");

  private final byte[] key;
  private final java.util.function.ToIntFunction<String> generations;
  private final Duration validity;
  private final Clock clock;

  StatusLinks(PortalProperties properties, Clock clock) {
    this(properties, clock, false, rmaNumber -> 0);
  }

  StatusLinks(PortalProperties properties, Clock clock, boolean requireSecret) {
    this(properties, clock, requireSecret, rmaNumber -> 0);
  }

  /**
   * With {@code requireSecret} (the {@code postgres} profile, {@code openrma.integrations.require-credentials}),
   * a missing key stops the start: links that die on every restart are for the demo run only.
   */
  @org.springframework.beans.factory.annotation.Autowired
  StatusLinks(PortalProperties properties, Clock clock,
      @org.springframework.beans.factory.annotation.Value("${openrma.integrations.require-credentials:false}") boolean requireSecret,
      ReturnService returns) {
    this(properties, clock, requireSecret,
        rmaNumber -> returns.find(rmaNumber).map(ReturnRecord::statusLinkGeneration).orElse(0));
  }

  /** {@code generations}: the return's current generation of links ({@link ReturnRecord#statusLinkGeneration}). */
  StatusLinks(PortalProperties properties, Clock clock, boolean requireSecret,
      java.util.function.ToIntFunction<String> generations) {
    this.generations = generations;
    this.validity = properties.linkValidity();
    this.clock = clock;
    String secret = properties.linkSecret();
    if ((secret == null || secret.isBlank()) && requireSecret) {
      throw new IllegalStateException("openrma.portal.link-secret (OPENRMA_PORTAL_LINK_SECRET) is not set: the "
          + "status links in customer emails would stop working on every restart and differ between nodes. Set it "
          + "to a random value of at least 32 characters.");
    }
    if (secret == null || secret.isBlank()) {
      key = new byte[32];
      new SecureRandom().nextBytes(key);
      log.warn("openrma.portal.link-secret is not set: status links are signed with a random key of this start, so "
          + "every link sent so far stops working on restart (and on other nodes). Set OPENRMA_PORTAL_LINK_SECRET.");
    } else if (secret.length() < 32) {
      throw new IllegalStateException("openrma.portal.link-secret must have at least 32 characters");
    } else {
      key = secret.getBytes(StandardCharsets.UTF_8);
    }
  }

  /** What a token says, once its signature is checked. */
  sealed interface Verdict {
  }

  record Valid(String rmaNumber) implements Verdict {
  }

  record Expired() implements Verdict {
  }

  record Invalid() implements Verdict {
  }

  /** A token for the return's status page, valid for {@code openrma.portal.link-validity} from now. */
  String issue(String rmaNumber) {
    long expiry = clock.instant().plus(validity).getEpochSecond();
    String payload = rmaNumber + "." + generations.applyAsInt(rmaNumber) + "." + expiry;
    return payload + "." + sign(payload);
  }

  Verdict check(String token) {
    var match = token == null ? null : SHAPE.matcher(token);
    if (match == null || !match.matches()) {
      return new Invalid();
    }
    String payload = match.group(1) + "." + match.group(2) + "." + match.group(3);
    if (!MessageDigest.isEqual(sign(payload).getBytes(StandardCharsets.US_ASCII),
        match.group(4).getBytes(StandardCharsets.US_ASCII))) {
      return new Invalid();
    }
    if (Integer.parseInt(match.group(2)) != generations.applyAsInt(match.group(1))) {
      return new Invalid(); // revoked: a newer generation of links is out
    }
    Instant expiry = Instant.ofEpochSecond(Long.parseLong(match.group(3)));
    return clock.instant().isBefore(expiry) ? new Valid(match.group(1)) : new Expired();
  }

  Optional<String> rmaNumber(String token) {
    return check(token) instanceof Valid valid ? Optional.of(valid.rmaNumber()) : Optional.empty();
  }

  private String sign(String payload) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      return Base64.getUrlEncoder().withoutPadding()
          .encodeToString(mac.doFinal(payload.getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is part of every JRE", e);
    }
  }
}
