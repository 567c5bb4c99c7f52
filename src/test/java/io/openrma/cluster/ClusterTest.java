package io.openrma.cluster;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.openrma.support.ReturnRequests.aReturn;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.openrma.integrations.notifications.CustomerEmails;
import io.openrma.process.InspectionGrades;
import io.openrma.process.ProcessIds;
import io.openrma.returns.Disposition;
import io.openrma.returns.ItemCondition;
import io.openrma.returns.ReturnService;
import org.camunda.bpm.engine.history.HistoricJobLog;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import io.openrma.support.EmbeddedPostgres;
import io.openrma.support.Http;
import io.openrma.support.LiveReturns;
import io.openrma.support.StandIns;
import io.openrma.support.standins.StripeApi;
import org.awaitility.Awaitility;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Two OpenRMA nodes on one PostgreSQL, each running its job executor, with every integration live
 * against the stand-ins: hundreds of returns through the whole lifecycle, then the faults a cluster
 * meets (providers failing, steps failing after the refund, connections dropping, duplicates arriving
 * at both nodes at once, two people completing one task, a node dying mid-job, and a random mix of
 * them), each checked for what matters: no return lost, none stuck unseen, none refunded twice.
 */
@Tag("whole-apps")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterTest {

  static final int RETURNS = Integer.getInteger("openrma.cluster.returns", 200);
  static final Duration PATIENCE = Duration.ofMinutes(4);

  static ClusterNode nodeA;
  static ClusterNode nodeB;
  static final List<ClusterNode> nodes = new ArrayList<>();
  static final AtomicInteger roundRobin = new AtomicInteger();
  /** The one HTTP driver, each request to the next node. */
  static final LiveReturns returns = new LiveReturns(() -> nextNode().http());

  @BeforeAll
  static void startCluster() {
    ClusterStandIns.install();
    String database = EmbeddedPostgres.newDatabase("cluster");
    nodeA = ClusterNode.start("node-a", database);
    nodeB = ClusterNode.start("node-b", database); // after A: an empty database gets its schema once
    nodes.add(nodeA);
    nodes.add(nodeB);
  }

  @AfterAll
  static void stopCluster() {
    nodes.forEach(ClusterNode::close);
  }

  // ------------------------------------------------------------------------------------------ load

  @Test
  @Order(1)
  void twoHundredReturnsGoThroughTheWholeLifecycleOnTwoNodesEachRefundedOnce() throws Exception {
    Instant start = Instant.now();
    List<String> rmas = inParallel(RETURNS, i -> create());
    awaitStatus(rmas, "LABEL_ISSUED");
    inParallel(rmas.size(), i -> pickUp(rmas.get(i), "pickup-" + rmas.get(i)).status());
    inParallel(rmas.size(), i -> arrive(rmas.get(i), "scan-" + rmas.get(i)).status());
    awaitStatus(rmas, "RECEIVED");
    inParallel(rmas.size(), i -> {
      inspect(rmas.get(i));
      return 0;
    });
    awaitStatus(rmas, "CLOSED");
    Duration took = Duration.between(start, Instant.now());

    Map<String, Set<String>> refunds = ClusterStandIns.refundKeys();
    Map<String, Long> labels = ClusterStandIns.labelPurchases();
    Map<String, Long> emails = ClusterStandIns.emails();
    for (String rma : rmas) {
      assertThat(refunds.get(rma)).as("refunds of " + rma).hasSize(1);
      assertThat(ClusterStandIns.refundRequests(rma)).as("refund calls of " + rma).hasSize(1);
      assertThat(labels.get(rma)).as(() -> "labels of " + diagnose(rma)).isEqualTo(1);
      assertThat(emails.get(CustomerEmails.messageId(rma, CustomerEmails.Purpose.RETURN_LABEL)))
          .as(() -> "label email of " + diagnose(rma)).isEqualTo(1);
      assertThat(emails.get(CustomerEmails.messageId(rma, CustomerEmails.Purpose.OUTCOME))).as("refund email of " + rma)
          .isEqualTo(1);
    }
    assertThat(jdbc().sql("SELECT COUNT(*) FROM rma_return WHERE rma_number IN (:rmas) AND refund_status = 'SUCCEEDED' "
        + "AND refunded_at IS NOT NULL AND refund_total <= amount_captured").param("rmas", rmas).query(Long.class)
        .single())
        .isEqualTo(RETURNS);
    Map<String, Long> jobsByNode = new java.util.TreeMap<>();
    engine().getHistoryService().createHistoricJobLogQuery().successLog().list().stream()
        .filter(log -> log.getHostname() != null).forEach(log -> jobsByNode.merge(log.getHostname(), 1L, Long::sum));
    assertThat(jobsByNode.keySet()).contains("node-a", "node-b");
    assertThat(jobsByNode.values()).allSatisfy(jobs -> assertThat(jobs).isGreaterThan(RETURNS / 10));
    System.out.printf(
        "CLUSTER: %d returns refunded on 2 nodes in %d s; jobs per node %s; %d refunds, %d labels, %d emails%n",
        RETURNS, took.toSeconds(), jobsByNode, refunds.size(), labels.size(), emails.size());
  }

  // ------------------------------------------------------------------------------------------ faults

  @Test
  @Order(2)
  void stripeFailingThreeWaysIsRetriedWithOneKeyThenAnIncidentWhoseRetryRefundsOnce() throws Exception {
    String rma = create();
    String scenario = "stripe-" + rma;
    StandIns.API.stubFor(refundOf(rma).inScenario(scenario).whenScenarioStateIs(Scenario.STARTED)
        .willReturn(aResponse().withStatus(500).withHeader("Content-Type", "application/json")
            .withBody(StripeApi.error("api_error", null, null, "Something went wrong on Stripe's end.")))
        .willSetStateTo("reset"));
    StandIns.API.stubFor(refundOf(rma).inScenario(scenario).whenScenarioStateIs("reset")
        .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)).willSetStateTo("slow"));
    StandIns.API.stubFor(refundOf(rma).inScenario(scenario).whenScenarioStateIs("slow")
        .willReturn(succeeded().withFixedDelay(7_000)).willSetStateTo("up"));
    StandIns.API.stubFor(refundOf(rma).inScenario(scenario).whenScenarioStateIs("up").willReturn(succeeded()));

    throughInspection(rma);
    Awaitility.await().atMost(PATIENCE)
        .untilAsserted(() -> assertThat(incidents(rma)).as(() -> diagnose(rma)).isEqualTo(1));
    assertThat(status(rma)).isEqualTo("INSPECTED");
    assertThat(engine().getRuntimeService().createIncidentQuery().processInstanceId(processInstance(rma)).singleResult()
        .getIncidentMessage())
        .contains("Stripe").contains(rma).contains("Refund payment");
    assertThat(ClusterStandIns.refundRequests(rma)).hasSize(3);

    Job job = engine().getManagementService().createJobQuery().processInstanceId(processInstance(rma)).noRetriesLeft()
        .singleResult();
    engine().getManagementService().setJobRetries(job.getId(), 1); // "Retry" in Cockpit
    awaitStatus(List.of(rma), "CLOSED");
    assertThat(ClusterStandIns.refundRequests(rma)).hasSize(4)
        .extracting(request -> request.getHeader("Idempotency-Key")).containsOnly(rma + ":RefundPayment:1");
    assertThat(ClusterStandIns.refundKeys().get(rma)).hasSize(1);
  }

  @Test
  @Order(3)
  void aStepFailingRightAfterTheRefundDoesNotRefundAgain() throws Exception {
    String rma = create();
    nodeA.faults().failOnceAfterRefund(rma);
    throughInspection(rma);
    awaitStatus(List.of(rma), "CLOSED");
    assertThat(ClusterStandIns.refundRequests(rma)).as(() -> "Stripe called once: the retry found the stored refund; "
        + diagnose(rma)).hasSize(1);
    assertThat(engine().getHistoryService().createHistoricJobLogQuery().processInstanceId(historicProcessInstance(rma))
        .failureLog().list()).filteredOn(
            log -> log.getJobExceptionMessage() != null && log.getJobExceptionMessage()
                .contains("injected: database connection lost while updating " + rma))
        .hasSize(1);
  }

  @Test
  @Order(4)
  void connectionsDroppingDuringAJobAndDuringAScanLoseNothing() throws Exception {
    // during a job: the next commit of a job on either node breaks; the engine retries the job
    String rma = create();
    awaitStatus(List.of(rma), "LABEL_ISSUED");
    pickUp(rma, "pickup-" + rma);
    int injectedBefore = injected();
    nodes.forEach(node -> node.faults()
        .breakNextCommit(stackContains("org.camunda.bpm.engine.impl.jobexecutor.ExecuteJobsRunnable")));
    arrive(rma, "scan-" + rma);
    inspect(rma);
    awaitStatus(List.of(rma), "CLOSED");
    assertThat(injected()).isGreaterThan(injectedBefore);
    assertThat(ClusterStandIns.refundKeys().get(rma)).hasSize(1);

    // during an arrival scan: the scan's transaction loses its connection at commit; the warehouse
    // gets a 503 and sends again, and the resend counts once
    String scanned = create();
    awaitStatus(List.of(scanned), "LABEL_ISSUED");
    nodeA.faults().breakNextCommit(stackContains("io.openrma.process.MessageInbox"));
    Http.Response failed = nodeA.http().as("walt").post("/api/warehouse/arrivals",
        LiveReturns.scanOf(scanned, "drop-" + scanned));
    assertThat(failed.status()).as(failed.toString()).isEqualTo(503);
    assertThat(failed.header("Retry-After")).isNotNull();
    assertThat(status(scanned)).isEqualTo("LABEL_ISSUED");
    Http.Response resent = nodeA.http().as("walt").post("/api/warehouse/arrivals",
        LiveReturns.scanOf(scanned, "drop-" + scanned));
    assertThat(resent.status()).isEqualTo(200);
    assertThat(resent.json().get("outcome").asText()).isEqualTo("DELIVERED");
    assertThat(
        nodeB.http().as("walt").post("/api/warehouse/arrivals", LiveReturns.scanOf(scanned, "drop-" + scanned)).json()
            .get("alreadyProcessed").asBoolean())
        .isTrue();
    assertThat(engine().getTaskService().createTaskQuery().processInstanceBusinessKey(scanned).count()).isEqualTo(1);
  }

  @Test
  @Order(5)
  void duplicatesArrivingAtBothNodesAtOnceHaveOneEffect() throws Exception {
    // carrier events
    String picked = create();
    awaitStatus(List.of(picked), "LABEL_ISSUED");
    List<Http.Response> pickups = concurrently(8, i -> pickUp(picked, "dup-" + picked));
    assertThat(pickups).allSatisfy(r -> assertThat(r.status()).as(r.toString()).isEqualTo(200));
    assertThat(pickups).filteredOn(r -> r.json().get("outcome").asText().equals("DELIVERED")).hasSize(1);
    assertThat(status(picked)).isEqualTo("IN_TRANSIT");

    // arrival scans
    List<Http.Response> scans = concurrently(8, i -> arrive(picked, "dup-scan-" + picked));
    assertThat(scans).allSatisfy(r -> assertThat(r.status()).as(r.toString()).isEqualTo(200));
    assertThat(scans).filteredOn(r -> r.json().get("outcome").asText().equals("DELIVERED")).hasSize(1);
    assertThat(engine().getTaskService().createTaskQuery().processInstanceBusinessKey(picked).count()).isEqualTo(1);

    // Stripe webhooks: a pending refund confirmed by the same event, sent many times to both nodes
    String pending = create();
    StandIns.API.stubFor(refundOf(pending).atPriority(1).willReturn(aResponse()
        .withHeader("Content-Type", "application/json").withTransformers("response-template")
        .withBody(ClusterStandIns.refundBody("pending"))));
    throughInspection(pending);
    awaitStatus(List.of(pending), "REFUND_PENDING");
    String refundId = jdbc().sql("SELECT refund_id FROM rma_return WHERE rma_number = :rma").param("rma", pending)
        .query(String.class).single();
    String payload = StripeApi.event("evt_dup_" + pending, "refund.updated", StripeApi.refund(refundId, "pi_cluster", 1,
        "succeeded", null, Map.of("rma_number", pending, "attempt", "1")));
    List<Http.Response> webhooks = concurrently(8, i -> node(i).http()
        .header("Stripe-Signature",
            StripeApi.signature(payload, StripeApi.WEBHOOK_SECRET, Instant.now().getEpochSecond()))
        .post("/webhooks/stripe", payload));
    assertThat(webhooks).allSatisfy(r -> assertThat(r.status()).as(r.toString()).isEqualTo(200));
    awaitStatus(List.of(pending), "CLOSED");
    assertThat(jdbc().sql("SELECT COUNT(*) FROM rma_inbox WHERE source = 'STRIPE' AND event_id = :id")
        .param("id", "evt_dup_" + pending).query(Long.class).single()).isEqualTo(1);
    assertThat(ClusterStandIns.refundKeys().get(pending)).hasSize(1);
  }

  @Test
  @Order(6)
  void twoWarehouseUsersCompletingOneInspectionAtOnceGetOneSuccessAndOneClearError() throws Exception {
    User wanda = engine().getIdentityService().newUser("wanda");
    wanda.setPassword("wanda");
    engine().getIdentityService().saveUser(wanda);
    engine().getIdentityService().createMembership("wanda", "warehouse");

    String rma = create();
    awaitStatus(List.of(rma), "LABEL_ISSUED");
    arrive(rma, "scan-" + rma);
    awaitStatus(List.of(rma), "RECEIVED");
    Task task = engine().getTaskService().createTaskQuery().processInstanceBusinessKey(rma).singleResult();
    Map<String, Object> body = Map.of("variables", Map.of(ProcessIds.VAR_INSPECTION_LINES,
        Map.of("type", "Json", "value", InspectionGrades.json(grades(rma)))));
    List<Http.Response> completions = concurrently(2, i -> node(i).http().as(i == 0 ? "walt" : "wanda")
        .post("/engine-rest/task/" + task.getId() + "/complete", body));
    assertThat(completions).extracting(Http.Response::status).containsOnlyOnce(204);
    Http.Response loser = completions.stream().filter(r -> r.status() != 204).findFirst().orElseThrow();
    assertThat(loser.status()).as(loser.toString()).isIn(404, 409);
    assertThat(loser.json().get("message").asText()).containsIgnoringCase("task");
    awaitStatus(List.of(rma), "CLOSED");
    assertThat(ClusterStandIns.refundKeys().get(rma)).hasSize(1);
  }

  @Test
  @Order(7)
  void aRandomMixOfFaultsLeavesEveryReturnFinishedOrWithOneIncident() throws Exception {
    long seed = Long.getLong("openrma.chaos.seed", System.nanoTime());
    System.out.println("CHAOS seed: " + seed + " (repeat with -Dopenrma.chaos.seed=" + seed + ")");
    Random random = new Random(seed);
    List<String> rmas = new ArrayList<>();
    Map<String, String> faults = new java.util.LinkedHashMap<>();
    String[] kinds = {"none", "stripe-500-twice", "stripe-reset", "stripe-down", "after-refund", "commit-drop",
        "duplicate-scans", "duplicate-pickups"};
    for (int i = 0; i < 24; i++) {
      String rma = create();
      String fault = kinds[random.nextInt(kinds.length)];
      rmas.add(rma);
      faults.put(rma, fault);
      switch (fault) {
        case "stripe-500-twice" -> failRefund(rma, 2, aResponse().withStatus(500));
        case "stripe-reset" -> failRefund(rma, 1, aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER));
        case "stripe-down" -> StandIns.API.stubFor(refundOf(rma).atPriority(1).willReturn(aResponse().withStatus(503)));
        case "after-refund" -> nodeA.faults().failOnceAfterRefund(rma);
        default -> {
        }
      }
    }
    awaitStatus(rmas, "LABEL_ISSUED");
    List<String> shuffled = new ArrayList<>(rmas);
    Collections.shuffle(shuffled, random);
    for (String rma : shuffled) {
      String fault = faults.get(rma);
      int copies = fault.equals("duplicate-pickups") ? 4 : 1;
      concurrently(copies, i -> pickUp(rma, "chaos-pickup-" + rma));
      if (fault.equals("commit-drop")) {
        node(random.nextInt(2)).faults().breakNextCommit(stackContains("ExecuteJobsRunnable"));
      }
      concurrently(fault.equals("duplicate-scans") ? 4 : 1, i -> arrive(rma, "chaos-scan-" + rma));
    }
    awaitStatus(rmas, "RECEIVED", "INSPECTED", "REFUND_PENDING", "CLOSED");
    for (String rma : shuffled) {
      if (status(rma).equals("RECEIVED")) {
        inspect(rma);
      }
    }
    Awaitility.await().atMost(PATIENCE).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
      for (String rma : rmas) {
        assertThat("CLOSED".equals(status(rma)) || incidents(rma) == 1).as(rma + " (" + faults.get(rma) + ") is "
            + status(rma)).isTrue();
      }
    });
    // the invariants
    Map<String, Set<String>> refunds = ClusterStandIns.refundKeys();
    Map<String, Long> labels = ClusterStandIns.labelPurchases();
    for (String rma : rmas) {
      String status = status(rma);
      String fault = faults.get(rma);
      assertThat(refunds.getOrDefault(rma, Set.of())).as("refunds of " + rma + " (" + fault + ")")
          .hasSizeLessThanOrEqualTo(1);
      assertThat(labels.get(rma)).as("labels of " + rma).isEqualTo(1);
      assertThat(
          jdbc().sql("SELECT COALESCE(refund_total, 0) <= amount_captured FROM rma_return WHERE rma_number = :rma")
              .param("rma", rma).query(Boolean.class).single())
          .isTrue();
      if (fault.equals("stripe-down")) {
        assertThat(status).isEqualTo("INSPECTED");
        assertThat(incidents(rma)).isEqualTo(1);
        assertThat(activeActivities(rma)).containsExactly(ProcessIds.REFUND_PAYMENT);
      } else {
        assertThat(status).as(rma + " (" + fault + ")").isEqualTo("CLOSED");
        assertThat(processInstance(rma)).as("no process left for a closed return").isNull();
      }
    }
    System.out.println("CHAOS faults: " + faults.values().stream()
        .collect(java.util.stream.Collectors.groupingBy(f -> f, java.util.TreeMap::new,
            java.util.stream.Collectors.counting()))
        + ", injected into nodes: " + injected());
  }

  @Test
  @Order(8)
  void aNodeThatDiesInTheMiddleOfARefundLeavesItToTheOtherNodeAndNothingHappensTwice() throws Exception {
    String rma = create();
    String scenario = "slow-" + rma;
    StandIns.API.stubFor(refundOf(rma).inScenario(scenario).whenScenarioStateIs(Scenario.STARTED)
        .willReturn(succeeded().withFixedDelay(2_000)).willSetStateTo("fast"));
    StandIns.API.stubFor(refundOf(rma).inScenario(scenario).whenScenarioStateIs("fast").willReturn(succeeded()));
    throughInspection(rma);

    // wait until a node has locked the refund job and is inside the (slow) call to Stripe
    Awaitility.await().atMost(PATIENCE).until(() -> ClusterStandIns.refundRequests(rma).size() == 1);
    String owner = ((JobEntity) engine().getManagementService().createJobQuery().processInstanceId(processInstance(rma))
        .activityId(ProcessIds.REFUND_PAYMENT).singleResult()).getLockOwner();
    ClusterNode victim = nodes.stream().filter(node -> node.lockOwner().equals(owner)).findFirst().orElseThrow();
    ClusterNode survivor = nodes.stream().filter(node -> node != victim).findFirst().orElseThrow();
    victim.faults().kill();
    victim.close();
    nodes.remove(victim);

    awaitStatus(List.of(rma), "CLOSED");
    assertThat(ClusterStandIns.refundRequests(rma)).as("the dead node's call and the survivor's").hasSize(2)
        .extracting(request -> request.getHeader("Idempotency-Key")).containsOnly(rma + ":RefundPayment:1");
    assertThat(ClusterStandIns.refundKeys().get(rma)).as("one refund").hasSize(1);
    assertThat(ClusterStandIns.labelPurchases().get(rma)).isEqualTo(1);
    Map<String, Long> emails = ClusterStandIns.emails();
    assertThat(emails.get(CustomerEmails.messageId(rma, CustomerEmails.Purpose.RETURN_LABEL))).isEqualTo(1);
    assertThat(emails.get(CustomerEmails.messageId(rma, CustomerEmails.Purpose.OUTCOME))).isEqualTo(1);
    assertThat(engine().getHistoryService().createHistoricJobLogQuery().processInstanceId(historicProcessInstance(rma))
        .activityIdIn(ProcessIds.REFUND_PAYMENT).successLog().list()).extracting(HistoricJobLog::getHostname)
        .as("the refund job succeeded on the survivor").containsExactly(survivor.name());
  }

  // ------------------------------------------------------------------------------------------ driving

  private static String create() {
    return returns.create(aReturn().build());
  }

  private static Http.Response pickUp(String rma, String eventId) {
    return returns.carrierEvent(eventId, ClusterStandIns.trackingNumber(rma), "PICKED_UP");
  }

  private static Http.Response arrive(String rma, String scanId) {
    return returns.scan(rma, scanId);
  }

  private static void throughInspection(String rma) throws Exception {
    awaitStatus(List.of(rma), "LABEL_ISSUED");
    pickUp(rma, "pickup-" + rma);
    arrive(rma, "scan-" + rma);
    awaitStatus(List.of(rma), "RECEIVED");
    inspect(rma);
  }

  private static void inspect(String rma) {
    ProcessEngine engine = nextNode().engine();
    Task task = engine.getTaskService().createTaskQuery().processInstanceBusinessKey(rma)
        .taskDefinitionKey(ProcessIds.TASK_INSPECT).singleResult();
    engine.getTaskService().claim(task.getId(), "walt");
    engine.getTaskService().complete(task.getId(), Map.of(ProcessIds.VAR_INSPECTION_LINES,
        InspectionGrades.value(grades(rma))));
  }

  /** Every line of the return received as new and restocked. */
  private static List<InspectionGrades.Grade> grades(String rma) {
    return InspectionGrades.allLines(nodes.get(0).bean(ReturnService.class).get(rma), ItemCondition.NEW,
        Disposition.RESTOCK);
  }

  private static void failRefund(String rma, int times,
      com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder fault) {
    String scenario = "chaos-" + rma;
    String state = Scenario.STARTED;
    for (int i = 1; i <= times; i++) {
      String next = "after-" + i;
      StandIns.API.stubFor(
          refundOf(rma).inScenario(scenario).whenScenarioStateIs(state).willReturn(fault).willSetStateTo(next));
      state = next;
    }
    StandIns.API.stubFor(refundOf(rma).inScenario(scenario).whenScenarioStateIs(state).willReturn(succeeded()));
  }

  private static com.github.tomakehurst.wiremock.client.MappingBuilder refundOf(String rma) {
    return post(urlEqualTo("/stripe/v1/refunds")).atPriority(1)
        .withRequestBody(containing("metadata[rma_number]=" + rma).or(containing("metadata%5Brma_number%5D=" + rma)));
  }

  private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder succeeded() {
    return aResponse().withHeader("Content-Type", "application/json").withTransformers("response-template")
        .withBody(ClusterStandIns.refundBody("succeeded"));
  }

  // ------------------------------------------------------------------------------------------ reading

  private static ClusterNode nextNode() {
    return nodes.get(Math.floorMod(roundRobin.getAndIncrement(), nodes.size()));
  }

  private static ClusterNode node(int i) {
    return nodes.get(i % nodes.size());
  }

  private static ProcessEngine engine() {
    return nodes.get(0).engine();
  }

  private static JdbcClient jdbc() {
    return nodes.get(0).bean(JdbcClient.class);
  }

  private static String status(String rma) {
    return jdbc().sql("SELECT status FROM rma_return WHERE rma_number = :rma").param("rma", rma).query(String.class)
        .single();
  }

  private static String processInstance(String rma) {
    return engine().getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(rma).list().stream()
        .map(ProcessInstance::getId).findFirst().orElse(null);
  }

  private static String historicProcessInstance(String rma) {
    return jdbc().sql("SELECT process_instance_id FROM rma_return WHERE rma_number = :rma").param("rma", rma)
        .query(String.class).single();
  }

  private static List<String> activeActivities(String rma) {
    return engine().getRuntimeService().getActiveActivityIds(processInstance(rma));
  }

  private static long incidents(String rma) {
    String processInstance = processInstance(rma);
    return processInstance == null
        ? 0
        : engine().getRuntimeService().createIncidentQuery().processInstanceId(processInstance).count();
  }

  /** What happened to a return, for failure messages: its jobs per node and its calls to Stripe. */
  static String diagnose(String rma) {
    StringBuilder text = new StringBuilder(rma + " is " + status(rma) + "\n jobs:");
    engine().getHistoryService().createHistoricJobLogQuery().processInstanceId(historicProcessInstance(rma))
        .orderByTimestamp().asc().orderPartiallyByOccurrence().asc().list()
        .forEach(
            log -> text.append("\n  ").append(log.getTimestamp().toInstant()).append(' ').append(log.getActivityId())
                .append(' ').append(log.getHostname()).append(log.isSuccessLog()
                    ? " succeeded"
                    : log.isFailureLog()
                        ? " failed"
                        : log.isCreationLog() ? " created" : " deleted")
                .append(" retries=").append(log.getJobRetries())
                .append(log.getJobExceptionMessage() == null ? "" : " " + log.getJobExceptionMessage()));
    text.append("\n refund calls:");
    ClusterStandIns.refundRequests(rma).forEach(r -> text.append("\n  ").append(r.getLoggedDate().toInstant())
        .append(' ').append(r.getHeader("Idempotency-Key")));
    text.append("\n timeline:");
    jdbc().sql(
        "SELECT t.occurred_at, t.actor, t.event, t.detail FROM rma_timeline t JOIN rma_return r ON r.id = t.return_id "
            + "WHERE r.rma_number = :rma ORDER BY t.id")
        .param("rma", rma)
        .query((rs, n) -> text.append("\n  ").append(rs.getString(1)).append(' ').append(rs.getString(2)).append(' ')
            .append(rs.getString(3)).append(' ').append(rs.getString(4)))
        .list();
    return text.toString();
  }

  private static int injected() {
    return nodes.stream().mapToInt(node -> node.faults().injected()).sum();
  }

  private static Predicate<Thread> stackContains(String classNamePart) {
    return thread -> StackWalker.getInstance()
        .walk(frames -> frames.anyMatch(f -> f.getClassName().contains(classNamePart)));
  }

  private static void awaitStatus(List<String> rmas, String... statuses) {
    Awaitility.await().atMost(PATIENCE).pollInterval(Duration.ofMillis(500))
        .untilAsserted(() -> assertThat(
            jdbc().sql("SELECT COUNT(*) FROM rma_return WHERE rma_number IN (:rmas) AND status IN (:statuses)")
                .param("rmas", rmas).param("statuses", List.of(statuses)).query(Long.class).single())
            .as("returns in " + List.of(statuses) + " of " + rmas.size()).isEqualTo(rmas.size()));
  }

  interface Indexed<T> {
    T call(int i) throws Exception;
  }

  private static <T> List<T> inParallel(int count, Indexed<T> call) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<T>> futures = new ArrayList<>();
      for (int i = 0; i < count; i++) {
        int index = i;
        futures.add(pool.submit(() -> call.call(index)));
      }
      return results(futures);
    } finally {
      pool.shutdown();
    }
  }

  private static <T> List<T> concurrently(int threads, Indexed<T> call) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    CountDownLatch go = new CountDownLatch(1);
    try {
      List<Future<T>> futures = new ArrayList<>();
      for (int i = 0; i < threads; i++) {
        int index = i;
        futures.add(pool.submit((Callable<T>) () -> {
          go.await();
          return call.call(index);
        }));
      }
      go.countDown();
      return results(futures);
    } finally {
      pool.shutdown();
    }
  }

  /** Each call's result in submission order; the first failure is rethrown. */
  private static <T> List<T> results(List<Future<T>> futures) throws Exception {
    List<T> results = new ArrayList<>();
    for (Future<T> future : futures) {
      results.add(future.get());
    }
    return results;
  }
}
