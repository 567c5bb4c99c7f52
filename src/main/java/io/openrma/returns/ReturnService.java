package io.openrma.returns;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.openrma.process.ReturnLifecycle;
import io.openrma.returns.ApiProblems.Conflict;
import io.openrma.returns.ApiProblems.IdempotencyKeyReused;
import io.openrma.returns.ApiProblems.InvalidRequest;
import io.openrma.returns.ApiProblems.NotFound;
import io.openrma.returns.ApiProblems.Violation;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Everything that reads or changes a return. The REST API, the process delegates and the inbound
 * events all come through here, so the record, its timeline and the process stay in step: every
 * change is written in the caller's transaction, which for a process step is the engine's.
 */
@Service
public class ReturnService {

  private final ReturnRepository repository;
  private final ReturnRequestValidator validator;
  private final ReturnLifecycle lifecycle;
  private final Clock clock;
  private final ReturnsProperties properties;
  private final ApplicationEventPublisher events;
  private final ObjectMapper canonicalJson;

  public ReturnService(ReturnRepository repository, ReturnRequestValidator validator, ReturnLifecycle lifecycle,
      Clock clock, ReturnsProperties properties, ApplicationEventPublisher events, ObjectMapper objectMapper) {
    this.repository = repository;
    this.events = events;
    this.properties = properties;
    this.validator = validator;
    this.lifecycle = lifecycle;
    this.clock = clock;
    this.canonicalJson = objectMapper.copy().configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);
  }

  /** A created return, and whether it is the replay of an earlier request with the same idempotency key. */
  public record Created(ReturnRecord record, boolean replayed) {
  }

  /**
   * Creates the return and starts its lifecycle in one transaction. With an idempotency key, a
   * repeated request returns the return the first one created.
   */
  @Transactional
  public Created create(CreateReturnRequest request, String idempotencyKey, String createdBy) {
    String hash = hash(request);
    if (idempotencyKey != null) {
      Optional<Created> replay = replay(idempotencyKey, hash);
      if (replay.isPresent()) {
        return replay.get();
      }
    }
    List<Violation> violations = validator.validate(request);
    if (!violations.isEmpty()) {
      throw new InvalidRequest(violations);
    }
    Instant now = clock.instant();
    ReturnRecord draft = draft(request, repository.nextRmaNumber(), createdBy, now);
    long id = repository.insert(draft, idempotencyKey, hash);
    repository.appendTimeline(id, now, Actor.user(createdBy), "CREATED", ReturnStatus.REQUESTED,
        "Return requested for order " + draft.order().orderId() + ": " + describeLines(draft.lines()));
    events.publishEvent(new ReturnStatusChanged(id, draft.rmaNumber(), null, ReturnStatus.REQUESTED,
        Actor.user(createdBy), now));
    ReturnRecord created = get(draft.rmaNumber());
    String processInstanceId = lifecycle.start(created, countPriorReturns(created));
    repository.updateProcessInstance(id, processInstanceId, clock.instant());
    return new Created(get(draft.rmaNumber()), false);
  }

  /** The return an earlier request with this idempotency key created, if any. */
  @Transactional(readOnly = true)
  public Optional<Created> replay(String idempotencyKey, CreateReturnRequest request) {
    return replay(idempotencyKey, hash(request));
  }

  private Optional<Created> replay(String idempotencyKey, String hash) {
    Optional<String> storedHash = repository.requestHashOf(idempotencyKey);
    if (storedHash.isEmpty()) {
      return Optional.empty();
    }
    if (!storedHash.get().equals(hash)) {
      throw new IdempotencyKeyReused(idempotencyKey);
    }
    return repository.findByIdempotencyKey(idempotencyKey).map(record -> new Created(record, true));
  }

  @Transactional(readOnly = true)
  public ReturnRecord get(String rmaNumber) {
    return repository.findByRmaNumber(rmaNumber)
        .orElseThrow(() -> new NotFound("There is no return " + rmaNumber + "."));
  }

  @Transactional(readOnly = true)
  public Optional<ReturnRecord> find(String rmaNumber) {
    return repository.findByRmaNumber(rmaNumber);
  }

  @Transactional(readOnly = true)
  public Optional<String> rmaNumberByTracking(String trackingNumber) {
    return repository.rmaNumberByTracking(trackingNumber);
  }

  /** The return whose refund at the payment provider has this id ({@code re_...}). */
  @Transactional(readOnly = true)
  public Optional<String> rmaNumberByRefundId(String refundId) {
    return repository.rmaNumberByRefundId(refundId);
  }

  /** The returns of the order paid with this PaymentIntent, oldest first. */
  @Transactional(readOnly = true)
  public List<String> rmaNumbersByPaymentIntent(String paymentIntentId) {
    return repository.rmaNumbersByPaymentIntent(paymentIntentId);
  }

  @Transactional(readOnly = true)
  public List<TimelineEntry> timeline(ReturnRecord record) {
    return repository.timeline(record.id());
  }

  @Transactional(readOnly = true)
  public ReturnRepository.Page<ReturnRecord> search(ReturnRepository.SearchCriteria criteria, int page, int size) {
    return repository.search(criteria, page, size);
  }

  /**
   * Cancels a return the warehouse does not have yet. The row lock orders the cancellation with
   * an arrival scan for the same return: whichever comes second sees the other's status.
   */
  @Transactional
  public ReturnRecord cancel(String rmaNumber, String reason, Actor actor) {
    ReturnRecord record = repository.lockByRmaNumber(rmaNumber)
        .orElseThrow(() -> new NotFound("There is no return " + rmaNumber + "."));
    if (!record.status().isCancellable()) {
      throw new Conflict(rmaNumber + " is " + record.status() + ": only returns that have not reached the warehouse "
          + "(REQUESTED, UNDER_REVIEW, APPROVED, LABEL_ISSUED, IN_TRANSIT) can be cancelled.");
    }
    Instant now = clock.instant();
    repository.updateCancelReason(record.id(), reason, now);
    repository.appendTimeline(record.id(), now, actor, "CANCEL_REQUESTED", null, reason);
    lifecycle.cancel(rmaNumber);
    return get(rmaNumber);
  }

  /** Locks the return for the rest of the transaction; see {@link #cancel}. */
  @Transactional
  public ReturnRecord lock(String rmaNumber) {
    return repository.lockByRmaNumber(rmaNumber)
        .orElseThrow(() -> new NotFound("There is no return " + rmaNumber + "."));
  }

  // ------------------------------------------------------------------ changes made by the lifecycle

  /** Sets the status the process reached; called by the {@code rma-status} listener in the step's transaction. */
  @Transactional
  public void applyStatus(String rmaNumber, ReturnStatus status, Actor actor) {
    ReturnRecord record = get(rmaNumber);
    if (record.status() == status) {
      return;
    }
    Instant now = clock.instant();
    repository.updateStatus(record.id(), status, now);
    repository.appendTimeline(record.id(), now, actor, "STATUS_CHANGED", status,
        record.status() + " -> " + status);
    events.publishEvent(new ReturnStatusChanged(record.id(), rmaNumber, record.status(), status, actor, now));
  }

  @Transactional
  public void note(String rmaNumber, Actor actor, String event, String detail) {
    repository.appendTimeline(get(rmaNumber).id(), clock.instant(), actor, event, null, detail);
  }

  @Transactional
  public void recordPolicy(String rmaNumber, PolicyOutcome policy, Actor actor) {
    ReturnRecord record = get(rmaNumber);
    boolean keepItem = policy.keepItem() || record.resolution() == Resolution.KEEP_ITEM;
    Instant now = clock.instant();
    repository.updatePolicy(record.id(), policy, keepItem, now);
    repository.appendTimeline(record.id(), now, actor, "POLICY_DECIDED", null, policy.decision()
        + (policy.restockingFeePercent() > 0 ? ", restocking fee " + policy.restockingFeePercent() + "%" : "")
        + (keepItem ? ", customer keeps the item" : "")
        + (policy.note() == null || policy.note().isBlank() ? "" : ": " + policy.note()));
  }

  @Transactional(propagation = Propagation.REQUIRES_NEW)
  public void recordLabel(String rmaNumber, Label label, byte[] pdf, Actor actor) {
    ReturnRecord record = get(rmaNumber);
    Instant now = clock.instant();
    repository.updateLabel(record.id(), label, pdf, now);
    repository.appendTimeline(record.id(), now, actor, "LABEL_ISSUED", null,
        label.carrier() + " " + label.trackingNumber() + " (label " + label.labelId() + ")");
  }

  @Transactional(readOnly = true)
  public byte[] labelPdf(ReturnRecord record) {
    return repository.labelPdf(record.id());
  }

  @Transactional
  public void updateAddress(String rmaNumber, Address address, Actor actor) {
    ReturnRecord record = get(rmaNumber);
    Instant now = clock.instant();
    repository.updateAddress(record.id(), address, now);
    repository.appendTimeline(record.id(), now, actor, "ADDRESS_CORRECTED", null, "Return address corrected");
  }

  @Transactional
  public void recordInspection(String rmaNumber, List<LineInspection> inspections, Actor actor) {
    ReturnRecord record = get(rmaNumber);
    Instant now = clock.instant();
    List<String> summary = new ArrayList<>();
    for (LineInspection inspection : inspections) {
      ReturnLine line = record.line(inspection.lineNo());
      repository.updateInspection(record.id(), line.lineNo(), new ReturnLine.Inspection(inspection.quantityReceived(),
          inspection.condition(), inspection.disposition(), inspection.notes(), actor.name(), now));
      summary.add(line.sku() + ": " + inspection.quantityReceived() + "x " + inspection.condition() + " -> "
          + inspection.disposition());
    }
    repository.appendTimeline(record.id(), now, actor, "INSPECTED", null, String.join("; ", summary));
  }

  /** The warehouse's findings for one line. */
  public record LineInspection(int lineNo, int quantityReceived, ItemCondition condition, Disposition disposition,
      String notes) {
  }

  @Transactional
  public void recordRefundCalculation(String rmaNumber, long items, long tax, long fee, long shipping, long total,
      boolean capped, String explanation, Actor actor) {
    ReturnRecord record = get(rmaNumber);
    Instant now = clock.instant();
    repository.updateRefundBreakdown(record.id(), items, tax, fee, shipping, total, capped, now);
    repository.appendTimeline(record.id(), now, actor, "REFUND_CALCULATED", null, explanation);
  }

  /** What Stripe answered to the refund call, recorded the moment it answered (own transaction). */
  @Transactional(propagation = Propagation.REQUIRES_NEW)
  public void recordRefundResult(String rmaNumber, String refundId, String status, String failure, Actor actor) {
    ReturnRecord record = get(rmaNumber);
    Instant now = clock.instant();
    if (refundId != null && record.refund() != null && refundId.equals(record.refund().refundId())
        && isFinal(record.refund().status()) && !isFinal(status)) {
      // Stripe's webhook settled this refund before the call that created it could record its answer
      repository.appendTimeline(record.id(), now, actor, "REFUND_" + status, null,
          "Refund " + refundId + " " + status + " at creation; already " + record.refund().status() + " by Stripe's webhook");
      return;
    }
    repository.updateRefundResult(record.id(), refundId, status, failure, now);
    repository.appendTimeline(record.id(), now, actor, "FAILED".equals(status) ? "REFUND_FAILED" : "REFUND_" + status,
        null, "Refund " + (refundId == null ? "" : refundId + " ") + status + (failure == null ? "" : ": " + failure));
  }

  /**
   * A refund's outcome that arrived later (Stripe webhook) or was made outside OpenRMA (finance),
   * in the caller's transaction.
   */
  @Transactional
  public void settleRefund(String rmaNumber, String refundId, String status, String failure, Actor actor) {
    ReturnRecord record = get(rmaNumber);
    Instant now = clock.instant();
    repository.updateRefundResult(record.id(), refundId, status, failure, now);
    repository.appendTimeline(record.id(), now, actor, "FAILED".equals(status) ? "REFUND_FAILED" : "REFUND_" + status,
        null, "Refund " + refundId + " " + status + (failure == null ? "" : ": " + failure));
  }

  private static boolean isFinal(String refundStatus) {
    return "SUCCEEDED".equals(refundStatus) || "FAILED".equals(refundStatus) || "CANCELED".equals(refundStatus);
  }

  @Transactional
  public void startNewRefundAttempt(String rmaNumber, Actor actor) {
    ReturnRecord record = get(rmaNumber);
    Instant now = clock.instant();
    repository.startNewRefundAttempt(record.id(), now);
    repository.appendTimeline(record.id(), now, actor, "REFUND_RETRY", null, "Refund to be tried again");
  }

  @Transactional(propagation = Propagation.REQUIRES_NEW)
  public void recordStoreCredit(String rmaNumber, String creditId, Actor actor) {
    ReturnRecord record = get(rmaNumber);
    Instant now = clock.instant();
    repository.updateStoreCredit(record.id(), creditId, now);
    repository.appendTimeline(record.id(), now, actor, "STORE_CREDIT_ISSUED", null, "Store credit " + creditId);
  }

  @Transactional
  public void markRefunded(String rmaNumber, Actor actor, String detail) {
    ReturnRecord record = get(rmaNumber);
    Instant now = clock.instant();
    repository.markRefunded(record.id(), now);
    repository.appendTimeline(record.id(), now, actor, "REFUNDED", null, detail);
  }

  @Transactional(propagation = Propagation.REQUIRES_NEW)
  public void markSubscriptionCancelled(String rmaNumber, Actor actor, String detail) {
    ReturnRecord record = get(rmaNumber);
    Instant now = clock.instant();
    repository.markSubscriptionCancelled(record.id(), now);
    repository.appendTimeline(record.id(), now, actor, "SUBSCRIPTION_CANCELLED", null, detail);
  }

  /** What an earlier attempt of a step recorded for this effect key, if it got that far. */
  @Transactional(readOnly = true)
  public Optional<String> findEffect(String effectKey) {
    return repository.findEffect(effectKey);
  }

  /**
   * Records, in a transaction of its own, that an external call with this key succeeded: even if the
   * step fails afterwards and is retried, the call is not repeated.
   */
  @Transactional(propagation = Propagation.REQUIRES_NEW)
  public void recordEffect(String rmaNumber, String effectKey, String kind, String externalRef) {
    repository.recordEffect(effectKey, rmaNumber, kind, externalRef, clock.instant());
  }

  @Transactional(readOnly = true)
  public long refundedByOtherReturns(ReturnRecord record) {
    return record.order().paymentIntentId() == null ? 0
        : repository.refundedForPaymentIntent(record.order().paymentIntentId(), record.id());
  }

  // ------------------------------------------------------------------ helpers

  private int countPriorReturns(ReturnRecord record) {
    return repository.countReturnsOfCustomerSince(record.customer().customerId(), record.customer().email(),
        clock.instant().minus(properties.priorReturnsPeriod())) - 1;
  }

  private static ReturnRecord draft(CreateReturnRequest request, String rmaNumber, String createdBy, Instant now) {
    CreateReturnRequest.Order o = request.order();
    OrderReference order = new OrderReference(o.orderId(), o.orderDate(), o.deliveryDate(), o.currency(),
        o.amountCaptured(), o.shippingPaid() == null ? 0 : o.shippingPaid(), o.paymentIntentId(), o.subscriptionId(),
        o.stripeCustomerId());
    CreateReturnRequest.CustomerData c = request.customer();
    Customer customer = new Customer(c.customerId(), c.name(), c.email(), c.phone(), c.address().toAddress());
    List<ReturnLine> lines = new ArrayList<>();
    for (int i = 0; i < request.lines().size(); i++) {
      CreateReturnRequest.Line l = request.lines().get(i);
      lines.add(new ReturnLine(i + 1, l.sku(), l.description(), l.category() == null ? ItemCategory.GENERAL : l.category(),
          l.quantityOrdered(), l.quantityReturned(), l.unitPrice(), l.discount() == null ? 0 : l.discount(),
          l.tax() == null ? 0 : l.tax(), l.reason(), l.reasonText(),
          l.condition() == null ? ItemCondition.NEW : l.condition(), null));
    }
    Resolution resolution = request.resolution() == null ? Resolution.REFUND : request.resolution();
    return new ReturnRecord(0, rmaNumber, ReturnStatus.REQUESTED, resolution, resolution == Resolution.KEEP_ITEM,
        order, customer, blankToNull(request.ticketId()), request.photosUrl(), null, null, null, false, null, null,
        createdBy, now, now, 0, lines);
  }

  static String describeLines(List<ReturnLine> lines) {
    List<String> parts = new ArrayList<>();
    for (ReturnLine line : lines) {
      parts.add(line.quantityReturned() + "x " + line.sku() + " (" + line.reason() + ")");
    }
    return String.join(", ", parts);
  }

  private String hash(CreateReturnRequest request) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256")
          .digest(canonicalJson.writeValueAsString(request).getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest);
    } catch (JsonProcessingException | NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String blankToNull(String text) {
    return text == null || text.isBlank() ? null : text;
  }
}
