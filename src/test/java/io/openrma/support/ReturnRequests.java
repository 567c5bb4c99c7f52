package io.openrma.support;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import io.openrma.returns.CreateReturnRequest;
import io.openrma.returns.CreateReturnRequest.AddressData;
import io.openrma.returns.CreateReturnRequest.CustomerData;
import io.openrma.returns.CreateReturnRequest.Line;
import io.openrma.returns.CreateReturnRequest.Order;
import io.openrma.returns.ItemCategory;
import io.openrma.returns.ItemCondition;
import io.openrma.returns.Resolution;
import io.openrma.returns.ReturnReason;

/**
 * Return requests for tests, each with its own order and customer so tests sharing a database do not
 * see each other's returns. Defaults: one apparel line that does not fit, delivered ten days ago,
 * EUR, refund, no ticket, no subscription — the policy approves it automatically.
 */
public final class ReturnRequests {

  private static final AtomicInteger SEQUENCE = new AtomicInteger();

  private String orderId;
  private LocalDate deliveryDate = LocalDate.now().minusDays(10);
  private String currency = "EUR";
  private long amountCaptured = 10_490;
  private long shippingPaid = 490;
  private String paymentIntentId;
  private String subscriptionId;
  private String stripeCustomerId;
  private String customerId;
  private String email;
  private String addressLine1 = "Hauptstr. 1";
  private String name = "Jane Doe";
  private String ticketId;
  private Resolution resolution;
  private final List<Line> lines = new ArrayList<>();

  private ReturnRequests() {
    int n = SEQUENCE.incrementAndGet();
    long unique = System.nanoTime() % 1_000_000_000L;
    orderId = "SO-" + unique + "-" + n;
    paymentIntentId = "pi_test" + unique + "x" + n;
    customerId = "C-" + unique + "-" + n;
    email = "customer" + unique + "x" + n + "@example.com";
  }

  public static ReturnRequests aReturn() {
    return new ReturnRequests();
  }

  public ReturnRequests line(String sku, ItemCategory category, int ordered, int returned, long unitPrice,
      long discount,
      long tax, ReturnReason reason, ItemCondition condition) {
    lines.add(new Line(sku, "Item " + sku, category, ordered, returned, unitPrice, discount, tax, null, reason,
        reason == ReturnReason.OTHER ? "other reason" : null, condition));
    return this;
  }

  public ReturnRequests withTicket(String ticketId) {
    this.ticketId = ticketId;
    return this;
  }

  public ReturnRequests withSubscription(String subscriptionId) {
    this.subscriptionId = subscriptionId;
    return this;
  }

  public ReturnRequests paymentIntent(String paymentIntentId) {
    this.paymentIntentId = paymentIntentId;
    return this;
  }

  public ReturnRequests resolution(Resolution resolution) {
    this.resolution = resolution;
    if (resolution == Resolution.STORE_CREDIT) {
      stripeCustomerId = "cus_test" + customerId.replaceAll("[^A-Za-z0-9]", "");
    }
    return this;
  }

  public ReturnRequests deliveredDaysAgo(int days) {
    this.deliveryDate = LocalDate.now().minusDays(days);
    return this;
  }

  public ReturnRequests addressLine1(String line1) {
    this.addressLine1 = line1;
    return this;
  }

  public ReturnRequests name(String name) {
    this.name = name;
    return this;
  }

  public ReturnRequests captured(long amountCaptured) {
    this.amountCaptured = amountCaptured;
    return this;
  }

  public ReturnRequests shippingPaid(long shippingPaid) {
    this.shippingPaid = shippingPaid;
    return this;
  }

  public ReturnRequests customer(String customerId, String email) {
    this.customerId = customerId;
    this.email = email;
    return this;
  }

  public ReturnRequests order(String orderId) {
    this.orderId = orderId;
    return this;
  }

  public String orderId() {
    return orderId;
  }

  public String email() {
    return email;
  }

  public CreateReturnRequest build() {
    List<Line> items = lines.isEmpty()
        ? List.of(new Line("TSHIRT-M", "T-shirt, size M", ItemCategory.APPAREL, 2, 1, 2_500L, 500L, 855L, null,
            ReturnReason.DOES_NOT_FIT, null, ItemCondition.NEW))
        : List.copyOf(lines);
    return new CreateReturnRequest(
        new Order(orderId, deliveryDate.minusDays(3), deliveryDate, currency, amountCaptured, shippingPaid,
            paymentIntentId, subscriptionId, stripeCustomerId),
        new CustomerData(customerId, name, email, "+49 30 1234567",
            new AddressData(addressLine1, null, "Berlin", null, "10115", "DE")),
        ticketId, resolution, null, items);
  }
}
