package io.openrma.security;

import java.io.IOException;
import java.net.URI;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.openrma.system.ApiProblems;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;

/**
 * The security filters' answers as RFC 7807 problem documents, like the rest of the API: they are written
 * before a controller (and {@code ApiExceptionHandler}) is reached.
 */
final class ProblemResponses {

  private final ObjectMapper objectMapper;

  ProblemResponses(ObjectMapper objectMapper) {
    this.objectMapper = objectMapper;
  }

  void write(HttpServletResponse response, HttpStatus status, String type, String title, String detail)
      throws IOException {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
    problem.setType(URI.create(ApiProblems.TYPES + type));
    problem.setTitle(title);
    response.setStatus(status.value());
    response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    objectMapper.writeValue(response.getOutputStream(), problem);
  }
}
