package io.openrma.returns;

import io.openrma.system.ApiProblems;
import java.time.Instant;
import java.util.List;

/**
 * What the returns record needs from the return's lifecycle, implemented by the {@code process}
 * module: the record does not know the diagram, its message names or the engine.
 */
public interface ReturnWorkflow {

  /** Starts the lifecycle of a new return; returns the process instance id. */
  String start(ReturnRecord record, int priorReturns);

  /**
   * Starts the lifecycle of a return taken over in mid-life directly before {@code activityId}, its steps
   * before that taken as done; returns the process instance id.
   */
  String startBefore(ReturnRecord record, int priorReturns, String activityId);

  /** Ends the lifecycle as cancelled; a {@link ApiProblems.Conflict} when it no longer waits for that. */
  void cancel(String rmaNumber);

  /** Where the lifecycle of the return stands now. */
  Position position(String rmaNumber);

  /** The lifecycle's current steps, open tasks and open incidents; not running once it has ended. */
  record Position(List<String> processInstanceIds, List<Step> currentSteps, List<OpenTask> openTasks,
      List<OpenIncident> incidents, List<RetryingStep> retrying) {
    public boolean running() {
      return !processInstanceIds.isEmpty();
    }
  }

  record Step(String id, String name) {
  }

  record OpenTask(String id, String name, String assignee, List<String> candidateGroups, Instant created) {
  }

  /** A step that failed and will be tried again ({@code attemptsLeft} more times) at {@code nextAttemptAt}. */
  record RetryingStep(String step, String name, int attemptsLeft, String lastFailure, Instant nextAttemptAt) {
  }

  record OpenIncident(String id, String step, String type, String message, Instant created) {
  }
}
