package io.openrma.process;

import org.camunda.bpm.engine.BadUserRequestException;

/**
 * A form was submitted with values the step cannot use. Thrown by a complete listener, it rolls the
 * completion back (the task stays open); {@code /engine-rest} answers 400 with this message, which Tasklist
 * shows to the user, and it is logged at INFO, not as an engine error ({@link TaskInputLogFilter}).
 */
public class TaskInputException extends BadUserRequestException {

  public TaskInputException(String message) {
    super(message);
  }
}
