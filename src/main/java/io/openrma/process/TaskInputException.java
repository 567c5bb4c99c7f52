package io.openrma.process;

import org.camunda.bpm.engine.ProcessEngineException;

/**
 * A form was submitted with values the step cannot use. Thrown by a complete listener, it rolls the
 * completion back (the task stays open) and Tasklist shows the message to the user.
 */
public class TaskInputException extends ProcessEngineException {

  public TaskInputException(String message) {
    super(message);
  }
}
