package io.openrma.returns;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonRawValue;
import io.swagger.v3.oas.annotations.media.Schema;

/** A return as the API shows it: record, lines, timeline and where its process is. Amounts in minor units. */
@Schema(description = "A return: the record, its lines, its timeline and where its process is. Amounts are minor units of currency.")
public record ReturnView(
    String rmaNumber, ReturnStatus status, Resolution resolution, boolean keepItem,
    @Schema(description = "The bonus promised on store credit when the return was created, in percent of the "
        + "refund (the portal's openrma.portal.store-credit-bonus-percent); 0 for none") int storeCreditBonusPercent,
    String currency, Order order,
    @Schema(description = "The order source the order came from and its records of the return; "
        + "absent for a return typed in by hand") SourceOrder source,
    CustomerView customer, String ticketId, String photosUrl, PolicyOutcome policy,
    @Schema(description = "Why the policy decided: the rule that matched, its inputs, the table's version") DecisionView policyDecision,
    LabelView label,
    RefundView refund, boolean subscriptionCancelled, String cancelReason, List<LineView> lines,
    List<TimelineView> timeline, ProcessView process, String createdBy,
    @Schema(description = "How it was asked for: api, portal (the customer) or shopify (in Shopify's customer account)") String channel,
    Instant createdAt, Instant updatedAt) {

  public record Order(String orderId, LocalDate orderDate, LocalDate deliveryDate, long amountCaptured,
      long shippingPaid, String paymentIntentId, String subscriptionId, String stripeCustomerId) {
  }

  /** {@link PolicyDecision} as the API shows it; inputs and outputs as the JSON objects they are. */
  public record DecisionView(String decisionKey, int version, String deploymentId, String ruleId, Integer row,
      String annotation, @JsonRawValue String inputs, @JsonRawValue String outputs, Instant decidedAt,
      String summary) {

    static DecisionView of(PolicyDecision d) {
      return d == null
          ? null
          : new DecisionView(d.decisionKey(), d.decisionVersion(), d.deploymentId(), d.ruleId(),
              d.ruleRow(), d.ruleAnnotation(), d.inputs(), d.outputs(), d.decidedAt(), "Decided by " + d.describe());
    }
  }

  public record CustomerView(String customerId, String name, String email, String phone, Address address) {
  }

  public record LabelView(String carrier, String service, String trackingNumber, String labelUrl, Instant issuedAt) {
  }

  /**
   * {@code total} is the refund; store credit gives {@code storeCredit}: the total plus {@code storeCreditBonus}
   * ({@code null} for other resolutions).
   */
  public record RefundView(long items, long tax, long restockingFee, long shipping, long total, boolean capped,
      int attempt, String refundId, String status, String failure, Instant refundedAt, String storeCreditId,
      @Schema(description = "The store credit bonus on top of total, 0 for none") long storeCreditBonus,
      @Schema(description = "What store credit gives: total + storeCreditBonus; absent unless the resolution "
          + "is STORE_CREDIT") Long storeCredit) {
  }

  public record LineView(int lineNo, String sku, String description, ItemCategory category, int quantityOrdered,
      int quantityReturned, long unitPrice, long discount, long tax, ReturnReason reason, String reasonText,
      ItemCondition reportedCondition, Integer quantityReceived, ItemCondition inspectedCondition,
      Disposition disposition, String inspectionNotes, String inspectedBy, Instant inspectedAt, String lineItemId,
      String exchangeVariantId) {
  }

  public record TimelineView(Instant at, Actor.Type actorType, String actor, String event, ReturnStatus status,
      String detail) {
  }

  /** Where the lifecycle stands; {@code running} is false once the process has ended. */
  public record ProcessView(boolean running, List<String> processInstanceIds, List<ReturnWorkflow.Step> currentSteps,
      List<ReturnWorkflow.OpenTask> openTasks, List<ReturnWorkflow.OpenIncident> incidents,
      List<ReturnWorkflow.RetryingStep> retrying) {
  }

  public static ReturnView of(ReturnRecord r, List<TimelineEntry> timeline, ReturnWorkflow.Position position,
      PolicyDecision decision) {
    Label l = r.label();
    Refund f = r.refund();
    return new ReturnView(r.rmaNumber(), r.status(), r.resolution(), r.keepItem(), r.storeCreditBonusPercent(),
        r.currency(),
        new Order(r.order().orderId(), r.order().orderDate(), r.order().deliveryDate(), r.order().amountCaptured(),
            r.order().shippingPaid(), r.order().paymentIntentId(), r.order().subscriptionId(),
            r.order().stripeCustomerId()),
        r.source(),
        new CustomerView(r.customer().customerId(), r.customer().name(), r.customer().email(), r.customer().phone(),
            r.customer().address()),
        r.ticketId(), r.photosUrl(), r.policy(), DecisionView.of(decision),
        l == null ? null : new LabelView(l.carrier(), l.service(), l.trackingNumber(), l.labelUrl(), l.issuedAt()),
        f == null
            ? null
            : new RefundView(f.items(), f.tax(), f.restockingFee(), f.shipping(), f.total(), f.capped(),
                r.refundAttempt(), f.refundId(), f.status(), f.failure(), f.refundedAt(), f.storeCreditId(),
                f.storeCreditBonus(), r.resolution() == Resolution.STORE_CREDIT ? f.storeCredit() : null),
        r.subscriptionCancelled(), r.cancelReason(),
        r.lines().stream().map(line -> new LineView(line.lineNo(), line.sku(), line.description(), line.category(),
            line.quantityOrdered(), line.quantityReturned(), line.unitPrice(), line.discount(), line.tax(),
            line.reason(),
            line.reasonText(), line.reportedCondition(),
            line.inspection() == null ? null : line.inspection().quantityReceived(),
            line.inspection() == null ? null : line.inspection().condition(),
            line.inspection() == null ? null : line.inspection().disposition(),
            line.inspection() == null ? null : line.inspection().notes(),
            line.inspection() == null ? null : line.inspection().inspectedBy(),
            line.inspection() == null ? null : line.inspection().inspectedAt(), line.lineItemId(),
            line.exchangeVariantId())).toList(),
        timeline == null
            ? null
            : timeline.stream().map(t -> new TimelineView(t.occurredAt(), t.actorType(), t.actor(),
                t.event(), t.status(), t.detail())).toList(),
        position == null
            ? null
            : new ProcessView(position.running(), position.processInstanceIds(),
                position.currentSteps(), position.openTasks(), position.incidents(), position.retrying()),
        r.createdBy(), r.channel(), r.createdAt(), r.updatedAt());
  }
}
