package io.openrma.integrations.bookkeeping;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.Principal;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import io.openrma.integrations.IntegrationException;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * An admin connects QuickBooks once (OAuth 2.0 authorization code): {@code /connect} sends the browser to Intuit,
 * {@code /callback} takes the code back, checks {@code state} and the company, and stores the first tokens. Admins
 * only (WebSecurityConfig). {@code state} is {@code expiry.HMAC(user|expiry)} under the token key, so it needs no
 * session and only the admin who started the connection can finish it, within ten minutes.
 */
@RestController
@RequestMapping("/integrations/quickbooks")
class QuickBooksConnectController {

  static final String SCOPE = "com.intuit.quickbooks.accounting";
  private static final Duration STATE_LIFETIME = Duration.ofMinutes(10);

  private final QuickBooksSettings settings;
  private final ObjectProvider<Bookkeeping> bookkeeping;
  private final Clock clock;

  QuickBooksConnectController(QuickBooksSettings settings, ObjectProvider<Bookkeeping> bookkeeping,
      ObjectProvider<Clock> clock) {
    this.settings = settings;
    this.bookkeeping = bookkeeping;
    this.clock = clock.getIfAvailable(Clock::systemUTC);
  }

  @GetMapping("/connect")
  ResponseEntity<String> connect(Principal admin, HttpServletRequest request) {
    if (tokens() == null) {
      return notLive();
    }
    long expiry = clock.instant().plus(STATE_LIFETIME).getEpochSecond();
    URI intuit = UriComponentsBuilder.fromUriString(settings.authorizeUrl())
        .queryParam("client_id", settings.clientId()).queryParam("response_type", "code")
        .queryParam("scope", SCOPE).queryParam("redirect_uri", redirectUri(request))
        .queryParam("state", expiry + "." + sign(admin.getName() + "|" + expiry)).encode().build().toUri();
    return ResponseEntity.status(HttpStatus.FOUND).location(intuit).build();
  }

  @GetMapping(value = "/callback", produces = MediaType.TEXT_PLAIN_VALUE)
  ResponseEntity<String> callback(@RequestParam(required = false) String code,
      @RequestParam(required = false) String state, @RequestParam(required = false) String realmId,
      @RequestParam(required = false) String error, Principal admin, HttpServletRequest request) {
    QuickBooksTokens tokens = tokens();
    if (tokens == null) {
      return notLive();
    }
    if (error != null) {
      return ResponseEntity.badRequest().body("QuickBooks was not connected: Intuit answered " + error + ".");
    }
    if (!validState(state, admin.getName()) || code == null) {
      return ResponseEntity.badRequest().body("This answer from Intuit was not asked for here, or is older than ten "
          + "minutes: start again at /integrations/quickbooks/connect.");
    }
    if (!settings.realmId().equals(realmId)) {
      return ResponseEntity.badRequest().body("You chose the company " + realmId + ", but OpenRMA books into "
          + settings.realmId() + " (openrma.quickbooks.realm-id): connect that one, or change the setting.");
    }
    try {
      tokens.connected(tokens.exchangeCode(code, redirectUri(request)));
    } catch (IntegrationException e) {
      return ResponseEntity.status(HttpStatus.BAD_GATEWAY).body("Intuit did not give OpenRMA the tokens ("
          + e.getMessage() + "): start again at /integrations/quickbooks/connect.");
    }
    return ResponseEntity.ok("QuickBooks is connected: refunds are booked into company " + realmId + ".");
  }

  private QuickBooksTokens tokens() {
    return bookkeeping.getIfAvailable() instanceof QuickBooksBookkeeping quickBooks ? quickBooks.tokens() : null;
  }

  private static ResponseEntity<String> notLive() {
    return ResponseEntity.status(HttpStatus.NOT_FOUND).contentType(MediaType.TEXT_PLAIN).body("QuickBooks is not "
        + "live here: set openrma.bookkeeping.provider=quickbooks and its credentials (README: Connect QuickBooks).");
  }

  private String redirectUri(HttpServletRequest request) {
    return settings.redirectUri() != null && !settings.redirectUri().isBlank()
        ? settings.redirectUri()
        : ServletUriComponentsBuilder.fromContextPath(request).path("/integrations/quickbooks/callback").toUriString();
  }

  private boolean validState(String state, String admin) {
    int dot = state == null ? -1 : state.indexOf('.');
    if (dot < 1) {
      return false;
    }
    String expiry = state.substring(0, dot);
    if (!expiry.chars().allMatch(Character::isDigit) || Long.parseLong(expiry) < clock.instant().getEpochSecond()) {
      return false;
    }
    return MessageDigest.isEqual(state.substring(dot + 1).getBytes(StandardCharsets.US_ASCII),
        sign(admin + "|" + expiry).getBytes(StandardCharsets.US_ASCII));
  }

  private String sign(String value) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(Base64.getDecoder().decode(settings.tokenKey().trim()), "HmacSHA256"));
      return Base64.getUrlEncoder().withoutPadding()
          .encodeToString(mac.doFinal(value.getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
