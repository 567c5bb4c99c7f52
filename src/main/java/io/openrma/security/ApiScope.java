package io.openrma.security;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpMethod;
import org.springframework.http.server.PathContainer;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * What an API token may call: each scope is a group of endpoints. A token is also bound by the groups of
 * the user it acts as ({@link WebSecurityConfig}), so a scope never gives more than that user has. The
 * administrators' endpoints ({@code /api/admin/**}) and the erasure of a customer's data are in no scope:
 * those need a person's password.
 */
public enum ApiScope {

  /** {@code POST /api/carrier/events}: a carrier's tracking events. */
  CARRIER_EVENTS("carrier-events", HttpMethod.POST, "/api/carrier/events"),
  /** {@code POST /api/warehouse/arrivals}: a warehouse's arrival scans. */
  WAREHOUSE_ARRIVALS("warehouse-arrivals", HttpMethod.POST, "/api/warehouse/arrivals"),
  /** {@code GET /api/returns}, {@code GET /api/returns/{rmaNumber}}: read returns. */
  RETURNS_READ("returns-read", HttpMethod.GET, "/api/returns", "/api/returns/**"),
  /** {@code POST /api/returns}, {@code POST /api/returns/{rmaNumber}/cancel}: create and cancel returns. */
  RETURNS_WRITE("returns-write", HttpMethod.POST, "/api/returns", "/api/returns/*/cancel");

  private final String id;
  private final HttpMethod method;
  private final List<PathPattern> paths;

  ApiScope(String id, HttpMethod method, String... paths) {
    this.id = id;
    this.method = method;
    this.paths = Arrays.stream(paths).map(PathPatternParser.defaultInstance::parse).toList();
  }

  /** The name tokens carry, e.g. {@code carrier-events}. */
  public String id() {
    return id;
  }

  public static Optional<ApiScope> byId(String id) {
    return Arrays.stream(values()).filter(scope -> scope.id.equals(id)).findFirst();
  }

  /** The scope a request needs; empty when no token may make it. */
  static Optional<ApiScope> neededFor(HttpServletRequest request) {
    PathContainer path = PathContainer.parsePath(
        request.getRequestURI().substring(request.getContextPath().length()));
    return Arrays.stream(values())
        .filter(scope -> scope.method.matches(request.getMethod()))
        .filter(scope -> scope.paths.stream().anyMatch(pattern -> pattern.matches(path)))
        .findFirst();
  }
}
