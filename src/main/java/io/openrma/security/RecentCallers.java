package io.openrma.security;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.camunda.bpm.engine.rest.security.auth.AuthenticationResult;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.stereotype.Component;

/**
 * Callers of the API recognised in the last {@code openrma.security.caller-cache} (30 s by default, {@code 0s}
 * turns it off): a person's password checked and groups read (on {@code /api} and {@code /engine-rest}), or an API
 * token found, its user and groups read.
 * Partners send a request every few hundred milliseconds; without this each one cost the engine's salted
 * password hash and two or three queries (a third of all transactions per return in {@code bench/}).
 * <p>
 * Only hashes are kept: SHA-256 of user and password, or of the token's secret. Wrong passwords and unknown
 * or revoked tokens are never remembered. What it costs: a changed password, a user removed from a group or
 * deleted takes effect on the API within that time on each node (the Camunda webapps are not affected). A
 * revoked token stops at once on the node that revoked it, within that time on the others.
 */
@Component
class RecentCallers {

  /** A recognised API token with its user's groups. */
  record TokenCaller(ApiToken token, List<SimpleGrantedAuthority> authorities) {
  }

  /** A user of {@code /engine-rest} with the groups and tenants the engine's authorization checks use. */
  record EngineCaller(String userId, List<String> groups, List<String> tenants) {

    EngineCaller {
      groups = List.copyOf(groups);
      tenants = List.copyOf(tenants);
    }

    AuthenticationResult result() {
      AuthenticationResult result = AuthenticationResult.successful(userId);
      result.setGroups(new java.util.ArrayList<>(groups)); // the engine's authentication keeps the lists it gets
      result.setTenants(new java.util.ArrayList<>(tenants));
      return result;
    }
  }

  private final Cache<String, List<SimpleGrantedAuthority>> people;
  private final Cache<String, TokenCaller> tokens;
  private final Cache<String, EngineCaller> engineUsers;

  RecentCallers(SecurityProperties properties) {
    this.people = cache(properties.callerCache());
    this.tokens = cache(properties.callerCache());
    this.engineUsers = cache(properties.callerCache());
  }

  private static <V> Cache<String, V> cache(Duration ttl) {
    return Caffeine.newBuilder().expireAfterWrite(ttl).maximumSize(ttl.isZero() ? 0 : 10_000).build();
  }

  Optional<List<SimpleGrantedAuthority>> person(String userId, String password) {
    return Optional.ofNullable(people.getIfPresent(personKey(userId, password)));
  }

  void rememberPerson(String userId, String password, List<SimpleGrantedAuthority> groups) {
    people.put(personKey(userId, password), List.copyOf(groups));
  }

  Optional<EngineCaller> engineUser(String userId, String password) {
    return Optional.ofNullable(engineUsers.getIfPresent(personKey(userId, password)));
  }

  void rememberEngineUser(String userId, String password, EngineCaller caller) {
    engineUsers.put(personKey(userId, password), caller);
  }

  Optional<TokenCaller> token(String secret) {
    return Optional.ofNullable(tokens.getIfPresent(ApiTokens.hash(secret)));
  }

  void rememberToken(String secret, TokenCaller caller) {
    tokens.put(ApiTokens.hash(secret), caller);
  }

  /** The token was revoked: this node stops accepting it at once. */
  void forgetToken(long tokenId) {
    tokens.asMap().values().removeIf(caller -> caller.token().id().longValue() == tokenId);
  }

  private static String personKey(String userId, String password) {
    return ApiTokens.hash(userId + '\u0000' + password.length() + '\u0000' + password);
  }
}
