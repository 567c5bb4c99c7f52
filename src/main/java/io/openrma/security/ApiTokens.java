package io.openrma.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import io.openrma.system.ApiProblems;
import io.openrma.system.ApiProblems.Violation;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.stereotype.Service;

/**
 * Creates, lists, revokes and recognises API tokens. A token is {@code ormat_} plus 32 random bytes
 * (base64url), which is too many to guess, so tokens need no throttle and never touch the engine's password
 * check. Only the secret's SHA-256 is stored: a copy of the database lets nobody call the API.
 */
@Service
class ApiTokens {

  /** Every token starts with this, so secret scanners and people recognise one. */
  public static final String PREFIX = "ormat_";
  private static final Duration LAST_USED_PRECISION = Duration.ofMinutes(1);

  private final ApiTokenRepository tokens;
  private final IdentityService identityService;
  private final Clock clock;
  private final RecentCallers recent;
  private final SecureRandom random = new SecureRandom();

  ApiTokens(ApiTokenRepository tokens, IdentityService identityService, Clock clock, RecentCallers recent) {
    this.tokens = tokens;
    this.identityService = identityService;
    this.clock = clock;
    this.recent = recent;
  }

  /** A new token and its secret, which exists only in this answer. */
  record Created(long id, String secret) {
  }

  /** Creates a token for {@code userId} with the given scope ids; 400 naming the field when one is wrong. */
  Created create(String name, String userId, List<String> scopes, String createdBy) {
    List<Violation> violations = new ArrayList<>();
    if (name == null || name.isBlank() || name.length() > 100) {
      violations.add(new Violation("name", "must be 1 to 100 characters, e.g. \"DHL tracking events\""));
    }
    if (userId == null || userId.isBlank() || identityService.createUserQuery().userId(userId).count() == 0) {
      violations.add(new Violation("user", "must be an existing user, e.g. shipbot; create it in Camunda Admin first"));
    }
    Set<String> scopeIds = new LinkedHashSet<>();
    if (scopes == null || scopes.isEmpty()) {
      violations.add(new Violation("scopes", "must name at least one of " + scopeNames()));
    } else {
      for (String scope : scopes) {
        if (ApiScope.byId(scope).isEmpty()) {
          violations.add(new Violation("scopes", "'" + scope + "' is none of " + scopeNames()));
        }
        scopeIds.add(scope);
      }
    }
    if (!violations.isEmpty()) {
      throw new ApiProblems.InvalidRequest(violations);
    }
    byte[] bytes = new byte[32];
    random.nextBytes(bytes);
    String secret = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    ApiToken saved = tokens.save(new ApiToken(null, name.strip(), userId, String.join(" ", scopeIds), hash(secret),
        clock.instant(), createdBy, null, null, null));
    return new Created(saved.id(), secret);
  }

  /** All tokens, newest first, revoked ones included; never a secret. */
  List<ApiToken> list() {
    return tokens.findAllByOrderByIdDesc();
  }

  Optional<ApiToken> find(long id) {
    return tokens.findById(id);
  }

  /** Revokes a token for good; revoking it again changes nothing. 404 for an unknown id. */
  ApiToken revoke(long id, String revokedBy) {
    ApiToken token = tokens.findById(id).orElseThrow(() -> new ApiProblems.NotFound("There is no API token " + id
        + ". GET /api/admin/tokens lists them."));
    recent.forgetToken(id);
    return token.isRevoked() ? token : tokens.save(token.revoked(clock.instant(), revokedBy));
  }

  /** Whether a token of this name exists for this user, revoked or not. */
  boolean exists(String userId, String name) {
    return tokens.existsByUserIdAndName(userId, name);
  }

  /** The token with this secret, if there is one (revoked ones too); notes its use. */
  Optional<ApiToken> recognise(String secret) {
    Optional<ApiToken> token = tokens.findBySecretHash(hash(secret));
    token.filter(t -> !t.isRevoked()).ifPresent(t -> {
      OffsetDateTime now = clock.instant().atOffset(ZoneOffset.UTC);
      tokens.markUsed(t.id(), now, now.minus(LAST_USED_PRECISION));
    });
    return token;
  }

  static String hash(String secret) {
    try {
      return HexFormat.of()
          .formatHex(MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("Every JVM has SHA-256", e);
    }
  }

  private static String scopeNames() {
    return String.join(", ", Arrays.stream(ApiScope.values()).map(ApiScope::id).toList());
  }
}
