package io.openrma.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * Servlet filters in front of the Camunda REST API and webapps:
 * Basic authentication on {@code /engine-rest}, the closed Admin setup, and the request checks
 * (query expressions, Java serialization) on the engine APIs of both. In front of them all, the client's
 * address for the login throttle ({@link ClientAddress}).
 */
@Configuration
public class EngineRestSecurityConfig {

  @Bean
  FilterRegistrationBean<ClientAddress.Filter> clientAddress() {
    FilterRegistrationBean<ClientAddress.Filter> registration = new FilterRegistrationBean<>(
        new ClientAddress.Filter());
    registration.setName("openrma-client-address");
    registration.addUrlPatterns("/*");
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
    return registration;
  }

  @Bean
  FilterRegistrationBean<EngineRestAuthenticationFilter> engineRestAuthentication(RecentCallers recent) {
    FilterRegistrationBean<EngineRestAuthenticationFilter> registration = new FilterRegistrationBean<>(
        new EngineRestAuthenticationFilter(recent));
    registration.setName("openrma-engine-rest-auth");
    registration.addUrlPatterns("/engine-rest/*");
    registration.addInitParameter(ProcessEngineAuthenticationFilter.AUTHENTICATION_PROVIDER_PARAM,
        HttpBasicAuthenticationProvider.class.getName());
    registration.addInitParameter(ProcessEngineAuthenticationFilter.SERVLET_PATH_PREFIX, "/engine-rest");
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 20);
    return registration;
  }

  @Bean
  FilterRegistrationBean<AdminSetupGuardFilter> adminSetupGuard(IdentityService identityService) {
    FilterRegistrationBean<AdminSetupGuardFilter> registration = new FilterRegistrationBean<>(
        new AdminSetupGuardFilter(identityService));
    registration.setName("openrma-admin-setup-guard");
    registration.addUrlPatterns("/camunda/api/admin/setup/*");
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
    return registration;
  }

  @Bean
  FilterRegistrationBean<EngineApiRequestFilter> engineApiRequestFilter(ObjectMapper json) {
    FilterRegistrationBean<EngineApiRequestFilter> registration = new FilterRegistrationBean<>(
        new EngineApiRequestFilter(json));
    registration.setName("openrma-engine-api-requests");
    registration.addUrlPatterns("/engine-rest/*", "/camunda/api/engine/*");
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 30);
    return registration;
  }
}
