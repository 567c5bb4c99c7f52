package io.openrma.security;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Closes the Admin webapp's first-run setup ({@code /camunda/api/admin/setup/...}) for good once the
 * engine has any user (CVE-2026-77226). Camunda 7.24.0 only refuses setup while the
 * {@code camunda-admin} group has members, so an installation whose admin group is empty (or
 * whose admins sit in another group) would let anybody create an administrator.
 */
public class AdminSetupGuardFilter extends OncePerRequestFilter {

  private final IdentityService identityService;

  public AdminSetupGuardFilter(IdentityService identityService) {
    this.identityService = identityService;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    if (identityService.createUserQuery().count() > 0) {
      response.setStatus(HttpStatus.FORBIDDEN.value());
      response.setContentType("application/problem+json");
      response.getWriter().write("{\"type\":\"about:blank\",\"title\":\"Forbidden\",\"status\":403,"
          + "\"detail\":\"Setup is closed: this installation already has users. "
          + "An administrator creates further users in the Admin webapp.\"}");
      return;
    }
    chain.doFilter(request, response);
  }
}
