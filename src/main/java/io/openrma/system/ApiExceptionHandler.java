package io.openrma.system;

import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import io.openrma.system.ApiProblems.Violation;
import jakarta.validation.ConstraintViolationException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every error of OpenRMA's own API as an RFC 7807 problem document ({@code application/problem+json}):
 * a type URI, a title, a detail that says what to do, and for invalid requests an {@code errors}
 * list naming each field. Nothing is written when a request is refused: all checks run before the
 * first write or inside the transaction that rolls back.
 */
@RestControllerAdvice(basePackages = "io.openrma")
public class ApiExceptionHandler extends ResponseEntityExceptionHandler {

  private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

  @ExceptionHandler(ApiProblems.InvalidRequest.class)
  ProblemDetail invalid(ApiProblems.InvalidRequest e) {
    return invalidRequest(e.violations());
  }

  @ExceptionHandler(ApiProblems.NotFound.class)
  ProblemDetail notFound(ApiProblems.NotFound e) {
    return problem(HttpStatus.NOT_FOUND, "not-found", "Not found", e.getMessage());
  }

  @ExceptionHandler(ApiProblems.Conflict.class)
  ProblemDetail conflict(ApiProblems.Conflict e) {
    return problem(HttpStatus.CONFLICT, "status-conflict", "Not allowed in this status", e.getMessage());
  }

  @ExceptionHandler(ApiProblems.IdempotencyKeyReused.class)
  ProblemDetail idempotencyKeyReused(ApiProblems.IdempotencyKeyReused e) {
    return problem(HttpStatus.UNPROCESSABLE_ENTITY, "idempotency-key-reused", "Idempotency key reused", e.getMessage());
  }

  /** The engine's, or a return saved from a copy that another change overtook ({@code @Version}). */
  @ExceptionHandler({OptimisticLockingException.class, OptimisticLockingFailureException.class})
  ProblemDetail concurrentChange(RuntimeException e) {
    return problem(HttpStatus.CONFLICT, "concurrent-change", "Changed at the same time",
        "The return was changed by another request at the same moment. Send the request again.");
  }

  @ExceptionHandler(ConstraintViolationException.class)
  ProblemDetail constraintViolation(ConstraintViolationException e) {
    List<Violation> violations = e.getConstraintViolations().stream()
        .map(v -> new Violation(lastNode(v.getPropertyPath().toString()), v.getMessage())).toList();
    return invalidRequest(violations);
  }

  @ExceptionHandler(MethodArgumentTypeMismatchException.class)
  ProblemDetail typeMismatch(MethodArgumentTypeMismatchException e) {
    String allowed = e.getRequiredType() != null && e.getRequiredType().isEnum()
        ? "must be one of " + Arrays.toString(e.getRequiredType().getEnumConstants())
        : "has the wrong format";
    return invalidRequest(List.of(new Violation(e.getName(), allowed)));
  }

  /**
   * The database is unreachable or the connection broke: the sender should try again. Nothing was
   * changed, or (when the commit itself broke) the change is recorded under the request's event id or
   * idempotency key, so the repeat is recognised.
   */
  @ExceptionHandler({CannotGetJdbcConnectionException.class, CannotCreateTransactionException.class,
      DataAccessResourceFailureException.class, TransientDataAccessException.class, TransactionSystemException.class})
  ResponseEntity<ProblemDetail> unavailable(Exception e) {
    log.warn("Database unavailable, answering 503: {}", e.getMessage());
    ProblemDetail problem = problem(HttpStatus.SERVICE_UNAVAILABLE, "unavailable", "Temporarily unavailable",
        "OpenRMA lost its database connection. Send the request again in a few seconds; a repeated event or "
            + "idempotency key is recognised, so nothing happens twice.");
    return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, "5").body(problem);
  }

  @ExceptionHandler(Exception.class)
  ProblemDetail unexpected(Exception e) {
    log.error("Unexpected error in the API", e);
    return problem(HttpStatus.INTERNAL_SERVER_ERROR, "internal", "Internal error",
        "Something went wrong on OpenRMA's side; nothing was changed. The error is logged for the administrators.");
  }

  @Override
  protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException e, HttpHeaders headers,
      HttpStatusCode status, WebRequest request) {
    List<Violation> violations = new ArrayList<>();
    e.getBindingResult().getFieldErrors()
        .forEach(f -> violations.add(new Violation(f.getField(), f.getDefaultMessage())));
    e.getBindingResult().getGlobalErrors()
        .forEach(g -> violations.add(new Violation(g.getObjectName(), g.getDefaultMessage())));
    return ResponseEntity.badRequest().body(invalidRequest(violations));
  }

  @Override
  protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException e,
      HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    List<Violation> violations = new ArrayList<>();
    e.getParameterValidationResults().forEach(result -> result.getResolvableErrors().forEach(error -> violations
        .add(new Violation(result.getMethodParameter().getParameterName(), error.getDefaultMessage()))));
    return ResponseEntity.badRequest().body(invalidRequest(violations));
  }

  @Override
  protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e, HttpHeaders headers,
      HttpStatusCode status, WebRequest request) {
    Throwable cause = e.getCause();
    for (Throwable c = cause; c != null; c = c.getCause()) {
      if (c instanceof JsonParseException json) {
        // truncated or broken JSON (even when Jackson names the field it was reading): say so, and where
        JsonLocation at = json.getLocation();
        String where = at == null || at.getLineNr() < 1
            ? ""
            : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
        return ResponseEntity.badRequest().body(problem(HttpStatus.BAD_REQUEST, "malformed-json", "Malformed request",
            "The request body is not valid JSON" + where + ": " + json.getOriginalMessage()));
      }
    }
    if (cause instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
      String field = path(mapping.getPath());
      String message = "has the wrong format";
      if (cause instanceof InvalidFormatException format && format.getTargetType() != null) {
        Class<?> type = format.getTargetType();
        message = type.isEnum()
            ? "must be one of " + Arrays.toString(type.getEnumConstants())
            : "must be a " + type.getSimpleName() + ", not '" + format.getValue() + "'";
      }
      return ResponseEntity.badRequest().body(invalidRequest(List.of(new Violation(field, message))));
    }
    if (cause == null || String.valueOf(e.getMessage()).startsWith("Required request body is missing")) {
      return ResponseEntity.badRequest().body(problem(HttpStatus.BAD_REQUEST, "malformed-json", "Malformed request",
          "The request has no body; send the JSON document this endpoint takes."));
    }
    return ResponseEntity.badRequest().body(problem(HttpStatus.BAD_REQUEST, "malformed-json", "Malformed request",
        "The request body is not valid JSON for this endpoint."));
  }

  private static ProblemDetail invalidRequest(List<Violation> violations) {
    ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "invalid-request", "Invalid request",
        violations.size() == 1
            ? violations.get(0).field() + " " + violations.get(0).message()
            : violations.size() + " fields are invalid; see errors.");
    problem.setProperty("errors",
        violations.stream().map(v -> Map.of("field", v.field(), "message", v.message())).toList());
    return problem;
  }

  private static ProblemDetail problem(HttpStatus status, String type, String title, String detail) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
    problem.setType(URI.create(ApiProblems.TYPES + type));
    problem.setTitle(title);
    return problem;
  }

  private static String path(List<JsonMappingException.Reference> references) {
    StringBuilder path = new StringBuilder();
    for (JsonMappingException.Reference reference : references) {
      if (reference.getFieldName() != null) {
        if (!path.isEmpty()) {
          path.append('.');
        }
        path.append(reference.getFieldName());
      } else if (reference.getIndex() >= 0) {
        path.append('[').append(reference.getIndex()).append(']');
      }
    }
    return path.toString();
  }

  private static String lastNode(String propertyPath) {
    int dot = propertyPath.lastIndexOf('.');
    return dot < 0 ? propertyPath : propertyPath.substring(dot + 1);
  }
}
