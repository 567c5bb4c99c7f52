package io.openrma.process;

import static io.openrma.returns.ItemCategory.ELECTRONICS;
import static io.openrma.returns.ItemCategory.FINAL_SALE;
import static io.openrma.returns.ItemCondition.NEW;
import static io.openrma.returns.ItemCondition.OPENED;
import static io.openrma.returns.ReturnReason.DEFECTIVE;
import static io.openrma.returns.ReturnReason.DOES_NOT_FIT;
import static io.openrma.returns.ReturnReason.NO_LONGER_NEEDED;
import static io.openrma.support.ReturnRequests.aReturn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.openrma.system.ApiProblems;
import io.openrma.returns.Actor;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.openrma.returns.ItemCondition;
import io.openrma.returns.PolicyDecision;
import org.camunda.bpm.engine.history.HistoricDecisionInstance;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.Input;
import org.camunda.bpm.model.dmn.instance.Rule;
import io.openrma.returns.OrderReturnRequest;
import io.openrma.support.ShopifyTestOrders;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import java.util.stream.Collectors;
import java.util.Set;
import io.openrma.returns.Timeline;
import io.openrma.policy.Money;
import io.openrma.returns.TimelineEntry;
import io.openrma.returns.Resolution;
import io.openrma.returns.ReturnRecord;
import io.openrma.returns.ReturnService;
import io.openrma.returns.ReturnStatus;
import io.openrma.support.ActiveEngineExtension;
import io.openrma.support.Faults;
import io.openrma.support.LifecycleDriver;
import io.openrma.support.TestBeans;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.community.process_test_coverage.spring_test.common.ProcessEngineCoverageProperties;
import org.camunda.community.process_test_coverage.spring_test.platform7.ProcessEngineCoverageConfiguration;
import org.camunda.community.process_test_coverage.spring_test.platform7.ProcessEngineCoverageTestExecutionListener;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.TestExecutionListeners;

/**
 * Every path through {@code rma-lifecycle.bpmn}, one test per path, on the real engine with the
 * simulated integrations (whose test triggers steer the exceptional paths). The job executor is off:
 * each test runs the jobs itself, step by step, and checks after each step that the returns record's
 * status and the process position agree. Flow-node coverage of the class must reach 95 %
 * (report: target/process-test-coverage/).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import({TestBeans.class, ShopifyTestOrders.class, ProcessEngineCoverageConfiguration.class,
    RmaLifecycleProcessTest.Coverage.class})
@TestExecutionListeners(value = ProcessEngineCoverageTestExecutionListener.class, mergeMode = TestExecutionListeners.MergeMode.MERGE_WITH_DEFAULTS)
@ExtendWith(ActiveEngineExtension.class)
class RmaLifecycleProcessTest {

  @TestConfiguration(proxyBeanMethods = false)
  static class Coverage {
    @Bean
    ProcessEngineCoverageProperties coverageProperties() {
      return ProcessEngineCoverageProperties.builder()
          .assertClassCoverageAtLeast(0.95)
          .excludeProcessDefinitionKeys("access-check", "daily-returns-report", "outbound-event-delivery")
          .build();
    }
  }

  @Autowired
  ProcessEngine engine;
  @Autowired
  ReturnService returns;
  @Autowired
  Timeline timeline;
  @Autowired
  MessageInbox inbox;
  @Autowired
  Faults faults;

  @Autowired
  LifecycleDriver lifecycle;
  @Autowired
  ReturnLifecycle returnLifecycle;

  @BeforeEach
  void setUp() {
    BpmnAwareTests.init(engine);
  }

  @AfterEach
  void tearDown() {
    faults.reset();
  }

  @Test
  void autoApprovedReturnIsLabelledShippedInspectedRefundedAndClosed() {
    String rma = lifecycle.create(aReturn().build());
    ProcessInstance pi = lifecycle.instance(rma);
    assertThat(pi).hasPassed(ProcessIds.CHECK_RETURN_POLICY).isWaitingAt(ProcessIds.GENERATE_RETURN_LABEL);
    assertAgrees(rma, ReturnStatus.APPROVED);

    lifecycle.runJobs(rma);
    assertThat(pi).isWaitingAt(ProcessIds.ITEM_PICKED_UP)
        .hasPassed(ProcessIds.SEND_RETURN_EMAIL).hasNotPassed(ProcessIds.ATTACH_LABEL_TO_ZENDESK);
    assertAgrees(rma, ReturnStatus.LABEL_ISSUED);
    assertThat(lifecycle.record(rma).label().trackingNumber()).startsWith("SIM");

    assertThat(lifecycle.pickedUp(rma, "pickup-" + rma)).isEqualTo(InboundEvent.Outcome.DELIVERED);
    assertThat(pi).isWaitingAt(ProcessIds.ITEM_ARRIVED);
    assertAgrees(rma, ReturnStatus.IN_TRANSIT);

    assertThat(lifecycle.arrived(rma, "scan-" + rma)).isEqualTo(InboundEvent.Outcome.DELIVERED);
    assertThat(pi).isWaitingAt(ProcessIds.TASK_INSPECT);
    assertAgrees(rma, ReturnStatus.RECEIVED);

    lifecycle.inspect(rma, "NEW", "RESTOCK");
    assertThat(pi).isWaitingAt(ProcessIds.CALCULATE_REFUND);
    assertAgrees(rma, ReturnStatus.INSPECTED);

    lifecycle.runJobs(rma);
    assertThat(pi).isEnded().hasPassed(ProcessIds.REFUND_PAYMENT, ProcessIds.UPDATE_RECORD_REFUNDED,
        ProcessIds.NOTIFY_CUSTOMER, ProcessIds.END_CLOSED).hasNotPassed(ProcessIds.RECORD_REFUND_IN_BOOKS);
    ReturnRecord record = lifecycle.record(rma);
    assertThat(record.status()).isEqualTo(ReturnStatus.CLOSED);
    // 1 of 2 T-shirts at 25.00 with 5.00 discount on the line: 22.50 + half the 8.55 tax, rounded: 4.28
    assertThat(record.refund().total()).isEqualTo(2_250 + 428);
    assertThat(record.refund().refundId()).startsWith("re_sim_");
    assertThat(returns.timeline(record)).extracting(t -> t.status()).filteredOn(s -> s != null).containsExactly(
        ReturnStatus.REQUESTED, ReturnStatus.APPROVED, ReturnStatus.LABEL_ISSUED, ReturnStatus.IN_TRANSIT,
        ReturnStatus.RECEIVED, ReturnStatus.INSPECTED, ReturnStatus.REFUNDED, ReturnStatus.CLOSED);
    // every step on the timeline by its name in the diagram, as the Modeler shows it
    Set<String> names = engine.getRepositoryService().getBpmnModelInstance(pi.getProcessDefinitionId())
        .getModelElementsByType(FlowNode.class).stream().map(FlowNode::getName).filter(n -> n != null)
        .map(n -> n.replaceAll("\\s+", " ")).collect(Collectors.toSet());
    assertThat(returns.timeline(record)).filteredOn(t -> t.actorType() == Actor.Type.PROCESS)
        .extracting(TimelineEntry::actor).isNotEmpty().allSatisfy(actor -> assertThat(names).contains(actor));
  }

  @Test
  void theRecordKeepsWhyThePolicyDecidedExactlyAsTheEnginesHistorySaysIt() throws Exception {
    String rma = lifecycle.create(aReturn().line("TV-55", ELECTRONICS, 1, 1, 89_900, 0, 14_355, DOES_NOT_FIT, NEW)
        .captured(105_000).build());
    ReturnRecord record = lifecycle.record(rma);
    PolicyDecision decision = returns.policyDecision(record).orElseThrow();

    HistoricDecisionInstance history = engine.getHistoryService().createHistoricDecisionInstanceQuery()
        .processInstanceId(lifecycle.processInstanceId(rma)).includeInputs().includeOutputs().singleResult();
    DecisionDefinition definition = engine.getRepositoryService().getDecisionDefinition(
        history.getDecisionDefinitionId());
    assertThat(decision.decisionKey()).isEqualTo(ProcessIds.RETURN_POLICY);
    assertThat(decision.decisionDefinitionId()).isEqualTo(definition.getId());
    assertThat(decision.decisionVersion()).isEqualTo(definition.getVersion());
    assertThat(decision.deploymentId()).isEqualTo(definition.getDeploymentId());
    assertThat(decision.ruleId()).isEqualTo(history.getOutputs().get(0).getRuleId()).isEqualTo("Rule_HighValue");
    DmnModelInstance table = engine.getRepositoryService().getDmnModelInstance(definition.getId());
    List<Rule> rules = List.copyOf(table.getModelElementsByType(Rule.class));
    assertThat(decision.ruleRow()).isEqualTo(rules.indexOf(table.getModelElementById(decision.ruleId())) + 1);
    assertThat(decision.ruleAnnotation()).isEqualTo("High value");
    JsonNode inputs = new ObjectMapper().readTree(decision.inputs());
    assertThat(history.getInputs()).hasSize(inputs.size()).allSatisfy(input -> {
      Input clause = table.getModelElementById(input.getClauseId());
      String variable = clause.getInputExpression().getText().getTextContent().strip();
      assertThat(inputs.get(variable).asText()).as(variable).isEqualTo(String.valueOf(input.getValue()));
    });
    JsonNode outputs = new ObjectMapper().readTree(decision.outputs());
    assertThat(history.getOutputs()).allSatisfy(output -> assertThat(outputs.get(output.getVariableName()).asText())
        .isEqualTo(String.valueOf(output.getValue())));
    assertThat(returns.timeline(record)).filteredOn(t -> t.event().equals("POLICY_DECIDED"))
        .extracting(TimelineEntry::detail).singleElement().asString().endsWith("(decided by rule "
            + decision.ruleRow() + " (High value), policy version " + definition.getVersion() + ")");
    // the reviewer reads it on the review form
    assertThat((String) engine.getTaskService().getVariableLocal(lifecycle.task(rma).getId(), "returnSummary"))
        .endsWith("Decided by rule " + decision.ruleRow() + " (High value), policy version " + definition.getVersion());
  }

  @Test
  void highValueReturnIsReviewedAndApproved() {
    String rma = lifecycle.create(aReturn().line("TV-55", ELECTRONICS, 1, 1, 89_900, 0, 14_355, DOES_NOT_FIT, NEW)
        .captured(105_000).build());
    ProcessInstance pi = lifecycle.instance(rma);
    assertThat(pi).isWaitingAt(ProcessIds.TASK_REVIEW_RETURN);
    assertThat(BpmnAwareTests.task()).hasCandidateGroup("customer-service");
    assertAgrees(rma, ReturnStatus.UNDER_REVIEW);

    lifecycle.complete(rma, "carl", Map.of("reviewDecision", "APPROVE", "reviewComment", "Looks fine"));
    assertThat(pi).hasPassed("RmaApproved").isWaitingAt(ProcessIds.GENERATE_RETURN_LABEL);
    assertAgrees(rma, ReturnStatus.APPROVED);
    assertThat(returns.timeline(lifecycle.record(rma))).anySatisfy(t -> {
      assertThat(t.event()).isEqualTo("REVIEWED");
      assertThat(t.actor()).isEqualTo("carl");
    });
  }

  @Test
  void reviewRejectionSendsTheReasonAndEnds() {
    String rma = lifecycle.create(aReturn().line("TV-55", ELECTRONICS, 1, 1, 89_900, 0, 14_355, DOES_NOT_FIT, NEW)
        .captured(105_000).build());
    ProcessInstance pi = lifecycle.instance(rma);
    assertThatThrownBy(() -> lifecycle.complete(rma, "carl", Map.of("reviewDecision", "REJECT")))
        .hasMessageContaining("Give the reason");
    assertThat(pi).isWaitingAt(ProcessIds.TASK_REVIEW_RETURN);

    int emailsBefore = faults.calls("send");
    lifecycle.complete(rma, "carl",
        Map.of("reviewDecision", "REJECT", "reviewComment", "Bought in a store, not online"));
    assertThat(pi).hasPassed("RmaRejected").isWaitingAt(ProcessIds.SEND_REJECTION_EMAIL);
    assertAgrees(rma, ReturnStatus.REJECTED);
    lifecycle.runJobs(rma);
    assertThat(pi).isEnded().hasPassed(ProcessIds.END_REJECTED);
    assertThat(lifecycle.status(rma)).isEqualTo(ReturnStatus.REJECTED);
    assertThat(faults.calls("send")).isEqualTo(emailsBefore + 1);
  }

  @Test
  void policyRejectsFinalSaleItemsThatAreNotFaulty() {
    String rma = lifecycle
        .create(aReturn().line("SALE-1", FINAL_SALE, 1, 1, 1_500, 0, 285, NO_LONGER_NEEDED, NEW).build());
    ProcessInstance pi = lifecycle.instance(rma);
    assertThat(pi).hasNotPassed(ProcessIds.TASK_REVIEW_RETURN).isWaitingAt(ProcessIds.SEND_REJECTION_EMAIL);
    lifecycle.runJobs(rma);
    assertThat(pi).isEnded().hasPassed(ProcessIds.END_REJECTED);
    assertThat(lifecycle.record(rma).policy().note()).contains("Final-sale");
  }

  @Test
  void cheapDefectiveItemIsRefundedAndTheCustomerKeepsIt() {
    String rma = lifecycle
        .create(aReturn().line("CABLE-1", ELECTRONICS, 1, 1, 1_000, 0, 190, DEFECTIVE, OPENED).build());
    ProcessInstance pi = lifecycle.instance(rma);
    lifecycle.runJobs(rma);
    assertThat(pi).isEnded().hasNotPassed(ProcessIds.GENERATE_RETURN_LABEL, ProcessIds.TASK_INSPECT)
        .hasPassed(ProcessIds.REFUND_PAYMENT, ProcessIds.END_CLOSED);
    ReturnRecord record = lifecycle.record(rma);
    assertThat(record.keepItem()).isTrue();
    assertThat(record.label()).isNull();
    assertThat(record.refund().total()).isEqualTo(1_190 + 490); // item, tax and the shipping (our fault)
  }

  @Test
  void ticketAndSubscriptionAreUpdatedWhenTheOrderHasThem() {
    String rma = lifecycle.create(aReturn().withTicket("4711").withSubscription("sub_test123").build());
    ProcessInstance pi = lifecycle.instance(rma);
    lifecycle.runJobs(rma);
    assertThat(pi).hasPassed(ProcessIds.ATTACH_LABEL_TO_ZENDESK, ProcessIds.UPDATE_ZENDESK_TRACKING,
        ProcessIds.CANCEL_STRIPE_SUBSCRIPTION).isWaitingAt(ProcessIds.ITEM_PICKED_UP);
    assertThat(lifecycle.record(rma).subscriptionCancelled()).isTrue();
  }

  @Test
  void returnWithoutTicketOrSubscriptionSkipsThoseSteps() {
    String rma = lifecycle.create(aReturn().build());
    ProcessInstance pi = lifecycle.instance(rma);
    lifecycle.runJobs(rma);
    assertThat(pi).hasNotPassed(ProcessIds.ATTACH_LABEL_TO_ZENDESK, ProcessIds.UPDATE_ZENDESK_TRACKING,
        ProcessIds.CANCEL_STRIPE_SUBSCRIPTION).isWaitingAt(ProcessIds.ITEM_PICKED_UP);
    assertThat(lifecycle.record(rma).subscriptionCancelled()).isFalse();
  }

  @Test
  void unshippedReturnIsRemindedAndThenExpires() {
    String rma = lifecycle.create(aReturn().build());
    ProcessInstance pi = lifecycle.instance(rma);
    lifecycle.runJobs(rma);
    int emailsBefore = faults.calls("send");
    engine.getManagementService().executeJob(lifecycle.timer(rma, "ReminderDue").getId());
    lifecycle.runJobs(rma);
    assertThat(pi).hasPassed(ProcessIds.SEND_REMINDER_EMAIL).isWaitingAt(ProcessIds.ITEM_PICKED_UP);
    assertThat(faults.calls("send")).isEqualTo(emailsBefore + 1);
    assertAgrees(rma, ReturnStatus.LABEL_ISSUED);

    engine.getManagementService().executeJob(lifecycle.timer(rma, "ShipmentOverdue").getId());
    assertThat(pi).isEnded().hasPassed(ProcessIds.END_EXPIRED);
    assertThat(lifecycle.status(rma)).isEqualTo(ReturnStatus.EXPIRED);
  }

  @Test
  void returnCancelledInTransitEndsCleanlyAndCannotBeCancelledAfterArrival() {
    String rma = lifecycle.create(aReturn().build());
    ProcessInstance pi = lifecycle.instance(rma);
    lifecycle.runJobs(rma);
    lifecycle.pickedUp(rma, "pickup-" + rma);
    returns.cancel(rma, "Customer found a better size in a store", Actor.user("carl"));
    assertThat(pi).isWaitingAt(ProcessIds.VOID_RETURN_LABEL);
    assertAgrees(rma, ReturnStatus.CANCELLED);
    int voids = faults.calls("voidLabel");
    lifecycle.runJobs(rma);
    assertThat(pi).isEnded().hasPassed(ProcessIds.VOID_RETURN_LABEL, ProcessIds.SEND_CANCELLATION_EMAIL,
        ProcessIds.END_CANCELLED);
    assertThat(faults.calls("voidLabel")).isEqualTo(voids + 1); // the label bought for it will not be used
    assertThat(returns.timeline(lifecycle.record(rma))).extracting(TimelineEntry::event).contains("LABEL_VOIDED");
    assertThat(returns.timeline(lifecycle.record(rma))).filteredOn(t -> t.event().equals("EMAIL_SENT"))
        .extracting(TimelineEntry::detail).last().asString()
        .isEqualTo("Cancellation confirmed to the customer: the label is voided");
    assertThat(lifecycle.record(rma).status()).isEqualTo(ReturnStatus.CANCELLED);
    assertThat(lifecycle.record(rma).cancelReason()).contains("better size");

    String received = lifecycle.create(aReturn().build());
    lifecycle.runJobs(received);
    lifecycle.arrived(received, "scan-" + received);
    assertThatThrownBy(() -> returns.cancel(received, "too late", Actor.user("carl")))
        .isInstanceOf(ApiProblems.Conflict.class).hasMessageContaining("RECEIVED");
    assertThat(lifecycle.instance(received)).isWaitingAt(ProcessIds.TASK_INSPECT);
  }

  @Test
  void parcelThatArrivesWithoutAPickUpScanGoesStraightToInspection() {
    String rma = lifecycle.create(aReturn().build());
    ProcessInstance pi = lifecycle.instance(rma);
    lifecycle.runJobs(rma);
    assertThat(lifecycle.arrived(rma, "scan-" + rma)).isEqualTo(InboundEvent.Outcome.DELIVERED);
    assertThat(pi).hasPassed("ArrivedWithoutPickupScan").isWaitingAt(ProcessIds.TASK_INSPECT);
    assertAgrees(rma, ReturnStatus.RECEIVED);
  }

  @Test
  void refusedAddressIsFixedByCustomerServiceAndTheLabelBoughtAgain() {
    String rma = lifecycle.create(aReturn().addressLine1("INVALID Street 0").build());
    ProcessInstance pi = lifecycle.instance(rma);
    lifecycle.runJobs(rma);
    assertThat(pi).isWaitingAt(ProcessIds.TASK_FIX_ADDRESS);
    assertThat(BpmnAwareTests.task()).hasCandidateGroup("customer-service");
    assertThat(engine.getRuntimeService().getVariable(pi.getId(), ProcessIds.VAR_ADDRESS_PROBLEM).toString())
        .contains("cannot find the street");
    assertAgrees(rma, ReturnStatus.APPROVED);

    Map<String, Object> fixed = new HashMap<>();
    fixed.put("pii_line1", "Hauptstr. 12");
    lifecycle.complete(rma, "carl", fixed);
    assertThat(engine.getRuntimeService().getVariables(pi.getId()).keySet()).noneMatch(name -> name.startsWith("pii_"));
    assertThat(lifecycle.record(rma).customer().address().line1()).isEqualTo("Hauptstr. 12");
    lifecycle.runJobs(rma);
    assertThat(pi).isWaitingAt(ProcessIds.ITEM_PICKED_UP);
    assertAgrees(rma, ReturnStatus.LABEL_ISSUED);
    // personal data never reaches the history
    assertThat(engine.getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(pi.getId()).list())
        .noneMatch(v -> v.getName().startsWith("pii_"));
  }

  @Test
  void refundRefusedByStripeGoesToFinanceWhoRetryAndThenRecordAnOutsideRefund() {
    String rma = lifecycle.create(aReturn().paymentIntent("pi_disputed_" + System.nanoTime()).build());
    ProcessInstance pi = lifecycle.instance(rma);
    toInspection(rma);
    lifecycle.inspect(rma, "NEW", "RESTOCK");
    lifecycle.runJobs(rma);
    assertThat(pi).hasPassed("RefundRefused").isWaitingAt(ProcessIds.TASK_RESOLVE_REFUND_PROBLEM);
    assertThat(BpmnAwareTests.task()).hasCandidateGroup("finance");
    assertAgrees(rma, ReturnStatus.REFUND_FAILED);
    assertThat(engine.getRuntimeService().getVariable(pi.getId(), ProcessIds.VAR_REFUND_PROBLEM).toString())
        .contains("charge_disputed");

    lifecycle.complete(rma, "fiona", Map.of("refundProblemDecision", "RETRY"));
    assertThat(lifecycle.record(rma).refundAttempt()).isEqualTo(2);
    lifecycle.runJobs(rma);
    assertThat(pi).isWaitingAt(ProcessIds.TASK_RESOLVE_REFUND_PROBLEM);

    assertThatThrownBy(() -> lifecycle.complete(rma, "fiona", Map.of("refundProblemDecision", "REFUNDED_OUTSIDE")))
        .hasMessageContaining("re_");
    lifecycle.complete(rma, "fiona",
        Map.of("refundProblemDecision", "REFUNDED_OUTSIDE", "externalRefundId", "re_manual123"));
    lifecycle.runJobs(rma);
    assertThat(pi).isEnded().hasPassed(ProcessIds.UPDATE_RECORD_REFUNDED, ProcessIds.END_CLOSED);
    assertThat(lifecycle.record(rma).refund().refundId()).isEqualTo("re_manual123");
  }

  @Test
  void pendingRefundWaitsForStripeAndAFailureGoesToFinanceWhoClose() {
    String rma = lifecycle.create(aReturn().paymentIntent("pi_pending_" + System.nanoTime()).build());
    ProcessInstance pi = lifecycle.instance(rma);
    toInspection(rma);
    lifecycle.inspect(rma, "NEW", "RESTOCK");
    lifecycle.runJobs(rma);
    assertThat(pi).isWaitingAt(ProcessIds.WAIT_FOR_REFUND_CONFIRMATION);
    assertAgrees(rma, ReturnStatus.REFUND_PENDING);

    engine.getRuntimeService().createMessageCorrelation(ProcessIds.MSG_REFUND_SETTLED).processInstanceBusinessKey(rma)
        .setVariable(ProcessIds.VAR_REFUND_STATUS, "FAILED").correlateWithResult();
    assertThat(pi).isWaitingAt(ProcessIds.TASK_RESOLVE_REFUND_PROBLEM);
    assertThatThrownBy(() -> lifecycle.complete(rma, "fiona", Map.of("refundProblemDecision", "CLOSE_WITHOUT_REFUND")))
        .hasMessageContaining("why");
    lifecycle.complete(rma, "fiona", Map.of("refundProblemDecision", "CLOSE_WITHOUT_REFUND",
        "refundProblemComment", "The card account is closed; we send a cheque."));
    lifecycle.runJobs(rma);
    assertThat(pi).isEnded().hasNotPassed(ProcessIds.UPDATE_RECORD_REFUNDED).hasPassed(ProcessIds.END_CLOSED);
  }

  @Test
  void pendingRefundConfirmedByStripeCloses() {
    String rma = lifecycle.create(aReturn().paymentIntent("pi_pending_" + System.nanoTime()).build());
    ProcessInstance pi = lifecycle.instance(rma);
    toInspection(rma);
    lifecycle.inspect(rma, "OPENED", "RESTOCK");
    lifecycle.runJobs(rma);
    engine.getRuntimeService().createMessageCorrelation(ProcessIds.MSG_REFUND_SETTLED).processInstanceBusinessKey(rma)
        .setVariable(ProcessIds.VAR_REFUND_STATUS, "SUCCEEDED").correlateWithResult();
    lifecycle.runJobs(rma);
    assertThat(pi).isEnded().hasPassed(ProcessIds.UPDATE_RECORD_REFUNDED, ProcessIds.END_CLOSED);
  }

  @Test
  void refundThatFailsAfterClosingReopensForFinance() {
    String rma = lifecycle.create(aReturn().build());
    toInspection(rma);
    lifecycle.inspect(rma, "NEW", "RESTOCK");
    lifecycle.runJobs(rma);
    assertThat(lifecycle.status(rma)).isEqualTo(ReturnStatus.CLOSED);

    // as Stripe's refund.failed webhook does: the refund is failed first, then the lifecycle reopens
    returns.settleRefund(rma, lifecycle.record(rma).refund().refundId(), "FAILED", "card expired",
        Actor.webhook("stripe"));
    String reopenedId = returnLifecycle.startRefundProblem(lifecycle.record(rma), "card expired");
    ProcessInstance reopened = engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(reopenedId)
        .singleResult();
    assertThat(reopened).isWaitingAt(ProcessIds.TASK_RESOLVE_REFUND_PROBLEM);
    assertThat(lifecycle.status(rma)).isEqualTo(ReturnStatus.REFUND_FAILED);
    lifecycle.complete(rma, "fiona", Map.of("refundProblemDecision", "CLOSE_WITHOUT_REFUND",
        "refundProblemComment", "Refunded by bank transfer"));
    lifecycle.runJobs(rma);
    assertThat(reopened).isEnded();
    assertThat(lifecycle.status(rma)).isEqualTo(ReturnStatus.CLOSED);
    assertThat(timeline.of(lifecycle.record(rma))).filteredOn(entry -> entry.event().equals("EMAIL_SENT"))
        .extracting(TimelineEntry::detail).last().asString()
        .isEqualTo("Customer told: closed without refund: Refunded by bank transfer");
  }

  @Test
  void refundRetriesRunOutIntoAnIncidentAndTheAdminsRetryRefundsExactlyOnce() {
    String rma = lifecycle.create(aReturn().build());
    ProcessInstance pi = lifecycle.instance(rma);
    toInspection(rma);
    lifecycle.inspect(rma, "NEW", "RESTOCK");
    lifecycle.runJobsUntil(rma, ProcessIds.REFUND_PAYMENT);
    faults.failNext("refund", 100);
    Job refundJob = lifecycle.job(rma, ProcessIds.REFUND_PAYMENT);
    int attempts = 0;
    while (engine.getManagementService().createJobQuery().jobId(refundJob.getId()).singleResult().getRetries() > 0) {
      attempts++;
      String id = refundJob.getId();
      assertThatThrownBy(() -> engine.getManagementService().executeJob(id)).hasMessageContaining("injected fault");
    }
    assertThat(attempts).isEqualTo(3); // R3: three attempts in all, then the incident
    Incident incident = engine.getRuntimeService().createIncidentQuery().processInstanceId(pi.getId()).singleResult();
    assertThat(incident.getIncidentMessage()).contains("Stripe").contains(rma).contains("Refund payment");

    faults.reset();
    int refundsBefore = faults.calls("refund");
    engine.getManagementService().setJobRetries(refundJob.getId(), 1); // "Retry" in Cockpit
    // due at once, not at the last failure's next retry time (5 minutes on)
    assertThat(lifecycle.jobs().due(rma)).extracting(Job::getId).contains(refundJob.getId());
    engine.getManagementService().executeJob(refundJob.getId()); // the job executor, now
    lifecycle.runJobs(rma);
    assertThat(pi).isEnded().hasPassed(ProcessIds.END_CLOSED);
    assertThat(faults.calls("refund")).isEqualTo(refundsBefore + 1);
    assertThat(engine.getRuntimeService().createIncidentQuery().processInstanceId(pi.getId()).count()).isZero();
  }

  @Test
  void storeCreditIsCreditedInsteadOfRefunded() {
    String rma = lifecycle.create(aReturn().resolution(Resolution.STORE_CREDIT).build());
    ProcessInstance pi = lifecycle.instance(rma);
    toInspection(rma);
    lifecycle.inspect(rma, "NEW", "RESTOCK");
    lifecycle.runJobs(rma);
    assertThat(pi).isEnded().hasPassed(ProcessIds.ISSUE_STORE_CREDIT).hasNotPassed(ProcessIds.REFUND_PAYMENT);
    assertThat(lifecycle.record(rma).refund().storeCreditId()).startsWith("cbtxn_sim_");
    assertThat(lifecycle.status(rma)).isEqualTo(ReturnStatus.CLOSED);
  }

  @Test
  void refundAndStoreCreditAreRecordedInTheBooksOnceWhenBookkeepingIsConnected() {
    String refunded = lifecycle.create(aReturn().build());
    String credited = lifecycle.create(aReturn().resolution(Resolution.STORE_CREDIT).build());
    for (String rma : List.of(refunded, credited)) {
      ProcessInstance pi = lifecycle.instance(rma);
      // as ReturnLifecycle starts it with openrma.bookkeeping.provider=quickbooks (the test app has none)
      engine.getRuntimeService().setVariable(pi.getId(), ProcessIds.VAR_RECORDS_BOOKS, true);
      toInspection(rma);
      lifecycle.inspect(rma, "NEW", "RESTOCK");
      lifecycle.runJobsUntil(rma, ProcessIds.RECORD_REFUND_IN_BOOKS);
      assertThat(pi).isWaitingAt(ProcessIds.RECORD_REFUND_IN_BOOKS).hasPassed(ProcessIds.UPDATE_RECORD_REFUNDED);
      assertAgrees(rma, ReturnStatus.REFUNDED);
      lifecycle.runJobs(rma);
      assertThat(pi).isEnded().hasPassed(ProcessIds.RECORD_REFUND_IN_BOOKS, ProcessIds.NOTIFY_CUSTOMER);
      assertThat(events(rma)).containsOnlyOnce("BOOKED");
    }
    assertThat(returns.timeline(lifecycle.record(refunded))).filteredOn(t -> "BOOKED".equals(t.event()))
        .extracting(TimelineEntry::detail).singleElement().asString().startsWith("RefundReceipt sim-")
        .contains(Money.format(lifecycle.record(refunded).refund().total(), "EUR"));
    assertThat(returns.timeline(lifecycle.record(credited))).filteredOn(t -> "BOOKED".equals(t.event()))
        .extracting(TimelineEntry::detail).singleElement().asString().startsWith("CreditMemo sim-");
  }

  @Test
  void booksThatFailRetryIntoAnIncidentNamingQuickBooksAndBookOnceWhenTheAdminsRetry() {
    String rma = lifecycle.create(aReturn().build());
    ProcessInstance pi = lifecycle.instance(rma);
    engine.getRuntimeService().setVariable(pi.getId(), ProcessIds.VAR_RECORDS_BOOKS, true);
    toInspection(rma);
    lifecycle.inspect(rma, "NEW", "RESTOCK");
    lifecycle.runJobsUntil(rma, ProcessIds.RECORD_REFUND_IN_BOOKS);
    faults.failNext("recordRefund", 100);
    Job booksJob = lifecycle.job(rma, ProcessIds.RECORD_REFUND_IN_BOOKS);
    while (engine.getManagementService().createJobQuery().jobId(booksJob.getId()).singleResult().getRetries() > 0) {
      String id = booksJob.getId();
      assertThatThrownBy(() -> engine.getManagementService().executeJob(id)).hasMessageContaining("injected fault");
    }
    Incident incident = engine.getRuntimeService().createIncidentQuery().processInstanceId(pi.getId()).singleResult();
    assertThat(incident.getIncidentMessage()).contains("QuickBooks").contains(rma)
        .contains("Record refund in QuickBooks");
    assertThat(events(rma)).doesNotContain("BOOKED"); // nothing recorded as done
    assertAgrees(rma, ReturnStatus.REFUNDED);

    faults.reset();
    int postingsBefore = faults.calls("recordRefund");
    engine.getManagementService().setJobRetries(booksJob.getId(), 1); // "Retry" in Cockpit
    engine.getManagementService().executeJob(booksJob.getId());
    lifecycle.runJobs(rma);
    assertThat(pi).isEnded().hasPassed(ProcessIds.RECORD_REFUND_IN_BOOKS, ProcessIds.END_CLOSED);
    assertThat(faults.calls("recordRefund")).isEqualTo(postingsBefore + 1);
    assertThat(events(rma)).containsOnlyOnce("BOOKED");
  }

  @Test
  void exchangeIsArrangedByCustomerServiceWithoutRefund() {
    String rma = lifecycle.create(aReturn().resolution(Resolution.EXCHANGE).build());
    ProcessInstance pi = lifecycle.instance(rma);
    toInspection(rma);
    lifecycle.inspect(rma, "NEW", "RESTOCK");
    lifecycle.runJobs(rma);
    assertThat(pi).isWaitingAt(ProcessIds.TASK_ARRANGE_EXCHANGE);
    lifecycle.complete(rma, "carl", Map.of("exchangeOrderId", "SO-EXCHANGE-1"));
    lifecycle.runJobs(rma);
    assertThat(pi).isEnded().hasNotPassed(ProcessIds.REFUND_PAYMENT);
    assertThat(lifecycle.record(rma).refund().total()).isZero();
  }

  @Test
  void parcelWithNothingRefundableClosesWithoutRefund() {
    String rma = lifecycle.create(aReturn().build());
    ProcessInstance pi = lifecycle.instance(rma);
    toInspection(rma);
    lifecycle.inspect(rma, "WRONG_ITEM", "RETURN_TO_CUSTOMER");
    lifecycle.runJobs(rma);
    assertThat(pi).isEnded().hasPassed("Resolution", "NotifyJoin")
        .hasNotPassed(ProcessIds.REFUND_PAYMENT, ProcessIds.ISSUE_STORE_CREDIT, ProcessIds.TASK_ARRANGE_EXCHANGE);
    assertThat(lifecycle.record(rma).refund().total()).isZero();
    assertThat(lifecycle.status(rma)).isEqualTo(ReturnStatus.CLOSED);
  }

  @Test
  void arrivalScannedBeforeTheReturnIsApprovedIsDeliveredOnceTheProcessWaitsForIt() {
    String rma = lifecycle.create(aReturn().line("TV-55", ELECTRONICS, 1, 1, 89_900, 0, 14_355, DOES_NOT_FIT, NEW)
        .captured(105_000).build());
    assertThat(lifecycle.arrived(rma, "early-" + rma)).isEqualTo(InboundEvent.Outcome.QUEUED);
    assertThat(lifecycle.arrived(rma, "early-" + rma)).isEqualTo(InboundEvent.Outcome.DUPLICATE);
    lifecycle.complete(rma, "carl", Map.of("reviewDecision", "APPROVE"));
    lifecycle.runUntil(rma, ReturnStatus.RECEIVED);
    assertThat(lifecycle.instance(rma)).isWaitingAt(ProcessIds.TASK_INSPECT);
  }

  @Test
  void inspectionWithMissingGradesIsRefusedAndTheTaskStaysOpen() {
    String rma = lifecycle.create(aReturn().build());
    toInspection(rma);
    assertThatThrownBy(() -> lifecycle.inspect(rma, "", "RESTOCK")).hasMessageContaining("choose the condition");
    assertThat(lifecycle.instance(rma)).isWaitingAt(ProcessIds.TASK_INSPECT);
    assertThat(lifecycle.status(rma)).isEqualTo(ReturnStatus.RECEIVED);
  }

  private void toInspection(String rma) {
    lifecycle.runJobs(rma);
    lifecycle.pickedUp(rma, "pickup-" + rma);
    lifecycle.arrived(rma, "scan-" + rma);
    assertThat(lifecycle.instance(rma)).isWaitingAt(ProcessIds.TASK_INSPECT);
  }

  // ------------------------------------------------------------------ an order from Shopify

  private String shopifyReturn(int order, int line, String email, ItemCondition condition) {
    return lifecycle.create(new OrderReturnRequest(new OrderReturnRequest.Order("shopify", "#" + order), email, null,
        null, null, List.of(new OrderReturnRequest.Line(ShopifyTestOrders.lineItemId(order, line), 1, DOES_NOT_FIT,
            null, condition, null))));
  }

  private List<String> events(String rma) {
    return returns.timeline(lifecycle.record(rma)).stream().map(TimelineEntry::event).toList();
  }

  @Test
  void aShopifyOrdersReturnIsMirroredInShopifyFromOpenToClosedAndItsStripePaymentRefundedInStripe() {
    String rma = shopifyReturn(1001, 1, "jane.doe@example.com", NEW);
    ProcessInstance pi = lifecycle.instance(rma);
    assertThat(pi).hasPassed(ProcessIds.CHECK_RETURN_POLICY).isWaitingAt(ProcessIds.OPEN_SHOPIFY_RETURN);
    assertAgrees(rma, ReturnStatus.REQUESTED);

    lifecycle.runJobs(rma);
    assertThat(pi).isWaitingAt(ProcessIds.ITEM_PICKED_UP).hasPassed(ProcessIds.GENERATE_RETURN_LABEL,
        ProcessIds.ADD_RETURN_SHIPPING_TO_SHOPIFY).hasNotPassed(ProcessIds.APPROVE_SHOPIFY_RETURN);
    ReturnRecord record = lifecycle.record(rma);
    assertThat(record.source().returnId()).startsWith("gid://shopify/Return/");
    assertThat(record.source().orderNumber()).isEqualTo("#1001");
    assertThat(record.lines().get(0).lineItemId()).isEqualTo(ShopifyTestOrders.lineItemId(1001, 1));

    lifecycle.pickedUp(rma, "pickup-" + rma);
    lifecycle.arrived(rma, "scan-" + rma);
    int stripeRefunds = faults.calls("refund");
    lifecycle.inspect(rma, "NEW", "RESTOCK");
    lifecycle.runJobs(rma);
    assertThat(pi).isEnded().hasPassed(ProcessIds.REFUND_PAYMENT, ProcessIds.PROCESS_SHOPIFY_RETURN,
        ProcessIds.NOTIFY_CUSTOMER, ProcessIds.END_CLOSED);
    record = lifecycle.record(rma);
    assertThat(record.refund().refundId()).startsWith("re_sim_"); // paid through Stripe: refunded in Stripe
    assertThat(faults.calls("refund")).isEqualTo(stripeRefunds + 1);
    assertThat(events(rma)).containsSubsequence("SOURCE_RETURN_OPENED", "SHOPIFY_REVERSE_DELIVERY", "REFUNDED",
        "SHOPIFY_RETURN_PROCESSED", "SHOPIFY_RETURN_CLOSED");
    assertThat(returns.timeline(record)).filteredOn(t -> t.event().equals("SHOPIFY_RETURN_PROCESSED"))
        .extracting(TimelineEntry::detail).containsExactly("Processed in Shopify: 1x RESTOCKED");
  }

  @Test
  void aShopifyPaymentsOrderIsRefundedThroughShopifyAndNeverInStripe() {
    String rma = shopifyReturn(1006, 1, "noah.becker@example.com", NEW);
    ProcessInstance pi = lifecycle.instance(rma);
    lifecycle.runJobs(rma);
    toInspection(rma);
    int stripeRefunds = faults.calls("refund");
    lifecycle.inspect(rma, "NEW", "SCRAP");
    lifecycle.runJobs(rma);
    assertThat(pi).isEnded().hasPassed(ProcessIds.REFUND_PAYMENT, ProcessIds.PROCESS_SHOPIFY_RETURN,
        ProcessIds.END_CLOSED);
    ReturnRecord record = lifecycle.record(rma);
    assertThat(record.refund().refundId()).startsWith("gid://shopify/Refund/");
    assertThat(record.refund().status()).isEqualTo("SUCCEEDED");
    assertThat(record.refund().total()).isEqualTo(3_490 + 663);
    assertThat(faults.calls("refund")).isEqualTo(stripeRefunds);
  }

  @Test
  void aReviewedShopifyReturnIsApprovedInShopifyAndARejectedOneDeclinedThere() {
    String approved = shopifyReturn(1002, 1, "max.mustermann@example.com", ItemCondition.USED);
    lifecycle.runJobs(approved);
    assertThat(lifecycle.instance(approved)).hasPassed(ProcessIds.OPEN_SHOPIFY_RETURN)
        .isWaitingAt(ProcessIds.TASK_REVIEW_RETURN);
    lifecycle.complete(approved, "carl", Map.of("reviewDecision", "APPROVE", "reviewComment", "Fine"));
    assertThat(lifecycle.instance(approved)).isWaitingAt(ProcessIds.APPROVE_SHOPIFY_RETURN);
    assertAgrees(approved, ReturnStatus.UNDER_REVIEW);
    lifecycle.runJobs(approved);
    assertThat(lifecycle.instance(approved)).hasPassed(ProcessIds.APPROVE_SHOPIFY_RETURN, "RmaApproved")
        .isWaitingAt(ProcessIds.ITEM_PICKED_UP);
    assertThat(events(approved)).contains("SHOPIFY_RETURN_APPROVED");

    String rejected = shopifyReturn(1002, 2, "max.mustermann@example.com", ItemCondition.USED);
    ProcessInstance rejectedInstance = lifecycle.instance(rejected);
    lifecycle.runJobs(rejected);
    lifecycle.complete(rejected, "carl", Map.of("reviewDecision", "REJECT", "reviewComment", "Worn for a month"));
    lifecycle.runJobs(rejected);
    assertThat(rejectedInstance).isEnded().hasPassed(ProcessIds.SEND_REJECTION_EMAIL,
        ProcessIds.DECLINE_SHOPIFY_RETURN, ProcessIds.END_REJECTED).hasNotPassed(ProcessIds.APPROVE_SHOPIFY_RETURN);
    assertThat(events(rejected)).contains("SHOPIFY_RETURN_DECLINED");
  }

  @Test
  void aShopifyExchangeUnderReviewIsOpenedInShopifyWhenApprovedAndMadeThereNotByCustomerService() {
    String rma = lifecycle.create(new OrderReturnRequest(new OrderReturnRequest.Order("shopify", "#1004"),
        "lukas.weber@example.com", null, Resolution.EXCHANGE, null, List.of(new OrderReturnRequest.Line(
            ShopifyTestOrders.lineItemId(1004, 1), 1, DOES_NOT_FIT, null, ItemCondition.USED,
            "gid://shopify/ProductVariant/42"))));
    ProcessInstance pi = lifecycle.instance(rma);
    lifecycle.runJobs(rma);
    assertThat(pi).isWaitingAt(ProcessIds.TASK_REVIEW_RETURN); // worn: customer service looks first
    assertThat(lifecycle.record(rma).source().returnId()).isNull(); // Shopify takes exchanges only approved
    assertThat(events(rma)).contains("SHOPIFY_NOT_OPENED");

    lifecycle.complete(rma, "carl", Map.of("reviewDecision", "APPROVE", "reviewComment", "Fine, swap it"));
    lifecycle.runJobs(rma);
    assertThat(lifecycle.record(rma).source().returnId()).startsWith("gid://shopify/Return/");
    lifecycle.pickedUp(rma, "pickup-" + rma);
    lifecycle.arrived(rma, "scan-" + rma);
    lifecycle.inspect(rma, "NEW", "RESTOCK");
    lifecycle.runJobs(rma);
    assertThat(pi).isEnded().hasPassed(ProcessIds.APPROVE_SHOPIFY_RETURN,
        ProcessIds.PROCESS_SHOPIFY_RETURN, ProcessIds.END_CLOSED).hasNotPassed(ProcessIds.TASK_ARRANGE_EXCHANGE,
            ProcessIds.REFUND_PAYMENT);
    assertThat(lifecycle.record(rma).lines().get(0).exchangeVariantId()).isEqualTo("gid://shopify/ProductVariant/42");
  }

  @Test
  void aCancelledShopifyReturnIsCancelledInShopifyToo() {
    String rma = shopifyReturn(1001, 2, "jane.doe@example.com", NEW);
    ProcessInstance pi = lifecycle.instance(rma);
    lifecycle.runJobs(rma);
    assertThat(pi).isWaitingAt(ProcessIds.ITEM_PICKED_UP);
    returns.cancel(rma, "Changed my mind", Actor.user("carl"));
    assertThat(pi).isWaitingAt(ProcessIds.VOID_RETURN_LABEL);
    lifecycle.runJobs(rma);
    assertThat(pi).isEnded().hasPassed(ProcessIds.CANCEL_SHOPIFY_RETURN,
        ProcessIds.SEND_CANCELLATION_EMAIL, ProcessIds.END_CANCELLED);
    assertThat(events(rma)).containsSubsequence("LABEL_VOIDED", "SHOPIFY_RETURN_CANCELLED");
  }

  /** The record's status is the one the process position implies. */
  private void assertAgrees(String rma, ReturnStatus expected) {
    assertThat(lifecycle.status(rma)).as("status of " + rma).isEqualTo(expected);
    List<String> active = engine.getRuntimeService().getActiveActivityIds(lifecycle.instance(rma).getId());
    ReturnStatus implied = switch (active.get(0)) {
      case ProcessIds.OPEN_SHOPIFY_RETURN -> ReturnStatus.REQUESTED;
      case ProcessIds.TASK_REVIEW_RETURN, ProcessIds.APPROVE_SHOPIFY_RETURN -> ReturnStatus.UNDER_REVIEW;
      case ProcessIds.GENERATE_RETURN_LABEL, ProcessIds.TASK_FIX_ADDRESS -> ReturnStatus.APPROVED;
      case ProcessIds.ITEM_PICKED_UP -> ReturnStatus.LABEL_ISSUED;
      case ProcessIds.ITEM_ARRIVED -> ReturnStatus.IN_TRANSIT;
      case ProcessIds.TASK_INSPECT -> ReturnStatus.RECEIVED;
      case ProcessIds.CALCULATE_REFUND -> ReturnStatus.INSPECTED;
      case ProcessIds.WAIT_FOR_REFUND_CONFIRMATION -> ReturnStatus.REFUND_PENDING;
      case ProcessIds.RECORD_REFUND_IN_BOOKS -> ReturnStatus.REFUNDED;
      case ProcessIds.TASK_RESOLVE_REFUND_PROBLEM -> ReturnStatus.REFUND_FAILED;
      case ProcessIds.SEND_REJECTION_EMAIL -> ReturnStatus.REJECTED;
      case ProcessIds.VOID_RETURN_LABEL, ProcessIds.SEND_CANCELLATION_EMAIL -> ReturnStatus.CANCELLED;
      default -> throw new AssertionError("no status rule for " + active);
    };
    assertThat(implied).as("status implied by " + active).isEqualTo(expected);
  }
}
