package io.openrma.portal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.openrma.orders.Eligibility;
import io.openrma.orders.Order;
import io.openrma.orders.OrderLookup;
import io.openrma.returns.Actor;
import io.openrma.returns.OrderReturnRequest;
import io.openrma.returns.Resolution;
import io.openrma.returns.ReturnCreation;
import io.openrma.returns.ReturnRecord;
import io.openrma.returns.ReturnService;
import io.openrma.returns.ReturnStatus;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;

/**
 * What the portal's pages do, behind thin controllers: the order and its lines from the orders module, the
 * estimate, the return created through {@link ReturnCreation} as the API creates it (created by
 * {@code portal}, the customer as actor, with the store credit bonus promised on the review and the variants
 * chosen for an exchange), read and cancelled through {@link ReturnService}.
 */
@Service
class PortalReturns {

  static final String CHANNEL = "portal";

  private final OrderLookup orders;
  private final ReturnCreation creation;
  private final ReturnService returns;
  private final RefundEstimator estimator;
  private final StatusLinks links;
  private final Clock clock;
  private final int storeCreditBonusPercent;

  PortalReturns(OrderLookup orders, ReturnCreation creation, ReturnService returns, EnginePolicyTable policy,
      StatusLinks links, Clock clock, PortalProperties properties) {
    this.orders = orders;
    this.creation = creation;
    this.returns = returns;
    this.estimator = new RefundEstimator(policy);
    this.links = links;
    this.clock = clock;
    this.storeCreditBonusPercent = properties.storeCreditBonusPercent();
  }

  /** An earlier return of the order, with the link to its status page. */
  record EarlierReturn(String rmaNumber, ReturnStatus status, String token) {
  }

  Optional<Order> find(String orderNumber, String emailOrPostalCode) {
    return orders.find(orderNumber, emailOrPostalCode);
  }

  /** The wizard's order, read again from its source. */
  Optional<Order> order(Wizard wizard) {
    return orders.find(wizard.orderNumber, wizard.email);
  }

  List<Eligibility.LineVerdict> lines(Order order) {
    return orders.lines(order);
  }

  boolean refundsPayment(Order order) {
    return orders.refundsPayment(order);
  }

  boolean givesStoreCredit(Order order) {
    return orders.givesStoreCredit(order);
  }

  /**
   * The chosen lines whose product the order's source can exchange for another variant, by their position in the
   * order, with the variants offered; empty when the source makes no exchanges (customer service arranges them).
   */
  Map<Integer, List<Order.Variant>> exchangeVariants(Order order, Wizard wizard) {
    Map<Integer, List<Order.Variant>> offered = new LinkedHashMap<>();
    wizard.choices.forEach((index, choice) -> {
      List<Order.Variant> variants = orders.exchangeVariants(order, choice.lineItemId());
      if (!variants.isEmpty()) {
        offered.put(index, variants);
      }
    });
    return offered;
  }

  /** An exchange that still needs a variant chosen from those offered (a line changed, or none was chosen). */
  boolean needsVariants(Order order, Wizard wizard) {
    return wizard.resolution == Resolution.EXCHANGE
        && exchangeVariants(order, wizard).entrySet().stream().anyMatch(e -> e.getValue().stream()
            .noneMatch(v -> v.id().equals(wizard.exchangeVariants.get(e.getKey()))));
  }

  /** An item and the variant the customer gets for it, as the review shows them. */
  record ChosenVariant(String item, String variant) {
  }

  /** The variants chosen for an exchange, by item; empty for other resolutions. */
  List<ChosenVariant> chosenVariants(Order order, Wizard wizard) {
    List<ChosenVariant> chosen = new ArrayList<>();
    if (wizard.resolution == Resolution.EXCHANGE) {
      exchangeVariants(order, wizard).forEach((index, offered) -> offered.stream()
          .filter(v -> v.id().equals(wizard.exchangeVariants.get(index))).findFirst()
          .ifPresent(v -> chosen.add(new ChosenVariant(order.line(wizard.choices.get(index).lineItemId())
              .map(Order.Line::title).orElse(""), v.title()))));
    }
    return chosen;
  }

  /** The bonus store credit gets now ({@code openrma.portal.store-credit-bonus-percent}). */
  int storeCreditBonusPercent() {
    return storeCreditBonusPercent;
  }

  List<EarlierReturn> earlierReturns(Order order) {
    List<EarlierReturn> earlier = new ArrayList<>();
    for (String rma : returns.rmaNumbersBySourceOrder(order.source(), order.orderId())) {
      returns.find(rma).ifPresent(r -> earlier.add(new EarlierReturn(rma, r.status(), links.issue(rma))));
    }
    return earlier;
  }

  RefundEstimator.Estimate estimate(Order order, Wizard wizard) {
    ReturnCreation.Preview preview = creation.preview(request(order, wizard), CHANNEL, storeCreditBonusPercent);
    return estimator.estimate(preview.record(), preview.priorReturns(), LocalDate.now(clock));
  }

  /**
   * Creates the return once per review: the review's nonce is the idempotency key. The photos staged go with it
   * only while a chosen reason still asks for them.
   */
  ReturnRecord submit(Order order, Wizard wizard) {
    OrderReturnRequest request = request(order, wizard);
    String key = "portal:" + wizard.nonce;
    try {
      return creation.createForCustomer(request, key, CHANNEL, LocaleContextHolder.getLocale(),
          wizard.wantsPhotos() ? wizard.uploadId : null, storeCreditBonusPercent).record();
    } catch (DuplicateKeyException sameMomentSameReview) {
      return creation.replay(key, request).orElseThrow().record();
    }
  }

  /** When the return took its current status (its timeline says), for when the next step is due. */
  java.time.Instant since(ReturnRecord record) {
    return returns.timeline(record).stream().filter(t -> t.status() == record.status())
        .map(io.openrma.returns.TimelineEntry::occurredAt).reduce((first, later) -> later)
        .orElse(record.updatedAt());
  }

  Optional<ReturnRecord> find(String rmaNumber) {
    return returns.find(rmaNumber);
  }

  byte[] labelPdf(ReturnRecord record) {
    return returns.labelPdf(record);
  }

  void cancel(String rmaNumber) {
    returns.cancel(rmaNumber, "Cancelled by the customer in the returns portal", Actor.customer(CHANNEL));
  }

  String link(String rmaNumber) {
    return links.issue(rmaNumber);
  }

  /** The order reference the API would send: OpenRMA takes prices, customer and payment from the order. */
  static OrderReturnRequest request(Order order, Wizard wizard) {
    String comment = wizard.comment == null || wizard.comment.isBlank() ? null : wizard.comment.trim();
    boolean exchange = wizard.resolution == Resolution.EXCHANGE;
    List<OrderReturnRequest.Line> lines = wizard.choices.entrySet().stream()
        .map(e -> new OrderReturnRequest.Line(e.getValue().lineItemId(), e.getValue().quantity(),
            e.getValue().reason(), comment, e.getValue().condition(),
            exchange ? wizard.exchangeVariants.get(e.getKey()) : null))
        .toList();
    return new OrderReturnRequest(new OrderReturnRequest.Order(order.source(), order.orderNumber()),
        wizard.email, null, wizard.resolution, null, lines);
  }

}
