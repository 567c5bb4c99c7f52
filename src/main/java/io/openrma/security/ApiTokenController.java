package io.openrma.security;

import java.net.URI;
import java.security.Principal;
import java.time.Instant;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/admin/tokens}: administrators (camunda-admin, with their password; no token reaches here)
 * create, list and revoke the API tokens of machine users.
 */
@RestController
@RequestMapping("/api/admin/tokens")
@SecurityRequirement(name = "basic")
@Tag(name = "API tokens", description = "Tokens for machine users; administrators only")
class ApiTokenController {

  private final ApiTokens tokens;

  ApiTokenController(ApiTokens tokens) {
    this.tokens = tokens;
  }

  /** What an administrator asks for: a name people recognise, the user the token acts as, its scopes. */
  record NewToken(String name, String user, List<String> scopes) {
  }

  /** A token as listed: never its secret. */
  record TokenView(long id, String name, String user, List<String> scopes, Instant createdAt, String createdBy,
      Instant lastUsedAt, Instant revokedAt, String revokedBy) {

    static TokenView of(ApiToken token) {
      return new TokenView(token.id(), token.name(), token.userId(), token.scopeIds(), token.createdAt(),
          token.createdBy(), token.lastUsedAt(), token.revokedAt(), token.revokedBy());
    }
  }

  /** A new token with its secret, which is shown this once. */
  record CreatedToken(long id, String name, String user, List<String> scopes, Instant createdAt, String createdBy,
      String token, String note) {
  }

  @PostMapping
  @Operation(summary = "Create an API token; the answer holds its secret, which is shown only this once")
  ResponseEntity<CreatedToken> create(@RequestBody NewToken request, Principal admin) {
    ApiTokens.Created created = tokens.create(request.name(), request.user(), request.scopes(), admin.getName());
    ApiToken token = tokens.find(created.id()).orElseThrow();
    return ResponseEntity.created(URI.create("/api/admin/tokens/" + token.id()))
        .body(new CreatedToken(token.id(), token.name(), token.userId(), token.scopeIds(), token.createdAt(),
            token.createdBy(), created.secret(),
            "Store the token now: OpenRMA keeps only its hash and cannot show it again. "
                + "Send it as \"Authorization: Bearer <token>\"."));
  }

  @GetMapping
  @Operation(summary = "All API tokens, newest first, revoked ones included; without secrets")
  List<TokenView> list() {
    return tokens.list().stream().map(TokenView::of).toList();
  }

  @DeleteMapping("/{id}")
  @Operation(summary = "Revoke an API token for good (from the next request on); repeating it changes nothing")
  TokenView revoke(@PathVariable long id, Principal admin) {
    return TokenView.of(tokens.revoke(id, admin.getName()));
  }
}
