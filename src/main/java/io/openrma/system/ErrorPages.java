package io.openrma.system;

import java.net.URI;
import java.util.Map;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.apache.tomcat.util.buf.EncodedSolidusHandling;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.error.ErrorController;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.ModelAndView;

/**
 * What a client or person sees when a request fails before or outside OpenRMA's controllers (a path
 * the firewall refuses, a page nobody may open, an address that does not exist): a problem document
 * for the APIs ({@code /api}, {@code /webhooks}, {@code /engine-rest}) and for clients that ask for
 * JSON, a styled page ({@code templates/error.html}) for people, and the portal's own page
 * ({@code templates/portal/error.html}) under {@code /returns}. Never Tomcat's page or a stack trace,
 * never the exception's message.
 *
 * <p>Encoded slashes in a path ({@code /api/returns/..%2F..%2Fetc%2Fpasswd}) are passed to the
 * application instead of being refused by Tomcat with its own page, so Spring Security's firewall
 * refuses them and this controller answers.
 */
@Controller
class ErrorPages implements ErrorController {

  @RequestMapping("${server.error.path:/error}")
  Object error(HttpServletRequest request) {
    HttpStatus status = status(request);
    String uri = String.valueOf(request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI));
    String accept = String.valueOf(request.getHeader("Accept"));
    String detail = detail(status);
    if (uri.startsWith("/api/") || uri.startsWith("/webhooks/") || uri.startsWith("/engine-rest/")
        || (accept.contains("json") && !accept.contains("text/html"))) {
      ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
      problem.setType(URI.create(ApiProblems.TYPES + "http-" + status.value()));
      problem.setTitle(status.getReasonPhrase());
      return ResponseEntity.status(status).body(problem);
    }
    if (uri.equals("/returns") || uri.startsWith("/returns/")) {
      // the customer portal's own page: its language, its brand, no staff wording
      return new ModelAndView("portal/error", Map.of("status", status.value()), status);
    }
    return new ModelAndView("error",
        Map.of("status", status.value(), "title", status.getReasonPhrase(), "detail", detail), status);
  }

  private static HttpStatus status(HttpServletRequest request) {
    Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
    HttpStatus status = code instanceof Integer value ? HttpStatus.resolve(value) : null;
    return status == null ? HttpStatus.INTERNAL_SERVER_ERROR : status;
  }

  private static String detail(HttpStatus status) {
    return switch (status) {
      case BAD_REQUEST -> "The request could not be read: its address or headers are malformed (an encoded slash "
          + "%2F or a '..' in the path, for example).";
      case UNAUTHORIZED -> "Log in first.";
      case FORBIDDEN -> "You have no access to this page. If your work needs it, ask an administrator for the group "
          + "that has.";
      case NOT_FOUND -> "There is nothing at this address.";
      case METHOD_NOT_ALLOWED -> "This address does not take this method.";
      case PAYLOAD_TOO_LARGE -> "The request is too large.";
      default -> status.is5xxServerError()
          ? "Something went wrong on our side and it is logged. Try again in a moment; if it keeps happening, tell "
              + "an administrator the time it happened."
          : "The request was refused (" + status.value() + " " + status.getReasonPhrase() + ").";
    };
  }

  /** Encoded slashes reach the application (and its firewall) instead of Tomcat's own error page. */
  @Bean
  static WebServerFactoryCustomizer<TomcatServletWebServerFactory> encodedSlashesReachTheFirewall() {
    return factory -> factory.addConnectorCustomizers(
        connector -> connector.setEncodedSolidusHandling(EncodedSolidusHandling.PASS_THROUGH.getValue()));
  }

}
