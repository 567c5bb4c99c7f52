package io.openrma.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.RETURNS_DEEP_STUBS;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import io.openrma.support.MutableClock;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;

/**
 * A partner polling with the same password is checked once per {@code caller-cache}, not on every request; a
 * wrong password is never remembered, and {@code 0s} checks every request as before.
 */
class RecentCallersTest {

  private final IdentityService identity = mock(IdentityService.class, RETURNS_DEEP_STUBS);

  @Test
  void aRightPasswordIsCheckedOnceWhileItIsRemembered() {
    EngineIdentityAuthenticationProvider provider = provider(Duration.ofSeconds(30));
    shipbotWithPassword("shipbot");

    for (int i = 0; i < 5; i++) {
      Authentication authenticated = provider.authenticate(basic("shipbot", "shipbot"));
      assertThat(authenticated.getAuthorities()).extracting(GrantedAuthority::getAuthority)
          .containsExactly("integrations");
    }

    verify(identity, times(1)).checkPassword("shipbot", "shipbot");
  }

  @Test
  void aWrongPasswordIsNeverRememberedAndDoesNotOpenTheRightOne() {
    EngineIdentityAuthenticationProvider provider = provider(Duration.ofSeconds(30));
    shipbotWithPassword("shipbot");

    for (int i = 0; i < 3; i++) {
      assertThatThrownBy(() -> provider.authenticate(basic("shipbot", "guess"))).isInstanceOf(
          BadCredentialsException.class);
    }
    provider.authenticate(basic("shipbot", "shipbot"));
    assertThatThrownBy(() -> provider.authenticate(basic("shipbot", "shipbot2")))
        .isInstanceOf(BadCredentialsException.class);

    verify(identity, times(3)).checkPassword("shipbot", "guess");
    verify(identity, times(1)).checkPassword("shipbot", "shipbot2");
  }

  @Test
  void withTheCacheOffEveryRequestIsChecked() {
    EngineIdentityAuthenticationProvider provider = provider(Duration.ZERO);
    shipbotWithPassword("shipbot");

    provider.authenticate(basic("shipbot", "shipbot"));
    provider.authenticate(basic("shipbot", "shipbot"));

    verify(identity, times(2)).checkPassword("shipbot", "shipbot");
  }

  private void shipbotWithPassword(String password) {
    when(identity.checkPassword("shipbot", password)).thenReturn(true);
    Group integrations = mock(Group.class);
    when(integrations.getId()).thenReturn("integrations");
    when(identity.createGroupQuery().groupMember("shipbot").list()).thenReturn(List.of(integrations));
  }

  private EngineIdentityAuthenticationProvider provider(Duration cache) {
    SecurityProperties properties = new SecurityProperties(null, null, true, null, cache);
    return new EngineIdentityAuthenticationProvider(identity,
        new LoginThrottle(properties, new MutableClock(Instant.parse("2026-12-02T08:00:00Z"))),
        new RecentCallers(properties));
  }

  private static UsernamePasswordAuthenticationToken basic(String user, String password) {
    return UsernamePasswordAuthenticationToken.unauthenticated(user, password);
  }
}
