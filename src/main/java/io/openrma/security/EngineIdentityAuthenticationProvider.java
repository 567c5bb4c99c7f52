package io.openrma.security;

import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.stereotype.Component;

/**
 * HTTP Basic for OpenRMA's own API and the actuator, checked against the engine's identity
 * service: the same users, passwords and groups as Cockpit, Tasklist and {@code /engine-rest}.
 * Each group id becomes an authority. The engine's login throttling (increasing delays, then a
 * lock after repeated failures) applies here as well.
 */
@Component
public class EngineIdentityAuthenticationProvider implements AuthenticationProvider {

  private final IdentityService identityService;

  public EngineIdentityAuthenticationProvider(IdentityService identityService) {
    this.identityService = identityService;
  }

  @Override
  public Authentication authenticate(Authentication authentication) {
    String userId = authentication.getName();
    Object credentials = authentication.getCredentials();
    if (userId == null || userId.isBlank() || !(credentials instanceof String password)
        || !identityService.checkPassword(userId, password)) {
      throw new BadCredentialsException("Unknown user or wrong password");
    }
    List<SimpleGrantedAuthority> authorities = identityService.createGroupQuery().groupMember(userId).list().stream()
        .map(Group::getId)
        .map(SimpleGrantedAuthority::new)
        .toList();
    return UsernamePasswordAuthenticationToken.authenticated(userId, null, authorities);
  }

  @Override
  public boolean supports(Class<?> authentication) {
    return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
  }
}
