package io.openrma.security;

import static io.openrma.security.Groups.ADMIN;
import static io.openrma.security.Groups.ANALYSTS;
import static io.openrma.security.Groups.CUSTOMER_SERVICE;
import static io.openrma.security.Groups.FINANCE;
import static io.openrma.security.Groups.INTEGRATIONS;
import static io.openrma.security.Groups.WAREHOUSE;

import java.io.IOException;
import java.time.Duration;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.openrma.security.EngineIdentityAuthenticationProvider.TooManyFailures;
import jakarta.servlet.http.HttpServletResponse;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.session.NullAuthenticatedSessionStrategy;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;

/**
 * Who may call what over HTTP, apart from the Camunda webapps (session login, Camunda's own
 * CSRF protection) and {@code /engine-rest} (engine Basic auth, see {@link EngineRestSecurityConfig}).
 *
 * <ul>
 *   <li>{@code /api/**}: an API token ({@link ApiTokenAuthenticationFilter}, machine users) or HTTP Basic against
 *   the engine's users (people; wrong passwords throttled per user and address, see {@link LoginThrottle});
 *   access by group, stateless; the one cookie it reads is the Camunda webapps' login, and only for a GET of a
 *   return's photos, which the Tasklist forms link to ({@link WebappSessionPhotoFilter}).</li>
 *   <li>{@code /actuator/**}: health and info are open (details only for admins), the rest is for admins.</li>
 *   <li>{@code /integrations/**}: connecting an integration (QuickBooks' OAuth), for admins only.</li>
 *   <li>{@code /webhooks/**}: open to the senders; every request is verified by its signature.</li>
 *   <li>{@code /returns/**}: the customer portal's own chain (order 4, {@code portal.PortalSecurityConfig}).</li>
 *   <li>{@code /analysts/**}: staff pages (the policy simulation): HTTP Basic against the engine's users, analysts
 *   and admins only, stateless; CSRF tokens in a cookie (nothing kept on the server), a strict
 *   Content-Security-Policy.</li>
 *   <li>everything else: security headers only.</li>
 * </ul>
 * Failures are RFC 7807 problem documents, like the rest of the API.
 */
@Configuration
public class WebSecurityConfig {

  private final ProblemResponses problems;

  public WebSecurityConfig(ObjectMapper objectMapper) {
    this.problems = new ProblemResponses(objectMapper);
  }

  @Bean
  @Order(1)
  SecurityFilterChain apiSecurity(HttpSecurity http, ApiTokens tokens, IdentityService identityService,
      RecentCallers recent, ProcessEngine engine) throws Exception {
    http.securityMatcher("/api/**")
        .addFilterBefore(new ApiTokenAuthenticationFilter(tokens, identityService, problems, recent),
            BasicAuthenticationFilter.class)
        .addFilterBefore(new WebappSessionPhotoFilter(identityService, engine.getName()),
            BasicAuthenticationFilter.class)
        .authorizeHttpRequests(auth -> auth
            .requestMatchers(HttpMethod.POST, "/api/returns", "/api/returns/*/cancel",
                "/api/returns/*/status-links/revoke")
            .hasAnyAuthority(CUSTOMER_SERVICE, ADMIN)
            .requestMatchers(HttpMethod.POST, "/api/warehouse/arrivals").hasAnyAuthority(WAREHOUSE, INTEGRATIONS, ADMIN)
            .requestMatchers(HttpMethod.POST, "/api/carrier/events").hasAnyAuthority(INTEGRATIONS, ADMIN)
            .requestMatchers(HttpMethod.POST, "/api/policy/simulations").hasAnyAuthority(ANALYSTS, ADMIN)
            .requestMatchers(HttpMethod.GET, "/api/returns", "/api/returns/**")
            .hasAnyAuthority(CUSTOMER_SERVICE, ANALYSTS, WAREHOUSE, FINANCE, ADMIN)
            .anyRequest().hasAuthority(ADMIN))
        .httpBasic(basic -> basic.authenticationEntryPoint((request, response, e) -> unauthorized(response, e)))
        .exceptionHandling(ex -> ex
            .authenticationEntryPoint((request, response, e) -> unauthorized(response, e))
            .accessDeniedHandler((request, response, e) -> problems.write(response, HttpStatus.FORBIDDEN, "forbidden",
                "Forbidden", "Your groups do not allow this request. Ask an administrator for the group that does.")))
        .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .csrf(AbstractHttpConfigurer::disable)
        .headers(this::headers);
    return http.build();
  }

  @Bean
  @Order(2)
  SecurityFilterChain actuatorSecurity(HttpSecurity http) throws Exception {
    http.securityMatcher("/actuator/**")
        .authorizeHttpRequests(auth -> auth
            .requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/info").permitAll()
            .anyRequest().hasAuthority(ADMIN))
        .httpBasic(basic -> basic.authenticationEntryPoint((request, response, e) -> unauthorized(response, e)))
        .exceptionHandling(ex -> ex
            .authenticationEntryPoint((request, response, e) -> unauthorized(response, e))
            .accessDeniedHandler((request, response, e) -> problems.write(response, HttpStatus.FORBIDDEN, "forbidden",
                "Forbidden", "Only members of camunda-admin may read this endpoint.")))
        .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .csrf(AbstractHttpConfigurer::disable)
        .headers(this::headers);
    return http.build();
  }

  /** {@code /integrations/**}: connecting another system (QuickBooks' OAuth), for admins only. */
  @Bean
  @Order(3)
  SecurityFilterChain integrationsSecurity(HttpSecurity http) throws Exception {
    http.securityMatcher("/integrations/**")
        .authorizeHttpRequests(auth -> auth.anyRequest().hasAuthority(ADMIN))
        .httpBasic(basic -> basic.authenticationEntryPoint((request, response, e) -> unauthorized(response, e)))
        .exceptionHandling(ex -> ex
            .authenticationEntryPoint((request, response, e) -> unauthorized(response, e))
            .accessDeniedHandler((request, response, e) -> problems.write(response, HttpStatus.FORBIDDEN, "forbidden",
                "Forbidden", "Only members of camunda-admin may connect integrations.")))
        .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .csrf(AbstractHttpConfigurer::disable)
        .headers(this::headers);
    return http.build();
  }

  @Bean
  @Order(4)
  SecurityFilterChain webhookSecurity(HttpSecurity http) throws Exception {
    http.securityMatcher("/webhooks/**")
        .authorizeHttpRequests(auth -> auth.anyRequest().permitAll())
        .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .csrf(AbstractHttpConfigurer::disable)
        .headers(this::headers);
    return http.build();
  }

  /**
   * {@code /analysts/**}: server-rendered pages for analysts. HTTP Basic is stateless, so the CSRF token lives in
   * a cookie and Thymeleaf's {@code th:action} puts its masked form in every form; no inline script or style.
   */
  @Bean
  @Order(5)
  SecurityFilterChain analystsSecurity(HttpSecurity http) throws Exception {
    http.securityMatcher("/analysts/**")
        .authorizeHttpRequests(auth -> auth.anyRequest().hasAnyAuthority(ANALYSTS, ADMIN))
        .httpBasic(basic -> basic.authenticationEntryPoint((request, response, e) -> unauthorized(response, e)))
        .exceptionHandling(ex -> ex
            .authenticationEntryPoint((request, response, e) -> unauthorized(response, e))
            .accessDeniedHandler((request, response, e) -> problems.write(response, HttpStatus.FORBIDDEN, "forbidden",
                "Forbidden", "Only analysts and admins may open these pages; a missing or stale form token is "
                    + "refused too: reload the page and send the form again.")))
        .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .requestCache(cache -> cache.disable())
        // every request logs in anew (Basic): renewing the token on login, as after a form login, would drop it
        // with the page's own stylesheet request, before the form is sent
        .csrf(csrf -> csrf.csrfTokenRepository(analystsCsrfTokens())
            .sessionAuthenticationStrategy(new NullAuthenticatedSessionStrategy()))
        .headers(headers -> {
          headers(headers);
          headers.contentSecurityPolicy(csp -> csp.policyDirectives("default-src 'self'; script-src 'self'; "
              + "style-src 'self'; img-src 'self' data:; form-action 'self'; frame-ancestors 'none'; "
              + "base-uri 'none'; object-src 'none'"));
        });
    return http.build();
  }

  private static CookieCsrfTokenRepository analystsCsrfTokens() {
    CookieCsrfTokenRepository tokens = new CookieCsrfTokenRepository();
    tokens.setCookiePath("/analysts");
    tokens.setCookieCustomizer(cookie -> cookie.sameSite("Strict"));
    return tokens;
  }

  /**
   * The Camunda webapps, {@code /engine-rest}, the OpenAPI page: their own authentication and
   * CSRF protection apply; Spring Security only adds headers. Camunda's static assets keep
   * their own cache headers.
   */
  @Bean
  @Order(6)
  SecurityFilterChain defaultSecurity(HttpSecurity http) throws Exception {
    http.authorizeHttpRequests(auth -> auth.anyRequest().permitAll())
        .csrf(AbstractHttpConfigurer::disable)
        .requestCache(cache -> cache.disable())
        .headers(headers -> {
          headers(headers);
          headers.cacheControl(cache -> cache.disable());
        });
    return http.build();
  }

  private void headers(
      org.springframework.security.config.annotation.web.configurers.HeadersConfigurer<HttpSecurity> headers) {
    headers.contentTypeOptions(Customizer.withDefaults())
        .frameOptions(frame -> frame.sameOrigin())
        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN))
        .httpStrictTransportSecurity(Customizer.withDefaults());
  }

  /**
   * 401, or 429 with {@code Retry-After} when this address sent too many wrong passwords for this user
   * (the same user from elsewhere, and API tokens, still get in).
   */
  private void unauthorized(HttpServletResponse response, AuthenticationException e) throws IOException {
    if (e instanceof TooManyFailures tooMany) {
      Duration wait = tooMany.retryAfter();
      long seconds = Math.max(1, wait.toSeconds() + (wait.toNanosPart() > 0 ? 1 : 0));
      response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
      problems.write(response, HttpStatus.TOO_MANY_REQUESTS, "too-many-failed-logins", "Too many wrong passwords",
          "Too many wrong passwords for this user from your address. Try again in " + seconds + " seconds; "
              + "machine users should use an API token instead of a password.");
      return;
    }
    response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"OpenRMA\"");
    problems.write(response, HttpStatus.UNAUTHORIZED, "unauthorized", "Unauthorized",
        "Send HTTP Basic credentials of an OpenRMA user (the same users as Cockpit and Tasklist), "
            + "or an API token as \"Authorization: Bearer ormat_...\".");
  }
}
