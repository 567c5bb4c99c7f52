package io.openrma.security;

import java.io.IOException;
import java.util.function.Supplier;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The address a request comes from, for the password checks deep inside the engine (which know no
 * request): {@code request.getRemoteAddr()}, that is the TCP peer, or, with
 * {@code server.forward-headers-strategy=native} (docker/compose.yaml behind nginx), the client address a proxy on
 * a private address sent in {@code X-Forwarded-For}. Bound by {@link Filter} in front of every other filter,
 * including Camunda's {@code /engine-rest} authentication.
 */
final class ClientAddress {

  /** Password checks outside any request (a start-up task, a test calling the engine directly). */
  static final String NO_REQUEST = "no-request";

  private static final ThreadLocal<String> CURRENT = new ThreadLocal<>();

  private ClientAddress() {
  }

  static String current() {
    String address = CURRENT.get();
    return address != null ? address : NO_REQUEST;
  }

  /** Runs {@code work} as if a request from {@code address} did it. */
  static <T> T as(String address, Supplier<T> work) {
    String outer = CURRENT.get();
    CURRENT.set(address);
    try {
      return work.get();
    } finally {
      if (outer == null) {
        CURRENT.remove();
      } else {
        CURRENT.set(outer);
      }
    }
  }

  /** Binds the request's remote address for as long as the request runs. */
  static class Filter extends OncePerRequestFilter {

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
        throws ServletException, IOException {
      CURRENT.set(request.getRemoteAddr());
      try {
        chain.doFilter(request, response);
      } finally {
        CURRENT.remove();
      }
    }
  }
}
