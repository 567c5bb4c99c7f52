package io.openrma.security;

import java.io.IOException;
import java.util.List;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.webapp.impl.security.auth.Authentication;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.server.PathContainer;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * The customer's photos for a staff member logged into Tasklist or Cockpit: the review and inspection forms link
 * to {@code /api/returns/{rma}/photos}, which is in the stateless API chain, so without this the browser would ask
 * for a second login. A {@code GET} (or {@code HEAD}) of the photo list or of one photo, without an
 * {@code Authorization} header, acts as the user of the Camunda webapps' login in the same servlet session, with
 * that user's groups read from the engine on each request, so the API chain's group rules decide as for any other
 * caller, and a deleted user or a removed group counts at once (photos are opened rarely: no {@link RecentCallers}).
 *
 * <p>Only these two read-only, side-effect-free paths: nothing a forged cross-site request could change, and a
 * photo is always a {@code nosniff} attachment. Every other endpoint stays Basic or token only, so the session
 * cookie never becomes a credential for writes (no CSRF token on {@code /api}) or for the API's other reads.
 */
class WebappSessionPhotoFilter extends OncePerRequestFilter {

  private static final List<PathPattern> PHOTOS = List.of(
      PathPatternParser.defaultInstance.parse("/api/returns/{rmaNumber}/photos"),
      PathPatternParser.defaultInstance.parse("/api/returns/{rmaNumber}/photos/{position}"));

  private final IdentityService identityService;
  private final String engineName;
  private final SecurityContextHolderStrategy contexts = SecurityContextHolder.getContextHolderStrategy();

  WebappSessionPhotoFilter(IdentityService identityService, String engineName) {
    this.identityService = identityService;
    this.engineName = engineName;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String userId = applies(request) ? webappUser(request.getSession(false)) : null;
    if (userId != null && identityService.createUserQuery().userId(userId).count() > 0) {
      SecurityContext context = contexts.createEmptyContext();
      context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(userId, null,
          EngineIdentityAuthenticationProvider.groupsOf(identityService, userId)));
      contexts.setContext(context);
    }
    chain.doFilter(request, response);
  }

  private static boolean applies(HttpServletRequest request) {
    if (!HttpMethod.GET.matches(request.getMethod()) && !HttpMethod.HEAD.matches(request.getMethod())
        || request.getHeader(HttpHeaders.AUTHORIZATION) != null) {
      return false;
    }
    PathContainer path = PathContainer.parsePath(
        request.getRequestURI().substring(request.getContextPath().length()));
    return PHOTOS.stream().anyMatch(pattern -> pattern.matches(path));
  }

  /** The user logged into the webapps for this engine in this session, or {@code null}. */
  private String webappUser(HttpSession session) {
    if (session == null) {
      return null;
    }
    Authentication login = AuthenticationUtil.getAuthsFromSession(session).getAuthenticationForProcessEngine(
        engineName);
    return login == null || login.getIdentityId() == null ? null : login.getIdentityId();
  }
}
