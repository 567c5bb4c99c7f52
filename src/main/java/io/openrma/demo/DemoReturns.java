package io.openrma.demo;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import io.openrma.process.ReturnEvents;
import io.openrma.process.InspectionGrades;
import io.openrma.process.ProcessIds;
import io.openrma.returns.Disposition;
import io.openrma.returns.Actor;
import io.openrma.returns.CreateReturnRequest;
import io.openrma.returns.CreateReturnRequest.AddressData;
import io.openrma.returns.CreateReturnRequest.CustomerData;
import io.openrma.returns.CreateReturnRequest.Line;
import io.openrma.returns.CreateReturnRequest.Order;
import io.openrma.returns.ItemCategory;
import io.openrma.returns.ItemCondition;
import io.openrma.returns.Resolution;
import io.openrma.returns.ReturnReason;
import io.openrma.returns.ReturnCreation;
import io.openrma.returns.ReturnService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Demo returns in every state, created on the first start of the demo run (like the Camunda invoice
 * example's instances), so Tasklist, Cockpit and the API have something to show: a review for carl,
 * an inspection for walt, a refund problem for fiona, an incident for the admin, and closed,
 * rejected, cancelled and expired returns. They go through the real lifecycle with the simulated
 * integrations; this class only plays the customer, the carrier, the warehouse and the clock.
 * Runs before the job executor starts, so it executes the jobs of its returns itself.
 */
@Component
@ConditionalOnProperty(name = "openrma.demo.seed-returns", havingValue = "true")
public class DemoReturns implements ApplicationRunner {

  private static final Logger log = LoggerFactory.getLogger(DemoReturns.class);

  private final ReturnCreation creation;
  private final ReturnService returns;
  private final ReturnEvents events;
  private final ProcessEngine engine;
  private final JdbcClient jdbc;
  private final Clock clock;
  private int sequence;

  public DemoReturns(ReturnCreation creation, ReturnService returns, ReturnEvents events, ProcessEngine engine,
      JdbcClient jdbc, Clock clock) {
    this.clock = clock;
    this.creation = creation;
    this.returns = returns;
    this.events = events;
    this.engine = engine;
    this.jdbc = jdbc;
  }

  @Override
  public void run(ApplicationArguments args) {
    if (jdbc.sql("SELECT COUNT(*) FROM rma_return").query(Long.class).single() > 0) {
      return;
    }
    log.info("Creating demo returns in every state (openrma.demo.seed-returns=true)");
    // waits for carl in Tasklist: a high-value TV
    create("Maria Lopez", line("TV-55-OLED", "55\" OLED TV", ItemCategory.ELECTRONICS, 89_900, 14_355,
        ReturnReason.NOT_AS_DESCRIBED, ItemCondition.OPENED), Resolution.REFUND, null, "Kastanienallee 7");
    // rejected by the policy: final sale
    String rejected = create("Tom Baker", line("SALE-COAT", "Winter coat (final sale)", ItemCategory.FINAL_SALE, 7_900,
        1_501, ReturnReason.NO_LONGER_NEEDED, ItemCondition.NEW), Resolution.REFUND, null, "Bergstr. 3");
    jobs(rejected);
    // label issued, with a Zendesk ticket and a subscription
    String labelled = create("Lena Fischer", line("SHOE-42", "Running shoes, 42", ItemCategory.APPAREL, 11_900, 1_900,
        ReturnReason.DOES_NOT_FIT, ItemCondition.NEW), Resolution.REFUND, "sub_demo42", "Lindenweg 12");
    jobs(labelled);
    // in transit
    String inTransit = create("Omar Haddad", line("JACKET-L", "Rain jacket, L", ItemCategory.APPAREL, 8_900, 1_421,
        ReturnReason.DOES_NOT_FIT, ItemCondition.NEW), Resolution.REFUND, null, "Am Markt 1");
    jobs(inTransit);
    pickedUp(inTransit);
    // arrived: waits for walt's inspection
    String arrived = create("Sofia Rossi", line("KETTLE-1", "Electric kettle", ItemCategory.ELECTRONICS, 4_900, 782,
        ReturnReason.NO_LONGER_NEEDED, ItemCondition.OPENED), Resolution.REFUND, null, "Via Roma 5");
    jobs(arrived);
    pickedUp(arrived);
    arrived(arrived);
    // the carrier refused the address: waits for carl
    String badAddress = create("Jan Novak", line("LAMP-1", "Desk lamp", ItemCategory.GENERAL, 3_900, 623,
        ReturnReason.DOES_NOT_FIT, ItemCondition.NEW), Resolution.REFUND, null, "INVALID Street 0");
    jobs(badAddress);
    // refused by Stripe (disputed charge): waits for fiona
    String disputed = create("Eva Schmidt",
        line("HEADSET-1", "Wireless headset", ItemCategory.ELECTRONICS, 12_900, 2_060,
            ReturnReason.DEFECTIVE, ItemCondition.OPENED),
        Resolution.REFUND, null, "Rosenweg 9", "pi_disputed_demo");
    throughInspection(disputed, "OPENED");
    // refund pending at Stripe
    String pending = create("Noah Weber", line("BLENDER-1", "Blender", ItemCategory.ELECTRONICS, 6_900, 1_102,
        ReturnReason.NOT_AS_DESCRIBED, ItemCondition.OPENED), Resolution.REFUND, null, "Uferweg 4", "pi_pending_demo");
    throughInspection(pending, "OPENED");
    // refunded and closed
    String closed = create("Mia Wagner", line("DRESS-S", "Summer dress, S", ItemCategory.APPAREL, 5_900, 942,
        ReturnReason.DOES_NOT_FIT, ItemCondition.NEW), Resolution.REFUND, null, "Parkallee 22");
    throughInspection(closed, "NEW");
    // cheap and defective: the customer keeps it
    String kept = create("Liam Becker", line("CABLE-USB", "USB-C cable", ItemCategory.ELECTRONICS, 1_290, 206,
        ReturnReason.DEFECTIVE, ItemCondition.OPENED), Resolution.REFUND, null, "Feldstr. 8");
    jobs(kept);
    // store credit
    String credit = create("Emma Koch", line("MUG-SET", "Mug set", ItemCategory.GENERAL, 2_900, 463,
        ReturnReason.NO_LONGER_NEEDED, ItemCondition.NEW), Resolution.STORE_CREDIT, null, "Hofweg 2");
    throughInspection(credit, "NEW");
    // exchange: waits for carl to send the replacement
    String exchange = create("Ben Hoffmann", line("SHIRT-M", "Oxford shirt, M", ItemCategory.APPAREL, 4_900, 782,
        ReturnReason.DOES_NOT_FIT, ItemCondition.NEW), Resolution.EXCHANGE, null, "Gartenstr. 5");
    throughInspection(exchange, "NEW");
    // cancelled by the customer
    String cancelled = create("Clara Braun", line("BAG-1", "Tote bag", ItemCategory.GENERAL, 3_500, 559,
        ReturnReason.NO_LONGER_NEEDED, ItemCondition.NEW), Resolution.REFUND, null, "Mühlweg 6");
    jobs(cancelled);
    returns.cancel(cancelled, "Customer decided to keep the bag", Actor.user("carl"));
    jobs(cancelled);
    // never shipped: reminded, then expired (the demo plays the clock)
    String expired = create("Paul Richter", line("TENT-2", "Two-person tent", ItemCategory.GENERAL, 19_900, 3_177,
        ReturnReason.NO_LONGER_NEEDED, ItemCondition.NEW), Resolution.REFUND, null, "Waldweg 1");
    jobs(expired);
    timer(expired, "ReminderDue");
    jobs(expired);
    timer(expired, "ShipmentOverdue");
    // carrier outage: retries run out, an incident waits for the admin's retry in Cockpit
    String outage = create("Nina Vogel", line("CHAIR-1", "Office chair", ItemCategory.GENERAL, 24_900, 3_975,
        ReturnReason.NOT_AS_DESCRIBED, ItemCondition.NEW), Resolution.REFUND, null, "OUTAGE Allee 3");
    for (int attempt = 0; attempt < 3; attempt++) {
      for (Job job : jobList(outage)) {
        try {
          engine.getManagementService().executeJob(job.getId());
        } catch (RuntimeException expected) {
          // the simulated outage; the engine counts down the retries
        }
      }
    }
    log.info("Demo returns ready: reviews, inspections, a refund problem and an incident wait in Tasklist and Cockpit");
  }

  private String create(String name, Line line, Resolution resolution, String subscription, String street) {
    return create(name, line, resolution, subscription, street, null);
  }

  private String create(String name, Line line, Resolution resolution, String subscription, String street,
      String paymentIntent) {
    int n = ++sequence;
    LocalDate delivered = LocalDate.now(clock).minusDays(3 + n);
    String email = name.toLowerCase().replace(' ', '.') + "@example.com";
    CreateReturnRequest request = new CreateReturnRequest(
        new Order("SO-2026-" + (4100 + n), delivered.minusDays(3), delivered, "EUR",
            line.unitPrice() + line.tax() + 490, 490L,
            paymentIntent == null ? "pi_demo_" + n : paymentIntent, subscription,
            resolution == Resolution.STORE_CREDIT ? "cus_demo" + n : null),
        new CustomerData("C-" + (700 + n), name, email, null,
            new AddressData(street, null, "Berlin", null, "10115", "DE")),
        n % 3 == 0 ? String.valueOf(9000 + n) : null, resolution, null, List.of(line));
    return creation.create(request, "demo-" + n, "carl").record().rmaNumber();
  }

  private static Line line(String sku, String description, ItemCategory category, long price, long tax,
      ReturnReason reason, ItemCondition condition) {
    return new Line(sku, description, category, 1, 1, price, 0L, tax, "EUR", reason, null, condition);
  }

  private void throughInspection(String rma, String condition) {
    jobs(rma);
    pickedUp(rma);
    arrived(rma);
    Task task = engine.getTaskService().createTaskQuery().processInstanceBusinessKey(rma)
        .taskDefinitionKey(ProcessIds.TASK_INSPECT).singleResult();
    engine.getTaskService().claim(task.getId(), "walt");
    engine.getTaskService().complete(task.getId(), Map.of(ProcessIds.VAR_INSPECTION_LINES, InspectionGrades.value(
        InspectionGrades.allLines(returns.get(rma), condition, Disposition.RESTOCK.name()))));
    jobs(rma);
  }

  private void pickedUp(String rma) {
    events.pickedUp("CARRIER", "demo-pickup-" + rma, rma, clock.instant(), "PICKED_UP (demo)",
        Actor.webhook("carrier"));
  }

  private void arrived(String rma) {
    events.arrived("demo-scan-" + rma, rma, "DOCK-1", "Parcel scanned at DOCK-1 (demo)", Actor.user("walt"));
  }

  private void jobs(String rma) {
    ManagementService management = engine.getManagementService();
    for (int round = 0; round < 50; round++) {
      List<Job> due = jobList(rma);
      if (due.isEmpty()) {
        return;
      }
      due.forEach(job -> management.executeJob(job.getId()));
    }
  }

  private List<Job> jobList(String rma) {
    return engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(rma).list().stream()
        .flatMap(pi -> engine.getManagementService().createJobQuery().processInstanceId(pi.getId()).messages()
            .withRetriesLeft().list().stream())
        .toList();
  }

  private void timer(String rma, String activityId) {
    engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(rma).list()
        .forEach(pi -> engine.getManagementService().createJobQuery().processInstanceId(pi.getId()).timers()
            .activityId(activityId)
            .list().forEach(job -> engine.getManagementService().executeJob(job.getId())));
  }
}
