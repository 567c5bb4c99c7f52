package io.openrma.security;

import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Wrong passwords, counted per user and source address: after {@code maxFailures} failures within
 * {@code window} that address is refused for that user for {@code refusal} (then counting starts over),
 * while the same user from any other address, and every API token, still gets in. It replaces the
 * engine's own login lock, which counts per user only, so that ten wrong passwords from anyone locked the
 * user for good (ENGINE-27002); {@link PasswordCheckHardening} switches that off and puts this in front of
 * every password check (the API, {@code /engine-rest}, the webapps' login).
 *
 * <p>The counting is a {@link Throttle} keyed by (user, address): in memory, per node, at most
 * {@code maxEntries} pairs. Time comes from the {@link Clock} bean, so tests move it.
 */
@Component
class LoginThrottle {

  private static final Logger log = LoggerFactory.getLogger(LoginThrottle.class);

  private final SecurityProperties.Throttle settings;
  private final Throttle<Key> failures;

  LoginThrottle(SecurityProperties properties, Clock clock) {
    this.settings = properties.loginThrottle();
    this.failures = new Throttle<>(settings.maxFailures(), settings.window(), settings.refusal(),
        settings.maxEntries(), clock);
  }

  /** How long {@code address} must still wait before it may send a password for {@code userId}; empty: now. */
  public Optional<Duration> refusedFor(String userId, String address) {
    return failures.refusedFor(key(userId, address));
  }

  /** A wrong password (or an unknown user) for {@code userId} from {@code address}. */
  public void failed(String userId, String address) {
    Key key = key(userId, address);
    if (failures.record(key)) {
      log.warn("{} wrong passwords for user '{}' from {} within {}: that address is refused for this user for {}",
          settings.maxFailures(), printable(userId), key.address(), settings.window(), settings.refusal());
    }
  }

  /** The right password: this address starts over for this user. */
  public void succeeded(String userId, String address) {
    failures.reset(key(userId, address));
  }

  int size() {
    return failures.size();
  }

  /** A user id as sent by anyone, safe for one log line. */
  private static String printable(String userId) {
    String text = userId == null ? "" : userId.replaceAll("\\p{Cntrl}", "?");
    return text.length() > 64 ? text.substring(0, 64) + "..." : text;
  }

  private static Key key(String userId, String address) {
    return new Key(userId == null ? "" : userId.toLowerCase(Locale.ROOT), address == null ? "unknown" : address);
  }

  private record Key(String userId, String address) {
  }
}
