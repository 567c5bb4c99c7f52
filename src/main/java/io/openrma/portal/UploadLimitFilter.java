package io.openrma.portal;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.multipart.MaxUploadSizeExceededException;

/**
 * Reads the items form's multipart body before Spring Security does, so an upload over the limits
 * ({@code spring.servlet.multipart.max-file-size}, {@code max-request-size}) is the portal's "too large" page (413)
 * rather than a CSRF refusal: Tomcat streams the parts (to disk above {@code file-size-threshold}) and stops at
 * the limit, and a body it stopped reading has no {@code _csrf} field for {@code CsrfFilter} to find. The CSRF
 * token stays a hidden form field (not in the URL, where logs and history keep it); {@code CsrfFilter} then
 * reads it from the parts Tomcat already parsed.
 */
class UploadLimitFilter extends OncePerRequestFilter {

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String type = request.getContentType();
    if ("POST".equals(request.getMethod()) && type != null && type.toLowerCase().startsWith("multipart/")) {
      try {
        request.getParts();
      } catch (IllegalStateException tooLarge) { // Tomcat's answer to a part or body over the limits
        // as the cause of the error page, so the DispatcherServlet does not parse the body again to render it
        request.setAttribute(RequestDispatcher.ERROR_EXCEPTION, new MaxUploadSizeExceededException(-1, tooLarge));
        response.sendError(HttpStatus.PAYLOAD_TOO_LARGE.value());
        return;
      }
    }
    chain.doFilter(request, response);
  }

  @Configuration(proxyBeanMethods = false)
  static class Registration {

    /** Just before Spring Security's filter chain, for the one portal form that takes files. */
    @Bean
    FilterRegistrationBean<UploadLimitFilter> portalUploadLimits() {
      FilterRegistrationBean<UploadLimitFilter> registration = new FilterRegistrationBean<>(new UploadLimitFilter());
      registration.addUrlPatterns("/returns/items");
      registration.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER - 1);
      return registration;
    }
  }
}
