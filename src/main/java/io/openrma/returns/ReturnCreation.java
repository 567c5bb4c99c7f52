package io.openrma.returns;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.openrma.system.ApiProblems.IdempotencyKeyReused;
import io.openrma.system.ApiProblems.InvalidRequest;
import io.openrma.system.ApiProblems.Violation;
import io.openrma.system.DatabaseDialect;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.jdbc.core.JdbcAggregateOperations;
import org.springframework.data.relational.core.conversion.DbActionExecutionException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Creating returns: the request is validated, made idempotent by its {@code Idempotency-Key}, saved
 * and its lifecycle started, all in one transaction, so there is never a return without a process.
 * Longer than most classes because it holds every way a return comes into being (the API, an order
 * reference, the portal with its photos and bonus, a Shopify return request, a taken-over return for the
 * benchmark) and they must share that one transaction and one idempotency rule.
 */
@Service
public class ReturnCreation {

  private final ReturnRepository repository;
  private final ReturnRequestValidator validator;
  private final ReturnWorkflow workflow;
  private final OrderReferences orders;
  private final Timeline timeline;
  private final JdbcAggregateOperations aggregates;
  private final JdbcClient jdbc;
  private final DatabaseDialect dialect;
  private final Clock clock;
  private final ReturnsProperties properties;
  private final ApplicationEventPublisher events;
  private final ObjectMapper canonicalJson;
  private final ReturnPhotos photos;

  ReturnCreation(ReturnRepository repository, ReturnRequestValidator validator, ReturnWorkflow workflow,
      OrderReferences orders, Timeline timeline, JdbcAggregateOperations aggregates, JdbcClient jdbc,
      DatabaseDialect dialect, Clock clock,
      ReturnsProperties properties, ApplicationEventPublisher events, ObjectMapper objectMapper, ReturnPhotos photos) {
    this.repository = repository;
    this.validator = validator;
    this.workflow = workflow;
    this.orders = orders;
    this.timeline = timeline;
    this.aggregates = aggregates;
    this.jdbc = jdbc;
    this.dialect = dialect;
    this.clock = clock;
    this.properties = properties;
    this.events = events;
    this.photos = photos;
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
    return create(request, () -> new OrderReferences.Resolved(request, null, null, null), idempotencyKey, createdBy,
        Actor.user(createdBy), null);
  }

  /**
   * Creates the return for an order reference: the order source fills in the order, then it is the
   * same path. The idempotency key is checked first, against the reference as sent, so a repeat is
   * replayed rather than refused for the units its first attempt already returned.
   */
  @Transactional
  public Created create(OrderReturnRequest reference, String idempotencyKey, String createdBy) {
    return create(reference, () -> orders.resolve(reference), idempotencyKey, createdBy, Actor.user(createdBy), null);
  }

  /**
   * The same, asked for by the customer through {@code channel} (the portal): created by {@code channel}, and
   * its timeline entry's actor is the customer.
   */
  @Transactional
  public Created createForCustomer(OrderReturnRequest reference, String idempotencyKey, String channel) {
    return createForCustomer(reference, idempotencyKey, channel, null, null);
  }

  /**
   * The same in the customer's language (the emails about the return follow it), with the photos the customer
   * staged under {@code photoUploadId} ({@link ReturnPhotos}): they are attached in this transaction and the
   * return's {@code photosUrl} is OpenRMA's own list of them, set before the lifecycle starts so the reviewer's
   * first task already links to them.
   */
  @Transactional
  public Created createForCustomer(OrderReturnRequest reference, String idempotencyKey, String channel,
      java.util.Locale locale, String photoUploadId) {
    return createForCustomer(reference, idempotencyKey, channel, locale, photoUploadId, 0);
  }

  /**
   * The same with the bonus the customer was promised on store credit ({@code storeCreditBonusPercent} of the
   * refund, kept on the return so the lifecycle pays it even if the setting changes later; ignored unless the
   * resolution is STORE_CREDIT).
   */
  @Transactional
  public Created createForCustomer(OrderReturnRequest reference, String idempotencyKey, String channel,
      java.util.Locale locale, String photoUploadId, int storeCreditBonusPercent) {
    return create(reference, () -> orders.resolve(reference), idempotencyKey, channel, Actor.customer(channel),
        locale, photoUploadId, storeCreditBonusPercent);
  }

  /** The return a request would create, before it is saved, and the customer's earlier returns the policy counts. */
  public record Preview(ReturnRecord record, int priorReturns) {
  }

  /**
   * What {@link #create(OrderReturnRequest, String, String)} would save, resolved and validated the same way
   * but neither saved nor started: for an estimate before the customer commits.
   */
  @Transactional(readOnly = true)
  public Preview preview(OrderReturnRequest reference, String createdBy) {
    return preview(reference, createdBy, 0);
  }

  /** The same with the store credit bonus the return would be created with. */
  @Transactional(readOnly = true)
  public Preview preview(OrderReturnRequest reference, String createdBy, int storeCreditBonusPercent) {
    OrderReferences.Resolved resolved = orders.resolve(reference);
    List<Violation> violations = validator.validate(resolved.request(), resolved.source());
    if (!violations.isEmpty()) {
      throw new InvalidRequest(violations);
    }
    ReturnRecord record = draft(resolved.request(), resolved.lineItemIds(), resolved.exchangeVariantIds(), "PREVIEW",
        createdBy, clock.instant());
    record.source(resolved.source());
    record.storeCreditBonusPercent(storeCreditBonusPercent);
    return new Preview(record, Math.max(0, countPriorReturns(record) + 1));
  }

  /**
   * A return the customer asked for in the order source itself (Shopify's customer account): the same
   * path, with the source's return record already known, so OpenRMA mirrors that one instead of opening
   * a second. The source's return id is the idempotency key: a webhook delivered twice creates one return.
   */
  @Transactional
  public Created createForSourceReturn(OrderReturnRequest reference, String sourceReturnId, String createdBy) {
    return create(reference, () -> {
      OrderReferences.Resolved resolved = orders.resolve(reference, sourceReturnId);
      SourceOrder source = resolved.source();
      return new OrderReferences.Resolved(resolved.request(), source == null
          ? null
          : source.withReturnId(
              sourceReturnId),
          resolved.lineItemIds(), resolved.exchangeVariantIds());
    }, sourceReturnId, createdBy, Actor.user(createdBy), null);
  }

  private Created create(NewReturn asSent, Supplier<OrderReferences.Resolved> full, String idempotencyKey,
      String createdBy, Actor actor, String photoUploadId) {
    return create(asSent, full, idempotencyKey, createdBy, actor, null, photoUploadId, 0);
  }

  private Created create(NewReturn asSent, Supplier<OrderReferences.Resolved> full, String idempotencyKey,
      String createdBy, Actor actor, java.util.Locale locale, String photoUploadId, int storeCreditBonusPercent) {
    String hash = hash(asSent);
    if (idempotencyKey != null) {
      Optional<Created> replay = replay(idempotencyKey, hash);
      if (replay.isPresent()) {
        return replay.get();
      }
    }
    OrderReferences.Resolved resolved = full.get();
    CreateReturnRequest request = resolved.request();
    List<Violation> violations = validator.validate(request, resolved.source());
    if (!violations.isEmpty()) {
      throw new InvalidRequest(violations);
    }
    ReturnRecord record = draft(request, resolved.lineItemIds(), resolved.exchangeVariantIds(), nextRmaNumber(),
        createdBy, clock.instant());
    record.source(resolved.source());
    record.channel(actor.type() == Actor.Type.CUSTOMER
        ? createdBy
        : resolved.source() != null && resolved.source().returnId() != null ? resolved.source().name() : "api");
    record.locale(locale);
    record.storeCreditBonusPercent(storeCreditBonusPercent);
    record.idempotency(idempotencyKey, hash);
    boolean withPhotos = photoUploadId != null && !photos.staged(photoUploadId).isEmpty();
    if (withPhotos) {
      record.photosUrl("/api/returns/" + record.rmaNumber() + "/photos");
    }
    try {
      record = ReadInTransaction.keep(repository.save(record));
    } catch (DbActionExecutionException e) {
      if (e.getCause() instanceof DuplicateKeyException concurrentSameKey) {
        throw concurrentSameKey; // the same Idempotency-Key at the same moment: the caller replays the winner
      }
      throw e;
    }
    if (withPhotos) {
      photos.attach(photoUploadId, record.id());
    }
    timeline.append(record, record.createdAt(), actor, "CREATED", ReturnStatus.REQUESTED,
        "Return requested for order " + record.order().orderId() + ": " + describeLines(record.lines()));
    events.publishEvent(new ReturnStatusChanged(record.id(), record.rmaNumber(), null, ReturnStatus.REQUESTED, actor,
        record.createdAt()));
    return new Created(started(record, workflow.start(record, countPriorReturns(record))), false);
  }

  /** The return an earlier request with this idempotency key created, if any. */
  @Transactional(readOnly = true)
  public Optional<Created> replay(String idempotencyKey, NewReturn request) {
    return replay(idempotencyKey, hash(request));
  }

  /**
   * Takes over a return in mid-life (from another system, or the benchmark's waiting returns): saved with
   * the policy decision, label and status it already has, its lifecycle started directly before
   * {@code activityId}.
   */
  @Transactional
  public ReturnRecord takeOver(ReturnRecord draft, PolicyOutcome policy, Label label, byte[] labelPdf,
      ReturnStatus status, String activityId) {
    draft.policy(policy);
    draft.label(label);
    draft.status(status);
    ReturnRecord record = ReadInTransaction.keep(repository.save(draft));
    aggregates.insert(new LabelPdf(record.id(), labelPdf));
    timeline.append(record, record.createdAt(), Actor.user(record.createdBy()), "CREATED", ReturnStatus.REQUESTED,
        "Return requested for order " + record.order().orderId() + " (taken over before " + activityId + ")");
    return started(record, workflow.startBefore(record, 0, activityId));
  }

  private ReturnRecord started(ReturnRecord record, String processInstanceId) {
    ReturnRecord current = repository.findById(record.id()).orElseThrow();
    current.processInstance(processInstanceId);
    return ReadInTransaction.keep(repository.save(current));
  }

  private Optional<Created> replay(String idempotencyKey, String hash) {
    return repository.findByIdempotencyKey(idempotencyKey).map(earlier -> {
      if (!hash.equals(earlier.requestHash())) {
        throw new IdempotencyKeyReused(idempotencyKey);
      }
      return new Created(earlier, true);
    });
  }

  /** The next free RMA number, {@code RMA-001234}. */
  public String nextRmaNumber() {
    long next = jdbc.sql(dialect.nextValue("rma_number_seq")).query(Long.class).single();
    return String.format("RMA-%06d", next);
  }

  private int countPriorReturns(ReturnRecord record) {
    return repository.countReturnsOfCustomerSince(record.customer().customerId(), record.customer().email(),
        clock.instant().minus(properties.priorReturnsPeriod()).atOffset(ZoneOffset.UTC)) - 1;
  }

  private static ReturnRecord draft(CreateReturnRequest request, List<String> lineItemIds,
      List<String> exchangeVariantIds, String rmaNumber, String createdBy, Instant now) {
    CreateReturnRequest.Order o = request.order();
    OrderReference order = new OrderReference(o.orderId(), o.orderDate(), o.deliveryDate(), o.currency(),
        o.amountCaptured(), o.shippingPaid() == null ? 0 : o.shippingPaid(), o.paymentIntentId(), o.subscriptionId(),
        o.stripeCustomerId());
    CreateReturnRequest.CustomerData c = request.customer();
    Customer customer = new Customer(c.customerId(), c.name(), c.email(), c.phone(), c.address().toAddress());
    List<ReturnLine> lines = new ArrayList<>();
    for (int i = 0; i < request.lines().size(); i++) {
      CreateReturnRequest.Line l = request.lines().get(i);
      lines.add(
          new ReturnLine(i + 1, l.sku(), l.description(), l.category() == null ? ItemCategory.GENERAL : l.category(),
              l.quantityOrdered(), l.quantityReturned(), l.unitPrice(), l.discount() == null ? 0 : l.discount(),
              l.tax() == null ? 0 : l.tax(), l.reason(), l.reasonText(),
              l.condition() == null ? ItemCondition.NEW : l.condition(), null,
              lineItemIds == null ? null : lineItemIds.get(i), exchangeVariantIds == null
                  ? null
                  : exchangeVariantIds.get(i)));
    }
    Resolution resolution = request.resolution() == null ? Resolution.REFUND : request.resolution();
    return ReturnRecord.requested(rmaNumber, resolution, order, customer, blankToNull(request.ticketId()),
        request.photosUrl(), lines, createdBy, now);
  }

  static String describeLines(List<ReturnLine> lines) {
    List<String> parts = new ArrayList<>();
    for (ReturnLine line : lines) {
      parts.add(line.quantityReturned() + "x " + line.sku() + " (" + line.reason() + ")");
    }
    return String.join(", ", parts);
  }

  private String hash(NewReturn request) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256")
          .digest(canonicalJson.writeValueAsString(request).getBytes(StandardCharsets.UTF_8));
      return java.util.HexFormat.of().formatHex(digest);
    } catch (JsonProcessingException | NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String blankToNull(String text) {
    return text == null || text.isBlank() ? null : text;
  }
}
