package io.openrma.security;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

import jakarta.servlet.FilterConfig;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.Tenant;
import org.camunda.bpm.engine.rest.security.auth.AuthenticationProvider;
import org.camunda.bpm.engine.rest.security.auth.AuthenticationResult;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;

/**
 * Camunda's Basic authentication filter for {@code /engine-rest}, with two changes: {@code GET /version} stays
 * open so that the Camunda Modeler can check the engine before the user has typed credentials, and a user whose
 * password was right a moment ago is recognised with the groups and tenants read then ({@link RecentCallers}),
 * instead of the engine's password hash and two queries on every request.
 */
public class EngineRestAuthenticationFilter extends ProcessEngineAuthenticationFilter {

  private static final String BASIC = "Basic ";

  private final RecentCallers recent;

  public EngineRestAuthenticationFilter(RecentCallers recent) {
    this.recent = recent;
  }

  @Override
  public void init(FilterConfig filterConfig) throws ServletException {
    super.init(filterConfig);
    authenticationProvider = new Remembering(authenticationProvider, recent);
  }

  @Override
  protected boolean requiresEngineAuthentication(String requestUrl) {
    return !"/version".equals(requestUrl) && super.requiresEngineAuthentication(requestUrl);
  }

  /** Camunda's provider, asked only for callers not recognised a moment ago; their groups and tenants kept. */
  private record Remembering(AuthenticationProvider camunda, RecentCallers recent) implements AuthenticationProvider {

    @Override
    public AuthenticationResult extractAuthenticatedUser(HttpServletRequest request, ProcessEngine engine) {
      Optional<String[]> credentials = credentials(request.getHeader("Authorization"));
      Optional<RecentCallers.EngineCaller> known = credentials.flatMap(c -> recent.engineUser(c[0], c[1]));
      if (known.isPresent()) {
        return known.get().result();
      }
      AuthenticationResult result = camunda.extractAuthenticatedUser(request, engine);
      if (result.isAuthenticated() && credentials.isPresent()
          && credentials.get()[0].equals(result.getAuthenticatedUser())) {
        String userId = result.getAuthenticatedUser();
        List<String> groups = engine.getIdentityService().createGroupQuery().groupMember(userId).list().stream()
            .map(Group::getId).toList();
        List<String> tenants = engine.getIdentityService().createTenantQuery().userMember(userId)
            .includingGroupsOfUser(true).list().stream().map(Tenant::getId).toList();
        recent.rememberEngineUser(credentials.get()[0], credentials.get()[1],
            new RecentCallers.EngineCaller(userId, groups, tenants));
        result.setGroups(groups);
        result.setTenants(tenants);
      }
      return result;
    }

    @Override
    public void augmentResponseByAuthenticationChallenge(HttpServletResponse response, ProcessEngine engine) {
      camunda.augmentResponseByAuthenticationChallenge(response, engine);
    }

    private static Optional<String[]> credentials(String header) {
      if (header == null || !header.regionMatches(true, 0, BASIC, 0, BASIC.length())) {
        return Optional.empty();
      }
      try {
        String decoded = new String(Base64.getDecoder().decode(header.substring(BASIC.length()).strip()),
            StandardCharsets.UTF_8);
        int colon = decoded.indexOf(':');
        return colon <= 0
            ? Optional.empty()
            : Optional.of(new String[]{decoded.substring(0, colon), decoded.substring(colon + 1)});
      } catch (IllegalArgumentException e) {
        return Optional.empty();
      }
    }
  }
}
