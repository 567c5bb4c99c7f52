package io.openrma.orders;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.openrma.returns.CreateReturnRequest;
import io.openrma.returns.OrderReferences;
import io.openrma.returns.OrderReturnRequest;
import io.openrma.returns.Resolution;
import io.openrma.returns.ReturnService;
import io.openrma.returns.SourceOrder;
import io.openrma.system.ApiProblems.InvalidRequest;
import io.openrma.system.ApiProblems.NotFound;
import io.openrma.system.ApiProblems.Violation;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Turns an order reference into the full return request: the order from its source, checked by
 * {@link Eligibility}, its prices, tax, payment and customer copied from the order. The returns record
 * then validates and saves it as any other request.
 */
@Component
class OrderReturns implements OrderReferences {

  /** One answer for an unknown order and a wrong email, so nobody learns which order numbers exist. */
  static final String NO_SUCH_ORDER = "There is no order with this number and email address. Check the order number "
      + "and use the email address the order was placed with.";

  private final Map<String, OrderSource> sources;
  private final ReturnService returns;
  private final Eligibility eligibility;
  private final Clock clock;

  OrderReturns(ObjectProvider<OrderSource> sources, ReturnService returns, OrdersProperties properties, Clock clock) {
    this.sources = sources.orderedStream().collect(Collectors.toMap(OrderSource::name, Function.identity()));
    this.returns = returns;
    this.eligibility = new Eligibility(properties.returnWindow(), properties.finalSaleTag(), clock);
    this.clock = clock;
  }

  @Override
  public Resolved resolve(OrderReturnRequest request) {
    return resolve(request, null);
  }

  @Override
  public Resolved resolve(OrderReturnRequest request, String sourceReturnId) {
    OrderSource source = sources.get(request.order().source());
    if (source == null) {
      throw new InvalidRequest("order.source", "'" + request.order().source() + "' is not an order source here; "
          + (sources.isEmpty() ? "none is configured" : "use one of " + sources.keySet().stream().sorted().toList()));
    }
    Order order = source.find(request.order().orderNumber(), request.customerEmail())
        .orElseThrow(() -> new NotFound(NO_SUCH_ORDER)).withoutSourceReturn(sourceReturnId);
    // the source's returns that mirror OpenRMA's own are counted once, as OpenRMA's
    for (String mirrored : returns.sourceReturnIds(order.source(), order.orderId())) {
      order = order.withoutSourceReturn(mirrored);
    }
    Order checked = order;
    List<Violation> violations = new ArrayList<>(
        eligibility.check(checked, request.lines(), sku -> returns.unitsInReturns(checked.orderId(), sku)));
    Resolution resolution = request.resolution() == null ? Resolution.REFUND : request.resolution();
    SourceOrder from = new SourceOrder(order.source(), order.orderNumber(), order.payment().gateway(),
        order.payment().transactionId(), null);
    if ((resolution == Resolution.REFUND || resolution == Resolution.KEEP_ITEM) && !refundsPayment(order)) {
      violations.add(new Violation("resolution", "order " + order.orderNumber() + " was paid through "
          + order.payment().gateway() + ", which OpenRMA cannot refund: choose EXCHANGE or STORE_CREDIT"));
    }
    violations.addAll(exchangeVariants(request, resolution, from, source, order));
    if (order.customer().shippingAddress() == null) {
      violations.add(new Violation("order", "order " + order.orderNumber() + " has neither a shipping nor a billing "
          + "address, and the return label needs the address the parcel comes from: add one to the order in "
          + order.source() + ", then try again"));
    }
    if (!violations.isEmpty()) {
      throw new InvalidRequest(violations);
    }
    return new Resolved(fullRequest(request, order), from,
        request.lines().stream().map(OrderReturnRequest.Line::lineItemId).toList(),
        request.lines().stream().map(l -> resolution == Resolution.EXCHANGE ? l.exchangeVariantId() : null).toList());
  }

  /**
   * A Shopify order's exchange is made in Shopify, so each line names the variant the customer gets instead.
   * Elsewhere customer service arranges it ("Arrange exchange"): a line may name the variant the customer wants
   * when its source offers variants ({@link OrderSource#exchangeVariants}), and then only one of those; a source
   * without variants refuses the field, since it would be ignored.
   */
  private static List<Violation> exchangeVariants(OrderReturnRequest request, Resolution resolution,
      SourceOrder from, OrderSource source, Order order) {
    List<Violation> violations = new ArrayList<>();
    for (int i = 0; i < request.lines().size(); i++) {
      String variant = request.lines().get(i).exchangeVariantId();
      boolean given = variant != null && !variant.isBlank();
      String field = "lines[" + i + "].exchangeVariantId";
      if (resolution == Resolution.EXCHANGE && from.isShopify() && !given) {
        violations.add(new Violation(field, "an exchange of a Shopify order is made in Shopify: name the variant "
            + "the customer gets instead (gid://shopify/ProductVariant/...)"));
      } else if (given && resolution != Resolution.EXCHANGE) {
        violations.add(new Violation(field, "only an EXCHANGE names a variant to exchange for"));
      } else if (given && !from.isShopify()) {
        String lineItemId = request.lines().get(i).lineItemId();
        List<Order.Variant> offered = order.line(lineItemId).isEmpty()
            ? List.of()
            : source.exchangeVariants(order, lineItemId);
        if (offered.isEmpty()) {
          violations.add(new Violation(field, "this line has no variants to exchange for; customer service "
              + "arranges this exchange: leave it out"));
        } else if (offered.stream().noneMatch(v -> v.id().equals(variant))) {
          violations.add(new Violation(field, "is not a variant this line can be exchanged for: use one of "
              + offered.stream().map(Order.Variant::id).toList()));
        }
      } else if (given && !variant.startsWith("gid://shopify/ProductVariant/")) {
        violations.add(new Violation(field, "must be a Shopify product variant id (gid://shopify/ProductVariant/...)"));
      }
    }
    return violations;
  }

  /** A Stripe customer to credit: the order can be made right with store credit. */
  static boolean givesStoreCredit(Order order) {
    return order.payment().stripeCustomerId() != null && !order.payment().stripeCustomerId().isBlank();
  }

  /** A Stripe PaymentIntent, or a Shopify payment Shopify refunds: money can go back to it. */
  static boolean refundsPayment(Order order) {
    return order.payment().paymentIntentId() != null || new SourceOrder(order.source(), order.orderNumber(),
        order.payment().gateway(), order.payment().transactionId(), null).refundsPayment();
  }

  private CreateReturnRequest fullRequest(OrderReturnRequest request, Order order) {
    var orderData = new CreateReturnRequest.Order(order.orderId(), LocalDate.ofInstant(order.placedAt(),
        clock.getZone()), LocalDate.ofInstant(order.deliveredAt(), clock.getZone()), order.currency(),
        order.payment().amountCaptured(), order.shipping(), order.payment().paymentIntentId(), null,
        order.payment().stripeCustomerId());
    Order.Customer c = order.customer();
    Order.Address a = c.shippingAddress();
    var customer = new CreateReturnRequest.CustomerData(c.customerId(), c.name(), c.email(), c.phone(),
        new CreateReturnRequest.AddressData(a.line1(), a.line2(), a.city(), a.province(), a.postalCode(),
            a.countryCode()));
    List<CreateReturnRequest.Line> lines = new ArrayList<>();
    for (OrderReturnRequest.Line wanted : request.lines()) {
      Order.Line line = order.line(wanted.lineItemId()).orElseThrow();
      lines.add(new CreateReturnRequest.Line(line.sku(), line.title(), line.category(), line.quantity(),
          wanted.quantity(), line.unitPrice(), 0L, line.tax(), null, wanted.reason(), wanted.reasonText(),
          wanted.condition()));
    }
    return new CreateReturnRequest(orderData, customer, request.ticketId(), request.resolution(), request.photosUrl(),
        lines);
  }
}
