package io.openrma.process;

import static io.openrma.process.ProcessIds.*;

import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;

import io.openrma.integrations.helpdesk.Helpdesk;
import io.openrma.integrations.bookkeeping.BookkeepingSettings;
import io.openrma.returns.ItemCondition;
import io.openrma.returns.ReturnLine;
import io.openrma.returns.ReturnReason;
import io.openrma.returns.ReturnRecord;
import io.openrma.system.ApiProblems;
import io.openrma.returns.ReturnWorkflow;
import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Component;

/**
 * Starts the lifecycle of a return and sends it the events that come from outside. Process
 * variables are the few facts the diagram's gateways and the return policy need; the customer's
 * personal data stays in the returns record.
 */
@Component
public class ReturnLifecycle implements ReturnWorkflow {

  private final RuntimeService runtimeService;
  private final ProcessPositions positions;
  private final Clock clock;
  private final Helpdesk helpdesk;
  private final boolean recordsBooks;

  public ReturnLifecycle(RuntimeService runtimeService, ProcessPositions positions, Clock clock, Helpdesk helpdesk,
      BookkeepingSettings bookkeeping) {
    this.runtimeService = runtimeService;
    this.positions = positions;
    this.clock = clock;
    this.helpdesk = helpdesk;
    this.recordsBooks = bookkeeping.recordsBooks();
  }

  /** Starts {@code rma-lifecycle} with the RMA number as business key; returns the process instance id. */
  @Override
  public String start(ReturnRecord record, int priorReturns) {
    return runtimeService.createProcessInstanceByKey(RMA_LIFECYCLE)
        .businessKey(record.rmaNumber())
        .setVariables(startVariables(record, priorReturns))
        .execute()
        .getId();
  }

  /**
   * Starts {@code rma-lifecycle} for an existing return directly before {@code activityId}, with the
   * variables a start at the beginning would have had: the return's steps before that point are taken
   * as done. For returns taken over from another system, and the benchmark's waiting returns.
   */
  @Override
  public String startBefore(ReturnRecord record, int priorReturns, String activityId) {
    return runtimeService.createProcessInstanceByKey(RMA_LIFECYCLE)
        .businessKey(record.rmaNumber())
        .setVariables(startVariables(record, priorReturns))
        .startBeforeActivity(activityId)
        .execute()
        .getId();
  }

  /** Ends the lifecycle through its "Return cancelled" event sub-process. */
  @Override
  public void cancel(String rmaNumber) {
    try {
      runtimeService.createMessageCorrelation(MSG_RETURN_CANCELLED)
          .processInstanceBusinessKey(rmaNumber)
          .correlateWithResult();
    } catch (MismatchingMessageCorrelationException e) {
      throw new ApiProblems.Conflict(rmaNumber + " can no longer be cancelled: its lifecycle is not waiting for a "
          + "cancellation (already cancelled or ended).");
    }
  }

  @Override
  public Position position(String rmaNumber) {
    return positions.of(rmaNumber);
  }

  /**
   * Stripe reports that the refund of a closed return failed: starts the lifecycle again at its
   * "Refund failed after closing" start event, so finance gets "Resolve refund problem".
   */
  public String startRefundProblem(ReturnRecord record, String problem) {
    Map<String, Object> variables = new HashMap<>();
    variables.put(VAR_RMA_NUMBER, record.rmaNumber());
    variables.put(VAR_RESOLUTION, record.resolution().name());
    variables.put(VAR_HAS_TICKET, helpdesk.reaches(record.ticketId()));
    variables.put(VAR_HAS_SUBSCRIPTION, record.hasSubscription());
    variables.put(VAR_FROM_SHOPIFY, record.fromShopify());
    variables.put(VAR_RECORDS_BOOKS, recordsBooks);
    variables.put(VAR_REFUND_PROBLEM, problem);
    return runtimeService.createMessageCorrelation(MSG_REFUND_FAILED_AFTER_CLOSE)
        .processInstanceBusinessKey(record.rmaNumber())
        .setVariables(variables)
        .correlateStartMessage()
        .getId();
  }

  /**
   * The variables the lifecycle starts with, among them the return policy's inputs (return-policy.dmn). Public so
   * that the customer portal's estimate asks the table with exactly these.
   */
  public static Map<String, Object> startVariables(ReturnRecord record, int priorReturns, LocalDate today) {
    Map<String, Object> variables = new HashMap<>();
    variables.put(VAR_RMA_NUMBER, record.rmaNumber());
    variables.put(VAR_RESOLUTION, record.resolution().name());
    variables.put(VAR_HAS_TICKET, record.hasTicket());
    variables.put(VAR_HAS_SUBSCRIPTION, record.hasSubscription());
    variables.put(VAR_FROM_SHOPIFY, record.fromShopify());
    // inputs of the return policy (return-policy.dmn)
    variables.put("daysSinceDelivery", (int) ChronoUnit.DAYS.between(record.order().deliveryDate(), today));
    variables.put("returnReason", primaryReason(record).name());
    variables.put("itemCategory", record.lines().stream().map(ReturnLine::category)
        .max(Comparator.naturalOrder()).orElseThrow().name());
    variables.put("returnValue", returnValue(record));
    variables.put("reportedCondition", record.lines().stream().map(ReturnLine::reportedCondition)
        .max(Comparator.comparingInt(ReturnLifecycle::severity)).orElseThrow().name());
    variables.put("priorReturns", Math.max(0, priorReturns));
    return variables;
  }

  /**
   * The start variables, with {@code hasTicket} as the configured helpdesk sees it: Gorgias can find or open the
   * customer's ticket without an id, and with no helpdesk there is no ticket to update.
   */
  private Map<String, Object> startVariables(ReturnRecord record, int priorReturns) {
    Map<String, Object> variables = startVariables(record, priorReturns, LocalDate.now(clock));
    variables.put(VAR_HAS_TICKET, helpdesk.reaches(record.ticketId()));
    variables.put(VAR_RECORDS_BOOKS, recordsBooks);
    return variables;
  }

  /** The reason the policy judges a return by: a merchant fault on any line decides, else the first line's reason. */
  static ReturnReason primaryReason(ReturnRecord record) {
    return record.lines().stream().map(ReturnLine::reason).filter(ReturnReason::isMerchantFault).findFirst()
        .orElse(record.lines().get(0).reason());
  }

  /** What the returned units cost the customer: price after discount plus tax, in minor units. */
  static long returnValue(ReturnRecord record) {
    long value = 0;
    for (ReturnLine line : record.lines()) {
      value += (line.netAmount() + line.tax()) * line.quantityReturned() / line.quantityOrdered();
    }
    return value;
  }

  private static int severity(ItemCondition condition) {
    return switch (condition) {
      case NEW -> 0;
      case OPENED -> 1;
      case USED -> 2;
      default -> 3;
    };
  }
}
