package io.openrma.security;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.stereotype.Component;

/**
 * HTTP Basic for OpenRMA's own API and the actuator, checked against the engine's identity
 * service: the same users, passwords and groups as Cockpit, Tasklist and {@code /engine-rest}.
 * Each group id becomes an authority. Wrong passwords are throttled per user and source address
 * ({@link LoginThrottle}); an address that is refused for a user gets {@link TooManyFailures} (429)
 * before its password is looked at. The engine's own lock is off ({@link PasswordCheckHardening}). A user
 * whose password was right a moment ago is recognised without the engine's hash ({@link RecentCallers}).
 */
@Component
public class EngineIdentityAuthenticationProvider implements AuthenticationProvider {

  private final IdentityService identityService;
  private final LoginThrottle throttle;
  private final RecentCallers recent;

  EngineIdentityAuthenticationProvider(IdentityService identityService, LoginThrottle throttle,
      RecentCallers recent) {
    this.identityService = identityService;
    this.throttle = throttle;
    this.recent = recent;
  }

  @Override
  public Authentication authenticate(Authentication authentication) {
    String userId = authentication.getName();
    Object credentials = authentication.getCredentials();
    if (userId == null || userId.isBlank() || !(credentials instanceof String password)) {
      throw new BadCredentialsException("Unknown user or wrong password");
    }
    Optional<Duration> refused = throttle.refusedFor(userId, ClientAddress.current());
    if (refused.isPresent()) {
      throw new TooManyFailures(refused.get());
    }
    Optional<List<SimpleGrantedAuthority>> known = recent.person(userId, password);
    if (known.isPresent()) {
      return UsernamePasswordAuthenticationToken.authenticated(userId, null, known.get());
    }
    if (!identityService.checkPassword(userId, password)) {
      throw new BadCredentialsException("Unknown user or wrong password");
    }
    List<SimpleGrantedAuthority> groups = groupsOf(identityService, userId);
    recent.rememberPerson(userId, password, groups);
    return UsernamePasswordAuthenticationToken.authenticated(userId, null, groups);
  }

  @Override
  public boolean supports(Class<?> authentication) {
    return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
  }

  /** The user's groups as authorities. */
  static List<SimpleGrantedAuthority> groupsOf(IdentityService identityService, String userId) {
    return identityService.createGroupQuery().groupMember(userId).list().stream()
        .map(Group::getId)
        .map(SimpleGrantedAuthority::new)
        .toList();
  }

  /** Too many wrong passwords for this user from this address: try again after {@link #retryAfter()}. */
  public static class TooManyFailures extends AuthenticationException {

    private final Duration retryAfter;

    public TooManyFailures(Duration retryAfter) {
      super("Too many wrong passwords for this user from this address");
      this.retryAfter = retryAfter;
    }

    public Duration retryAfter() {
      return retryAfter;
    }
  }
}
