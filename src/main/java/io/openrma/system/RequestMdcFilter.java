package io.openrma.system;

import java.io.IOException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.MDC;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Puts the RMA number of an API request into the log context ({@code rmaNumber}), like the engine
 * does for process steps, and clears it when the request ends.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class RequestMdcFilter extends OncePerRequestFilter {

  private static final Pattern RMA = Pattern.compile("/api/returns/(RMA-\\d+)");

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    Matcher matcher = RMA.matcher(request.getRequestURI());
    if (matcher.find()) {
      MDC.put("rmaNumber", matcher.group(1));
    }
    try {
      chain.doFilter(request, response);
    } finally {
      MDC.remove("rmaNumber");
    }
  }
}
