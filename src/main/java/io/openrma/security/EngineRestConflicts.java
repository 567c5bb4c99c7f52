package io.openrma.security;

import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.exception.NotFoundException;
import org.camunda.bpm.engine.exception.NullValueException;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.camunda.bpm.engine.rest.exception.RestExceptionHandler;
import org.glassfish.jersey.server.ResourceConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.jersey.ResourceConfigCustomizer;
import org.springframework.stereotype.Component;

/**
 * Two people finishing the same task at the same moment get a clear answer from {@code /engine-rest}
 * instead of Camunda's 500: the one who lost the race gets 409 ("changed by someone else at the same
 * moment") or, if the task was already gone, 404. A request the engine refuses on its merits
 * (a {@link BadUserRequestException}, also one a listener raised, e.g. the lifecycle's start guard, which
 * Camunda's start resource wraps into a 500) is a 400 problem with the engine's message. Every other
 * error is answered as Camunda does.
 */
@Component
public class EngineRestConflicts implements ResourceConfigCustomizer {

  @Override
  public void customize(ResourceConfig config) {
    config.register(ConflictAwareRestExceptionHandler.class, Priorities.USER - 100);
  }

  @Priority(Priorities.USER - 100)
  public static class ConflictAwareRestExceptionHandler implements ExceptionMapper<RestException> {

    private static final Logger log = LoggerFactory.getLogger(EngineRestConflicts.class);

    private final RestExceptionHandler camunda = new RestExceptionHandler();

    @Override
    public Response toResponse(RestException exception) {
      for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
        if (cause instanceof OptimisticLockingException) {
          return answer(Response.Status.CONFLICT, "OptimisticLockingException", "Someone else changed or completed "
              + "this at the same moment. Reload the task list and check whether anything is left to do.");
        }
        if (cause instanceof BadUserRequestException refused && !(cause instanceof NotFoundException)
            && exception.getStatus() == Response.Status.INTERNAL_SERVER_ERROR) {
          // a listener refused what the person entered (the form's own checks cannot say everything) or the
          // start guard refused a start: nothing changed, and Tasklist shows this message
          log.debug("Refused on /engine-rest: {}", refused.getMessage());
          return problem(refused.getMessage());
        }
        if (cause instanceof NullValueException && String.valueOf(cause.getMessage()).contains("Cannot find task")) {
          return answer(Response.Status.NOT_FOUND, "InvalidRequestException", "The task no longer exists: someone else "
              + "completed it. Reload the task list.");
        }
      }
      return camunda.toResponse(exception);
    }

    /** The shape of {@link EngineApiRequestFilter}'s refusals: a problem document the webapps also show. */
    private static Response problem(String message) {
      Map<String, Object> problem = new LinkedHashMap<>();
      problem.put("title", "Bad Request");
      problem.put("status", 400);
      problem.put("detail", message);
      problem.put("type", "InvalidRequestException");
      problem.put("message", message);
      return Response.status(Response.Status.BAD_REQUEST).type(MediaType.APPLICATION_JSON_TYPE).entity(problem).build();
    }

    private static Response answer(Response.Status status, String type, String message) {
      return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE)
          .entity(Map.of("type", type, "message", message, "code", 0)).build();
    }
  }
}
