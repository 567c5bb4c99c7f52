package io.openrma.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

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
 * <p>In memory, per node: a cluster of N nodes allows N times the attempts, and a restart forgets them.
 * At most {@code maxEntries} (user, address) pairs are kept; when full, expired pairs go first, then the one
 * whose last failure is oldest. Time comes from the {@link Clock} bean, so tests move it.
 */
@Component
class LoginThrottle {

  private static final Logger log = LoggerFactory.getLogger(LoginThrottle.class);

  private final SecurityProperties.Throttle settings;
  private final Clock clock;
  private final Map<Key, Failures> failures = new ConcurrentHashMap<>();

  LoginThrottle(SecurityProperties properties, Clock clock) {
    this.settings = properties.loginThrottle();
    this.clock = clock;
  }

  /** How long {@code address} must still wait before it may send a password for {@code userId}; empty: now. */
  public Optional<Duration> refusedFor(String userId, String address) {
    Failures entry = failures.get(key(userId, address));
    Instant now = clock.instant();
    if (entry == null || entry.refusedUntil() == null || !entry.refusedUntil().isAfter(now)) {
      return Optional.empty();
    }
    return Optional.of(Duration.between(now, entry.refusedUntil()));
  }

  /** A wrong password (or an unknown user) for {@code userId} from {@code address}. */
  public void failed(String userId, String address) {
    Key key = key(userId, address);
    Instant now = clock.instant();
    if (!failures.containsKey(key) && failures.size() >= settings.maxEntries()) {
      makeRoom(now);
    }
    Failures updated = failures.compute(key, (k, entry) -> {
      if (entry == null || entry.isOver(now, settings.window())) {
        entry = new Failures(now, 0, null, now);
      }
      int count = entry.count() + 1;
      Instant refusedUntil = count >= settings.maxFailures() ? now.plus(settings.refusal()) : null;
      return new Failures(entry.windowStart(), count, refusedUntil, now);
    });
    if (updated.count() == settings.maxFailures()) {
      log.warn("{} wrong passwords for user '{}' from {} within {}: that address is refused for this user until {}",
          updated.count(), printable(userId), key.address(), settings.window(), updated.refusedUntil());
    }
  }

  /** The right password: this address starts over for this user. */
  public void succeeded(String userId, String address) {
    failures.remove(key(userId, address));
  }

  int size() {
    return failures.size();
  }

  private synchronized void makeRoom(Instant now) {
    failures.entrySet().removeIf(e -> e.getValue().isOver(now, settings.window()));
    while (failures.size() >= settings.maxEntries()) {
      failures.entrySet().stream().min(Comparator.comparing(e -> e.getValue().lastFailure()))
          .ifPresent(oldest -> failures.remove(oldest.getKey(), oldest.getValue()));
    }
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

  /** Failures since {@code windowStart}; {@code refusedUntil} once there were too many. */
  private record Failures(Instant windowStart, int count, Instant refusedUntil, Instant lastFailure) {

    /** A refusal that ended, or a window without refusal that passed: the pair starts over. */
    boolean isOver(Instant now, Duration window) {
      return refusedUntil != null ? !refusedUntil.isAfter(now) : !windowStart.plus(window).isAfter(now);
    }
  }
}
