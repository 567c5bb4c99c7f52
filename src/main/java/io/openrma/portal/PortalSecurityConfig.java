package io.openrma.portal;

import java.net.URI;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;

/**
 * The portal's own filter chain for {@code /returns/**} (before the catch-all chain of
 * {@code WebSecurityConfig}): open to everyone, no login of any kind and no security context from a session,
 * so a staff session never applies here; CSRF tokens on every form (Thymeleaf's {@code th:action} adds them);
 * a Content-Security-Policy that allows no inline script or style; no referrer, so a status link's token never
 * leaves in a {@code Referer}; pages never cached, since they show personal data.
 */
@Configuration(proxyBeanMethods = false)
class PortalSecurityConfig {

  @Bean
  @Order(4)
  SecurityFilterChain portalSecurity(HttpSecurity http, PortalProperties properties) throws Exception {
    http.securityMatcher("/returns", "/returns/**")
        .authorizeHttpRequests(auth -> auth.anyRequest().permitAll())
        .securityContext(context -> context.securityContextRepository(new RequestAttributeSecurityContextRepository()))
        .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.IF_REQUIRED))
        .requestCache(cache -> cache.disable())
        .csrf(Customizer.withDefaults())
        .headers(headers -> headers
            .contentSecurityPolicy(csp -> csp.policyDirectives(policy(properties.logoUrl())))
            .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.NO_REFERRER))
            .frameOptions(frame -> frame.deny())
            .contentTypeOptions(Customizer.withDefaults())
            .httpStrictTransportSecurity(Customizer.withDefaults()));
    return http.build();
  }

  /** The strict policy; a logo on another host adds that origin to {@code img-src}, nothing else. */
  static String policy(String logoUrl) {
    String images = "'self' data:";
    if (logoUrl != null && logoUrl.matches("https://[^/\\s;']+(/.*)?")) {
      URI logo = URI.create(logoUrl.replace(" ", "%20"));
      images += " https://" + logo.getRawAuthority();
    }
    return "default-src 'self'; script-src 'self'; style-src 'self'; img-src " + images
        + "; form-action 'self'; frame-ancestors 'none'; base-uri 'none'; object-src 'none'";
  }
}
