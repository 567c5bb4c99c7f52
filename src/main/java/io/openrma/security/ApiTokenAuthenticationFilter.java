package io.openrma.security;

import java.io.IOException;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import io.openrma.security.RecentCallers.TokenCaller;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * {@code Authorization: Bearer ormat_...} on {@code /api/**}: the request acts as the token's user, with that
 * user's groups, if the token is known, not revoked and has the scope the endpoint needs ({@link ApiScope}).
 * An unknown or revoked token is a 401, a request outside the token's scopes a 403, both problem documents.
 * No password is checked, so a token can neither trigger nor meet a login throttle. Requests without a bearer
 * token go on to HTTP Basic. A token recognised a moment ago is not looked up again ({@link RecentCallers}).
 */
class ApiTokenAuthenticationFilter extends OncePerRequestFilter {

  private static final String BEARER = "Bearer ";

  private final ApiTokens tokens;
  private final IdentityService identityService;
  private final ProblemResponses problems;
  private final RecentCallers recent;
  private final SecurityContextHolderStrategy contexts = SecurityContextHolder.getContextHolderStrategy();

  ApiTokenAuthenticationFilter(ApiTokens tokens, IdentityService identityService, ProblemResponses problems,
      RecentCallers recent) {
    this.tokens = tokens;
    this.identityService = identityService;
    this.problems = problems;
    this.recent = recent;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String header = request.getHeader(HttpHeaders.AUTHORIZATION);
    if (header == null || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
      chain.doFilter(request, response);
      return;
    }
    String secret = header.substring(BEARER.length()).strip();
    Optional<TokenCaller> caller = recent.token(secret);
    if (caller.isEmpty()) {
      caller = recognise(secret, response);
      if (caller.isEmpty()) {
        return; // the response says why
      }
      recent.rememberToken(secret, caller.get());
    }
    ApiToken token = caller.get().token();
    Optional<ApiScope> needed = ApiScope.neededFor(request);
    if (needed.isEmpty() || !token.allows(needed.get())) {
      String what = request.getMethod() + " " + request.getRequestURI();
      response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"OpenRMA\", error=\"insufficient_scope\""
          + needed.map(scope -> ", scope=\"" + scope.id() + "\"").orElse(""));
      problems.write(response, HttpStatus.FORBIDDEN, "insufficient-scope", "Outside the token's scopes",
          needed.map(scope -> "API token " + token.id() + " has the scopes [" + token.scopes() + "]; " + what
              + " needs the scope " + scope.id() + ". Ask an administrator for a token with it.")
              .orElse(what + " is not open to API tokens; it needs the password of a person with the right group."));
      return;
    }
    SecurityContext context = contexts.createEmptyContext();
    context.setAuthentication(
        UsernamePasswordAuthenticationToken.authenticated(token.userId(), null, caller.get().authorities()));
    contexts.setContext(context);
    chain.doFilter(request, response);
  }

  /** The token of this secret with its user's groups, or empty when the response already says why not. */
  private Optional<TokenCaller> recognise(String secret, HttpServletResponse response) throws IOException {
    Optional<ApiToken> found;
    try {
      found = secret.startsWith(ApiTokens.PREFIX) ? tokens.recognise(secret) : Optional.empty();
    } catch (DataAccessException e) {
      // as ApiExceptionHandler answers when the database is away, which this filter runs before
      response.setHeader(HttpHeaders.RETRY_AFTER, "5");
      problems.write(response, HttpStatus.SERVICE_UNAVAILABLE, "unavailable", "Temporarily unavailable",
          "OpenRMA could not check the API token: its database is unreachable. Send the request again in a few "
              + "seconds.");
      return Optional.empty();
    }
    if (found.isEmpty()) {
      invalid(response, "This API token is unknown. Send a token an administrator created (POST /api/admin/tokens), "
          + "as \"Authorization: Bearer ormat_...\".");
      return Optional.empty();
    }
    ApiToken token = found.get();
    if (token.isRevoked()) {
      invalid(response, "API token " + token.id() + " (" + token.name() + ") was revoked at " + token.revokedAt()
          + ". Ask an administrator for a new one.");
      return Optional.empty();
    }
    if (identityService.createUserQuery().userId(token.userId()).count() == 0) {
      invalid(response, "API token " + token.id() + " acts as user '" + token.userId()
          + "', who no longer exists. Ask an administrator for a new token.");
      return Optional.empty();
    }
    return Optional.of(new TokenCaller(token, EngineIdentityAuthenticationProvider.groupsOf(identityService,
        token.userId())));
  }

  private void invalid(HttpServletResponse response, String detail) throws IOException {
    response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"OpenRMA\", error=\"invalid_token\"");
    problems.write(response, HttpStatus.UNAUTHORIZED, "invalid-token", "Invalid API token", detail);
  }
}
