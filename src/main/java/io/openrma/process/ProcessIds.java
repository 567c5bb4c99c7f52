package io.openrma.process;

/**
 * Every id the Java code shares with the BPMN and DMN files in {@code processes/}: process and
 * decision keys, message names, BPMN error codes and the ids of the elements that code or
 * tests refer to. Renaming an element in the Modeler means changing it here too.
 */
public final class ProcessIds {

  private ProcessIds() {
  }

  /** The returns lifecycle, {@code processes/rma-lifecycle.bpmn}; business key = RMA number. */
  public static final String RMA_LIFECYCLE = "rma-lifecycle";

  /** User tasks. */
  public static final String TASK_REVIEW_RETURN = "ReviewReturnRequest";
}
