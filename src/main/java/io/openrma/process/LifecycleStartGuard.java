package io.openrma.process;

import java.util.Optional;

import io.openrma.returns.ReturnRecord;
import io.openrma.returns.ReturnService;
import io.openrma.returns.ReturnStatus;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * Lets {@code rma-lifecycle} start only the way OpenRMA starts it: for a return that is being created
 * or taken over in this transaction ({@code POST /api/returns}, {@link ReturnLifecycle}), or at "Refund
 * failed after closing" for a closed return. Any other start (an administrator's start in Tasklist,
 * Cockpit or {@code /engine-rest}, a restart of an old instance) would run the lifecycle of a return
 * that has none, or a second one beside it, and rewrite the record's status; it is refused before
 * anything happens, as a 400 on {@code /engine-rest}
 * ({@code security/EngineRestConflicts}). Attached by {@link LifecyclePlugin} to every deployed version,
 * so a diagram deployed without it is guarded too.
 */
@Component
public class LifecycleStartGuard {

  private final ReturnService returns;

  public LifecycleStartGuard(ReturnService returns) {
    this.returns = returns;
  }

  void check(DelegateExecution processInstance) {
    String rmaNumber = processInstance.getProcessBusinessKey();
    if (rmaNumber == null || rmaNumber.isBlank()) {
      throw refused("The RMA lifecycle starts only for a return, with its RMA number as business key: create the "
          + "return with POST /api/returns.");
    }
    Optional<ReturnRecord> found = returns.find(rmaNumber);
    if (found.isEmpty()) {
      throw refused("There is no return " + rmaNumber + ": the RMA lifecycle starts when a return is created "
          + "(POST /api/returns).");
    }
    ReturnRecord record = found.get();
    long running = processInstance.getProcessEngineServices().getRuntimeService().createProcessInstanceQuery()
        .processDefinitionKey(ProcessIds.RMA_LIFECYCLE).processInstanceBusinessKey(rmaNumber).list()
        .stream().filter(other -> !other.getId().equals(processInstance.getProcessInstanceId())).count();
    if (running > 0) {
      throw refused("The lifecycle of " + rmaNumber + " is already running; it has one lifecycle at a time.");
    }
    if (ProcessIds.START_REFUND_FAILED_AFTER_CLOSING.equals(processInstance.getCurrentActivityId())) {
      if (record.status() != ReturnStatus.CLOSED) {
        throw refused(rmaNumber + " is " + record.status() + ", not CLOSED: only the refund of a closed return can "
            + "fail after closing.");
      }
      return;
    }
    if (record.processInstanceId() != null) {
      throw refused(rmaNumber + " is " + record.status() + " and has had its lifecycle: the RMA lifecycle starts "
          + "only when a return is created (POST /api/returns). Create a new return instead.");
    }
  }

  private static LifecycleStartRefused refused(String message) {
    return new LifecycleStartRefused(message);
  }

  /** A start of the lifecycle OpenRMA does not make; the engine's REST API answers it with 400. */
  public static class LifecycleStartRefused extends BadUserRequestException {
    LifecycleStartRefused(String message) {
      super(message);
    }
  }
}
