package io.openrma.returns;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Embedded;
import org.springframework.data.relational.core.mapping.MappedCollection;
import org.springframework.data.relational.core.mapping.Table;

/**
 * A return: the aggregate root of OpenRMA's returns record, saved whole by Spring Data JDBC with its
 * lines. Every change goes through a method here and {@link ReturnService}, which loads the return
 * locked, changes it, saves it and writes the timeline in the caller's transaction. {@code version}
 * is checked on every save, so a change made from a stale copy fails instead of overwriting another.
 *
 * <p>The label PDF is not part of the aggregate ({@link LabelPdf}): it is read only when someone
 * downloads or sends it.
 *
 * <p>Its length is one accessor per field (the record-style names the rest of the code reads) and one
 * small change method per thing that can happen to a return; there is no logic to split off.
 */
@Table("rma_return")
public class ReturnRecord {

  @Id
  private Long id;
  private String rmaNumber;
  private ReturnStatus status;
  private Resolution resolution;
  private boolean keepItem;
  private Integer storeCreditBonusPercent;
  @Embedded.Empty
  private OrderReference order;
  @Embedded.Nullable(prefix = "source_")
  private SourceOrder source;
  @Embedded.Empty
  private Customer customer;
  private String ticketId;
  private String photosUrl;
  @Embedded.Nullable
  private PolicyOutcome policy;
  @Embedded.Nullable
  private Label label;
  @Embedded.Nullable
  private Refund refund;
  private int refundAttempt;
  private boolean subscriptionCancelled;
  private String cancelReason;
  private String processInstanceId;
  private String idempotencyKey;
  private String requestHash;
  private String createdBy;
  private String channel;
  private String locale;
  private int statusLinkGeneration;
  private Instant createdAt;
  private Instant updatedAt;
  @Version
  private Integer version;
  @MappedCollection(idColumn = "return_id", keyColumn = "line_index")
  private List<ReturnLine> lines = new ArrayList<>();

  @PersistenceCreator
  ReturnRecord() {
  }

  /** A return as it is requested, before it is saved; lines are numbered from 1 in the given order. */
  public static ReturnRecord requested(String rmaNumber, Resolution resolution, OrderReference order,
      Customer customer, String ticketId, String photosUrl, List<ReturnLine> lines, String createdBy, Instant now) {
    ReturnRecord r = new ReturnRecord();
    r.rmaNumber = rmaNumber;
    r.status = ReturnStatus.REQUESTED;
    r.resolution = resolution;
    r.keepItem = resolution == Resolution.KEEP_ITEM;
    r.order = order;
    r.customer = customer;
    r.ticketId = ticketId;
    r.photosUrl = photosUrl;
    r.refundAttempt = 1;
    r.createdBy = createdBy;
    r.channel = "api";
    r.createdAt = now;
    r.updatedAt = now;
    r.lines = new ArrayList<>(lines);
    return r;
  }

  // ------------------------------------------------------------------------------------------- reading

  public long id() {
    return id == null ? 0 : id;
  }

  public String rmaNumber() {
    return rmaNumber;
  }

  public ReturnStatus status() {
    return status;
  }

  public Resolution resolution() {
    return resolution;
  }

  /** The customer keeps the item: asked for by the customer, or decided by the policy. */
  public boolean keepItem() {
    return keepItem;
  }

  /**
   * The bonus promised on store credit when the return was created (the portal's
   * {@code openrma.portal.store-credit-bonus-percent} then), in percent of the refund; 0 for none.
   */
  public int storeCreditBonusPercent() {
    return storeCreditBonusPercent == null ? 0 : storeCreditBonusPercent;
  }

  public OrderReference order() {
    return order;
  }

  /** Where the order came from, or {@code null} for a return typed in by hand. */
  public SourceOrder source() {
    return source;
  }

  /** The order source's name, {@code manual} for a return typed in by hand. */
  public String orderSource() {
    return source == null ? "manual" : source.name();
  }

  public boolean fromShopify() {
    return source != null && source.isShopify();
  }

  public Customer customer() {
    return customer;
  }

  public String ticketId() {
    return ticketId;
  }

  public String photosUrl() {
    return photosUrl;
  }

  public PolicyOutcome policy() {
    return policy;
  }

  public Label label() {
    return label;
  }

  /** The calculated refund and what the payment provider made of it; null before the calculation. */
  public Refund refund() {
    return refund;
  }

  /** Which refund attempt is current (1, then one more each time finance has it tried again). */
  public int refundAttempt() {
    return refundAttempt;
  }

  public boolean subscriptionCancelled() {
    return subscriptionCancelled;
  }

  public String cancelReason() {
    return cancelReason;
  }

  public String processInstanceId() {
    return processInstanceId;
  }

  String idempotencyKey() {
    return idempotencyKey;
  }

  String requestHash() {
    return requestHash;
  }

  public String createdBy() {
    return createdBy;
  }

  /** The customer's language, which the emails about the return follow; English unless the customer chose. */
  public java.util.Locale locale() {
    return locale == null || locale.isBlank() ? java.util.Locale.ENGLISH : java.util.Locale.forLanguageTag(locale);
  }

  /** Which generation of status links is valid; revoking the links counts it up. */
  public int statusLinkGeneration() {
    return statusLinkGeneration;
  }

  /** How it was asked for: {@code api}, {@code portal} (the customer) or an order source's name ({@code shopify}). */
  public String channel() {
    return channel;
  }

  public Instant createdAt() {
    return createdAt;
  }

  public Instant updatedAt() {
    return updatedAt;
  }

  public int version() {
    return version == null ? 0 : version;
  }

  public List<ReturnLine> lines() {
    return List.copyOf(lines);
  }

  public boolean hasTicket() {
    return ticketId != null && !ticketId.isBlank();
  }

  public boolean hasSubscription() {
    return order.subscriptionId() != null && !order.subscriptionId().isBlank();
  }

  public String currency() {
    return order.currency();
  }

  public ReturnLine line(int lineNo) {
    return lines.stream().filter(line -> line.lineNo() == lineNo).findFirst()
        .orElseThrow(() -> new IllegalArgumentException(rmaNumber + " has no line " + lineNo));
  }

  // ------------------------------------------------------------------------------------------- changes

  /** OpenRMA's own link to the photos the customer uploaded (relative, so not validated as an API caller's URL). */
  void photosUrl(String photosUrl) {
    this.photosUrl = photosUrl;
  }

  /** Only store credit carries a bonus; 0 is kept as none. */
  void storeCreditBonusPercent(int percent) {
    if (percent < 0 || percent > 100) {
      throw new IllegalArgumentException("a store credit bonus is 0 to 100 percent: " + percent);
    }
    this.storeCreditBonusPercent = resolution == Resolution.STORE_CREDIT && percent > 0 ? percent : null;
  }

  void revokeStatusLinks() {
    this.statusLinkGeneration++;
  }

  void channel(String channel) {
    this.channel = channel;
  }

  void locale(java.util.Locale locale) {
    this.locale = locale == null ? null : locale.toLanguageTag();
  }

  void idempotency(String key, String hash) {
    this.idempotencyKey = key;
    this.requestHash = hash;
  }

  void source(SourceOrder source) {
    this.source = source;
  }

  /** The source's own return record mirroring this one was opened. */
  void sourceReturn(String returnId) {
    this.source = source.withReturnId(returnId);
  }

  void status(ReturnStatus status) {
    this.status = status;
  }

  void processInstance(String processInstanceId) {
    this.processInstanceId = processInstanceId;
  }

  void policy(PolicyOutcome policy) {
    this.policy = policy;
    this.keepItem = policy.keepItem() || resolution == Resolution.KEEP_ITEM;
  }

  void label(Label label) {
    this.label = label;
  }

  void address(Address address) {
    this.customer = new Customer(customer.customerId(), customer.name(), customer.email(), customer.phone(), address);
  }

  void inspect(int lineNo, ReturnLine.Inspection inspection) {
    ReturnLine line = line(lineNo);
    lines.set(lines.indexOf(line), line.inspected(inspection));
  }

  void refund(UnaryOperator<Refund> change) {
    this.refund = change.apply(refund == null ? Refund.NONE : refund);
  }

  /** Finance has the refund tried again: a new attempt with its own idempotency key and no result yet. */
  void newRefundAttempt() {
    this.refundAttempt++;
    refund(r -> r.withResult(null, null, r.failure()));
  }

  void markSubscriptionCancelled() {
    this.subscriptionCancelled = true;
  }

  void cancelReason(String reason) {
    this.cancelReason = reason;
  }

  void touched(Instant at) {
    this.updatedAt = at;
  }
}
