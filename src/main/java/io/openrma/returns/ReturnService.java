package io.openrma.returns;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

import io.openrma.system.ApiProblems.Conflict;
import io.openrma.system.ApiProblems.NotFound;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.jdbc.core.JdbcAggregateOperations;
import org.springframework.data.relational.core.conversion.DbActionExecutionException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reading one return and changing it. The REST API, the process steps and the inbound events all
 * change a return through here: each change loads the return, changes the aggregate, saves it
 * (checking its version) and appends the timeline in the caller's transaction, which for a process
 * step is the engine's. Creating returns is {@link ReturnCreation}'s job, finding them {@link ReturnSearch}'s.
 *
 * <p>It is about 340 lines because each change the lifecycle records (status, policy and why, label,
 * inspection, refund outcomes, the source's return) and each lookup the steps and webhooks need is one short
 * method here with its timeline text; they share one
 * {@code update}, and splitting them by step would scatter the one place that writes a return.
 */
@Service
public class ReturnService {

  private final ReturnRepository repository;
  private final Timeline timeline;
  private final ReturnWorkflow workflow;
  private final JdbcAggregateOperations aggregates;
  private final Clock clock;
  private final ApplicationEventPublisher events;

  ReturnService(ReturnRepository repository, Timeline timeline, ReturnWorkflow workflow,
      JdbcAggregateOperations aggregates, Clock clock, ApplicationEventPublisher events) {
    this.repository = repository;
    this.timeline = timeline;
    this.workflow = workflow;
    this.aggregates = aggregates;
    this.clock = clock;
    this.events = events;
  }

  // ------------------------------------------------------------------ reading

  @Transactional(readOnly = true)
  public ReturnRecord get(String rmaNumber) {
    return find(rmaNumber).orElseThrow(() -> notFound(rmaNumber));
  }

  /** The return, read once per read-write transaction ({@link ReadInTransaction}). */
  @Transactional(readOnly = true)
  public Optional<ReturnRecord> find(String rmaNumber) {
    Optional<ReturnRecord> read = ReadInTransaction.cached(rmaNumber);
    return read.isPresent() ? read : repository.findByRmaNumber(rmaNumber).map(ReadInTransaction::keep);
  }

  /** Locks the return for the rest of the transaction, so concurrent changes to it queue up; see {@link #cancel}. */
  @Transactional
  public ReturnRecord lock(String rmaNumber) {
    return repository.findLockedByRmaNumber(rmaNumber).map(ReadInTransaction::keep)
        .orElseThrow(() -> notFound(rmaNumber));
  }

  @Transactional(readOnly = true)
  public List<TimelineEntry> timeline(ReturnRecord record) {
    return timeline.of(record);
  }

  /** The label's PDF, read from its own table; null before a label was bought or after the customer was erased. */
  @Transactional(readOnly = true)
  public byte[] labelPdf(ReturnRecord record) {
    LabelPdf pdf = aggregates.findById(record.id(), LabelPdf.class);
    return pdf == null ? null : pdf.pdf();
  }

  /** The return whose label has this tracking number (the newest, should a carrier reuse one). */
  @Transactional(readOnly = true)
  public Optional<String> rmaNumberByTracking(String trackingNumber) {
    return repository.rmaNumberByTracking(trackingNumber);
  }

  /** The return whose refund at the payment provider has this id ({@code re_...}). */
  @Transactional(readOnly = true)
  public Optional<String> rmaNumberByRefundId(String refundId) {
    return repository.rmaNumberByRefundId(refundId);
  }

  /** The return mirrored by this return record of its order source (e.g. {@code gid://shopify/Return/1}). */
  @Transactional(readOnly = true)
  public Optional<String> rmaNumberBySourceReturn(String sourceReturnId) {
    return repository.rmaNumberBySourceReturn(sourceReturnId);
  }

  /** The returns of an order from an order source ({@code shopify}, by the source's order id), oldest first. */
  @Transactional(readOnly = true)
  public List<String> rmaNumbersBySourceOrder(String source, String orderId) {
    return repository.rmaNumbersBySourceOrder(source, orderId);
  }

  /** The order source's own returns of an order that OpenRMA's returns mirror (each counted once, as OpenRMA's). */
  @Transactional(readOnly = true)
  public List<String> sourceReturnIds(String source, String orderId) {
    return repository.sourceReturnIds(source, orderId);
  }

  /** The returns of the order paid with this PaymentIntent, oldest first. */
  @Transactional(readOnly = true)
  public List<String> rmaNumbersByPaymentIntent(String paymentIntentId) {
    return repository.rmaNumbersByPaymentIntent(paymentIntentId);
  }

  /**
   * Units of this SKU in the order's returns that are still open or were refunded (not rejected,
   * cancelled or expired): what the order can no longer return a second time.
   */
  @Transactional(readOnly = true)
  public int unitsInReturns(String orderId, String sku) {
    return repository.unitsInReturns(orderId, sku, ReturnStatus.names(ReturnStatus.VOID));
  }

  /** What the other returns paid with the same PaymentIntent have refunded already. */
  @Transactional(readOnly = true)
  public long refundedByOtherReturns(ReturnRecord record) {
    return record.order().paymentIntentId() == null
        ? 0
        : repository.refundedForPaymentIntent(record.order().paymentIntentId(), record.id());
  }

  // ------------------------------------------------------------------ changes asked for from outside

  /**
   * Cancels a return the warehouse does not have yet. The row lock orders the cancellation with
   * an arrival scan for the same return: whichever comes second sees the other's status.
   */
  @Transactional
  public ReturnRecord cancel(String rmaNumber, String reason, Actor actor) {
    ReturnStatus status = lock(rmaNumber).status();
    if (!status.isCancellable()) {
      throw new Conflict(rmaNumber + " is " + status + ": only returns that have not reached the warehouse "
          + "(" + ReturnStatus.describe(ReturnStatus.CANCELLABLE) + ") can be cancelled.");
    }
    change(rmaNumber, actor, "CANCEL_REQUESTED", reason, r -> r.cancelReason(Timeline.truncate(reason, 500)));
    workflow.cancel(rmaNumber);
    return get(rmaNumber);
  }

  /**
   * Every status link sent for this return stops working (one was forwarded, or the customer asks); the portal
   * issues new ones from now on, and the next email carries a new one.
   */
  @Transactional
  public void revokeStatusLinks(String rmaNumber, Actor actor) {
    change(rmaNumber, actor, "STATUS_LINKS_REVOKED", "Every status link sent so far was revoked",
        ReturnRecord::revokeStatusLinks);
  }

  /** A timeline entry that changes nothing else. */
  @Transactional
  public void note(String rmaNumber, Actor actor, String event, String detail) {
    long id = ReadInTransaction.cached(rmaNumber).map(ReturnRecord::id)
        .or(() -> repository.idByRmaNumber(rmaNumber)).orElseThrow(() -> notFound(rmaNumber));
    timeline.append(id, clock.instant(), actor, event, null, detail);
  }

  // ------------------------------------------------------------------ changes made by the lifecycle

  /** Sets the status the process reached; called by the {@code rma-status} listener in the step's transaction. */
  @Transactional
  public void applyStatus(String rmaNumber, ReturnStatus status, Actor actor) {
    ReturnRecord current = get(rmaNumber);
    if (current.status() == status) {
      return;
    }
    ReturnStatus[] from = new ReturnStatus[1];
    ReturnRecord record = update(current, rmaNumber, r -> {
      from[0] = r.status();
      r.status(status);
    });
    timeline.append(record, record.updatedAt(), actor, "STATUS_CHANGED", status, from[0] + " -> " + status);
    events.publishEvent(new ReturnStatusChanged(record.id(), rmaNumber, from[0], status, actor, record.updatedAt()));
  }

  @Transactional
  public void recordPolicy(String rmaNumber, PolicyOutcome policy, Actor actor) {
    ReturnRecord record = update(rmaNumber, r -> r.policy(new PolicyOutcome(policy.decision(),
        policy.restockingFeePercent(), policy.keepItem(), policy.refundShipping(),
        Timeline.truncate(policy.note(), 500))));
    timeline.append(record, record.updatedAt(), actor, "POLICY_DECIDED", null, policy.decision()
        + (policy.restockingFeePercent() > 0 ? ", restocking fee " + policy.restockingFeePercent() + "%" : "")
        + (record.keepItem() ? ", customer keeps the item" : "")
        + (policy.note() == null || policy.note().isBlank() ? "" : ": " + policy.note())
        + policyDecision(record).map(d -> " (decided by " + d.describe() + ")").orElse(""));
  }

  /**
   * Why the policy decided: kept with the return (a decision recorded again, e.g. after a process restart,
   * replaces the earlier one); {@link #recordPolicy} then says it on the timeline with the decision.
   */
  @Transactional
  public void recordPolicyDecision(String rmaNumber, PolicyDecision decision) {
    ReturnRecord record = get(rmaNumber);
    PolicyDecision kept = new PolicyDecision(record.id(), decision.decisionKey(), decision.decisionVersion(),
        decision.decisionDefinitionId(), decision.deploymentId(), decision.ruleId(), decision.ruleRow(),
        Timeline.truncate(decision.ruleAnnotation(), 500), decision.inputs(), decision.outputs(), decision.decidedAt());
    if (aggregates.existsById(record.id(), PolicyDecision.class)) {
      aggregates.deleteById(record.id(), PolicyDecision.class);
    }
    aggregates.insert(kept);
  }

  /** Why the policy decided, once it has. */
  @Transactional(readOnly = true)
  public Optional<PolicyDecision> policyDecision(ReturnRecord record) {
    return Optional.ofNullable(aggregates.findById(record.id(), PolicyDecision.class));
  }

  /** The label the moment it was bought (the step records it with its effect, so a retry never buys another). */
  @Transactional
  public void recordLabel(String rmaNumber, Label label, byte[] pdf, Actor actor) {
    ReturnRecord record = change(rmaNumber, actor, "LABEL_ISSUED",
        label.carrier() + " " + label.trackingNumber() + " (label " + label.labelId() + ")", r -> r.label(label));
    aggregates.insert(new LabelPdf(record.id(), pdf));
  }

  @Transactional
  public void updateAddress(String rmaNumber, Address address, Actor actor) {
    change(rmaNumber, actor, "ADDRESS_CORRECTED", "Return address corrected", r -> r.address(address));
  }

  /** The warehouse's findings for one line. */
  public record LineInspection(int lineNo, int quantityReceived, ItemCondition condition, Disposition disposition,
      String notes) {
  }

  @Transactional
  public void recordInspection(String rmaNumber, List<LineInspection> inspections, Actor actor) {
    Instant now = clock.instant();
    ReturnRecord record = update(rmaNumber, r -> inspections.forEach(inspection -> r.inspect(inspection.lineNo(),
        new ReturnLine.Inspection(inspection.quantityReceived(), inspection.condition(), inspection.disposition(),
            Timeline.truncate(inspection.notes(), 1000), actor.name(), now))));
    List<String> summary = new ArrayList<>();
    for (LineInspection inspection : inspections) {
      summary.add(record.line(inspection.lineNo()).sku() + ": " + inspection.quantityReceived() + "x "
          + inspection.condition() + " -> " + inspection.disposition());
    }
    timeline.append(record, now, actor, "INSPECTED", null, String.join("; ", summary));
  }

  @Transactional
  public void recordRefundCalculation(String rmaNumber, long items, long tax, long fee, long shipping, long total,
      boolean capped, long storeCreditBonus, String explanation, Actor actor) {
    change(rmaNumber, actor, "REFUND_CALCULATED", explanation,
        r -> r.refund(f -> f.withBreakdown(items, tax, fee, shipping, total, capped, storeCreditBonus)));
  }

  /** What the payment provider answered to the refund call, recorded with the step's effect the moment it answered. */
  @Transactional
  public void recordRefundResult(String rmaNumber, String refundId, String status, String failure, Actor actor) {
    ReturnRecord record = get(rmaNumber);
    Refund current = record.refund();
    if (refundId != null && current != null && refundId.equals(current.refundId()) && Refund.isFinal(current.status())
        && !Refund.isFinal(status)) {
      // the provider's webhook settled this refund before the call that created it could record its answer
      timeline.append(record, clock.instant(), actor, "REFUND_" + status, null, "Refund " + refundId + " " + status
          + " at creation; already " + current.status() + " by Stripe's webhook");
      return;
    }
    settle(rmaNumber, refundId, status, failure, actor, (refundId == null ? "" : refundId + " "));
  }

  /**
   * A refund's outcome that arrived later (Stripe webhook) or was made outside OpenRMA (finance),
   * in the caller's transaction.
   */
  @Transactional
  public void settleRefund(String rmaNumber, String refundId, String status, String failure, Actor actor) {
    settle(rmaNumber, refundId, status, failure, actor, refundId + " ");
  }

  private void settle(String rmaNumber, String refundId, String status, String failure, Actor actor, String ref) {
    change(rmaNumber, actor, "FAILED".equals(status) ? "REFUND_FAILED" : "REFUND_" + status,
        "Refund " + ref + status + (failure == null ? "" : ": " + failure),
        r -> r.refund(f -> f.withResult(refundId, status, Timeline.truncate(failure, 500))));
  }

  @Transactional
  public void startNewRefundAttempt(String rmaNumber, Actor actor) {
    change(rmaNumber, actor, "REFUND_RETRY", "Refund to be tried again", ReturnRecord::newRefundAttempt);
  }

  @Transactional
  public void recordStoreCredit(String rmaNumber, String creditId, Actor actor) {
    change(rmaNumber, actor, "STORE_CREDIT_ISSUED", "Store credit " + creditId,
        r -> r.refund(f -> f.withStoreCredit(creditId)));
  }

  @Transactional
  public void markRefunded(String rmaNumber, Actor actor, String detail) {
    Instant now = clock.instant();
    change(rmaNumber, actor, "REFUNDED", detail, r -> r.refund(f -> f.withRefundedAt(now)));
  }

  /** The order source's own return record mirroring this return was opened (or found). */
  @Transactional
  public void recordSourceReturn(String rmaNumber, String sourceReturnId, Actor actor, String detail) {
    change(rmaNumber, actor, "SOURCE_RETURN_OPENED", detail, r -> r.sourceReturn(sourceReturnId));
  }

  @Transactional
  public void markSubscriptionCancelled(String rmaNumber, Actor actor, String detail) {
    change(rmaNumber, actor, "SUBSCRIPTION_CANCELLED", detail, ReturnRecord::markSubscriptionCancelled);
  }

  // ------------------------------------------------------------------ helpers

  /** Applies {@code change} to the return, saves it and appends one timeline entry. */
  private ReturnRecord change(String rmaNumber, Actor actor, String event, String detail,
      Consumer<ReturnRecord> change) {
    ReturnRecord record = update(rmaNumber, change);
    timeline.append(record, record.updatedAt(), actor, event, null, detail);
    return record;
  }

  /**
   * Applies {@code change} to the return as it is now and saves it. Should another transaction have saved
   * the return in between (its version moved on), the change is applied again to the newer copy: the
   * caller's change never overwrites another, and the other never makes the caller fail.
   */
  private ReturnRecord update(String rmaNumber, Consumer<ReturnRecord> change) {
    return update(null, rmaNumber, change);
  }

  /** {@link #update(String, Consumer)} starting from {@code current}, a copy just read in this transaction. */
  private ReturnRecord update(ReturnRecord current, String rmaNumber, Consumer<ReturnRecord> change) {
    for (int attempt = 1;; attempt++) {
      if (attempt > 1) {
        ReadInTransaction.forget(rmaNumber); // another transaction saved it in between: read it as it is now
      }
      ReturnRecord record = attempt == 1 && current != null ? current : get(rmaNumber);
      change.accept(record);
      record.touched(clock.instant());
      try {
        return ReadInTransaction.keep(aggregates.save(record));
      } catch (OptimisticLockingFailureException | DbActionExecutionException e) {
        RuntimeException conflict = e instanceof OptimisticLockingFailureException
            ? e
            : e.getCause() instanceof OptimisticLockingFailureException cause ? cause : null;
        if (conflict == null) {
          throw e;
        }
        if (attempt == 3) {
          throw conflict; // answered as a 409 problem: send the request again
        }
      }
    }
  }

  private static NotFound notFound(String rmaNumber) {
    return new NotFound("There is no return " + rmaNumber + ".");
  }
}
