package io.openrma.security;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

/**
 * An API token of a machine user (a carrier, a warehouse scanner, a partner): it acts as {@code userId}
 * within its {@code scopes} (space-separated {@link ApiScope} ids). Only the SHA-256 of the secret is kept;
 * the secret itself is shown once, when the token is created.
 */
@Table("rma_api_token")
record ApiToken(@Id Long id, String name, String userId, String scopes, String secretHash, Instant createdAt,
    String createdBy, Instant lastUsedAt, Instant revokedAt, String revokedBy) {

  List<String> scopeIds() {
    return Arrays.stream(scopes.split(" ")).filter(s -> !s.isBlank()).toList();
  }

  boolean allows(ApiScope scope) {
    return scopeIds().contains(scope.id());
  }

  boolean isRevoked() {
    return revokedAt != null;
  }

  ApiToken revoked(Instant at, String by) {
    return new ApiToken(id, name, userId, scopes, secretHash, createdAt, createdBy, lastUsedAt, at, by);
  }
}
