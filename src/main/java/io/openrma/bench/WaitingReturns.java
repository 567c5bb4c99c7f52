package io.openrma.bench;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import io.openrma.integrations.shipping.SimplePdf;
import io.openrma.returns.Address;
import io.openrma.returns.Customer;
import io.openrma.returns.ItemCategory;
import io.openrma.returns.ItemCondition;
import io.openrma.returns.Label;
import io.openrma.returns.OrderReference;
import io.openrma.returns.PolicyOutcome;
import io.openrma.returns.Resolution;
import io.openrma.returns.ReturnLine;
import io.openrma.returns.ReturnReason;
import io.openrma.returns.ReturnRecord;
import io.openrma.returns.ReturnCreation;
import io.openrma.returns.ReturnStatus;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Creates returns that wait at a given step of their lifecycle: the record as the earlier steps
 * would have left it (policy decided, a label, timeline) and a process
 * instance started directly before that step, so the step's status listener, message subscription
 * or task are the engine's own. A batch commits in one transaction.
 */
@Service
@Profile("bench")
public class WaitingReturns {

  /** The steps a return can be made to wait at. */
  public enum Step {
    /** Waits for the warehouse's arrival scan (status IN_TRANSIT). */
    ItemArrivedAtWarehouse(ReturnStatus.LABEL_ISSUED),
    /** Waits in the warehouse's task list (status RECEIVED). */
    InspectReturnedItems(ReturnStatus.IN_TRANSIT);

    private final ReturnStatus statusBefore;

    Step(ReturnStatus statusBefore) {
      this.statusBefore = statusBefore;
    }
  }

  private static final String ACTOR = "bench";

  private final ReturnCreation creation;
  private final TransactionTemplate transactions;
  private final Clock clock;

  public WaitingReturns(ReturnCreation creation, TransactionTemplate transactions, Clock clock) {
    this.creation = creation;
    this.transactions = transactions;
    this.clock = clock;
  }

  /** Creates {@code count} returns waiting at {@code step}, in one transaction; returns their RMA numbers. */
  public List<String> create(int count, Step step) {
    return transactions.execute(status -> {
      List<String> created = new ArrayList<>(count);
      for (int i = 0; i < count; i++) {
        created.add(createOne(step));
      }
      return created;
    });
  }

  private String createOne(Step step) {
    Instant now = clock.instant();
    String rmaNumber = creation.nextRmaNumber();
    PolicyOutcome policy = new PolicyOutcome("AUTO_APPROVE", 0, false, true, "benchmark");
    // a label like the simulator's, made here: seeding must never buy a real one
    String tracking = "BENCH" + rmaNumber.substring(4);
    byte[] pdf = SimplePdf
        .page(List.of("OpenRMA RETURN LABEL (BENCHMARK)", "RMA: " + rmaNumber, "Tracking: " + tracking,
            "Not a valid shipping label."));
    Label label = new Label("se-bench-" + rmaNumber.substring(4), "fedex", "fedex_ground", tracking,
        "https://labels.invalid/bench/" + rmaNumber + ".pdf", now);
    creation.takeOver(draft(rmaNumber, now), policy, label, pdf, step.statusBefore, step.name());
    return rmaNumber;
  }

  private ReturnRecord draft(String rmaNumber, Instant now) {
    String n = rmaNumber.substring(4);
    LocalDate today = LocalDate.now(clock);
    OrderReference order = new OrderReference("SO-B" + n, today.minusDays(12), today.minusDays(9), "EUR", 10_490, 490,
        "pi_bench" + n, null, null);
    Customer customer = new Customer("C-B" + n, "Bench Customer " + n, "bench" + n + "@customers.example", null,
        new Address("Hauptstr. 1", null, "Berlin", null, "10115", "DE"));
    ReturnLine line = new ReturnLine(1, "SHIRT-" + (Integer.parseInt(n) % 50), "Shirt", ItemCategory.APPAREL, 1, 1,
        10_000, 0, 0, ReturnReason.DOES_NOT_FIT, null, ItemCondition.NEW, null, null, null);
    return ReturnRecord.requested(rmaNumber, Resolution.REFUND, order, customer, null, null, List.of(line), ACTOR, now);
  }
}
