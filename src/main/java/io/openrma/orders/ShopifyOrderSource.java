package io.openrma.orders;

import io.openrma.orders.ShopifyOrderAnswers.ByName;
import io.openrma.orders.ShopifyOrderAnswers.ById;
import io.openrma.orders.ShopifyOrderAnswers.LineVariants;
import io.openrma.orders.ShopifyOrderAnswers.MoreLines;
import io.openrma.orders.ShopifyOrderAnswers.Nodes;
import io.openrma.orders.ShopifyOrderAnswers.PageInfo;
import io.openrma.orders.ShopifyOrderAnswers.ShopifyOrder;
import io.openrma.orders.ShopifyOrderAnswers.MailingAddress;
import io.openrma.orders.ShopifyOrderAnswers.LineItem;
import io.openrma.orders.ShopifyOrderAnswers.Fulfillment;
import io.openrma.orders.ShopifyOrderAnswers.FulfillmentLineItem;
import io.openrma.orders.ShopifyOrderAnswers.ShopifyReturn;
import io.openrma.orders.ShopifyOrderAnswers.ReturnLineItem;
import io.openrma.orders.ShopifyOrderAnswers.Transaction;
import io.openrma.orders.ShopifyOrderAnswers.MoneyBag;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import io.openrma.integrations.shopify.ShopifyAdmin;
import io.openrma.integrations.shopify.ShopifySettings;
import io.openrma.policy.Money;
import io.openrma.returns.ItemCategory;
import org.springframework.context.annotation.Conditional;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * Orders of the connected Shopify store (source {@code shopify}), read through the Admin GraphQL API with
 * the documents under {@code src/main/resources/shopify/}. Only while Shopify is live.
 *
 * <p>How Shopify's order becomes an {@link Order}: amounts in presentment money (what the customer paid, in
 * the currency refunds are made in); the unit price is {@code discountedUnitPriceAfterAllDiscountsSet}, the
 * line's tax its
 * {@code taxLines} summed; fulfilled units are the line's units in the order's successful fulfillments,
 * and delivery is the latest of those fulfillments' {@code deliveredAt}, else its {@code createdAt}.
 * Units already returned in Shopify are the order's {@code returns} line items whose return was not
 * cancelled or declined (not {@code returnableFulfillments}: that answer already subtracts them, and the
 * order's own returns say which units are whose). The payment is the successful SALE or CAPTURE
 * transactions. Shopify documents no field that holds a Stripe PaymentIntent: for a Stripe gateway the
 * transaction's {@code paymentId} is taken only when it has a PaymentIntent's shape ({@code pi_...}),
 * else the PaymentIntent stays {@code null}.
 */
@Component
@Conditional(ShopifySettings.Live.class)
public class ShopifyOrderSource implements OrderSource {

  private static final Pattern PAYMENT_INTENT = Pattern.compile("pi_[A-Za-z0-9]+");
  private static final Set<String> VOID_RETURNS = Set.of("CANCELED", "DECLINED");
  private static final String GID = "gid://shopify/Order/";

  private final ShopifyAdmin shopify;
  private final String finalSaleTag;
  private final String byName;
  private final String byId;
  private final String moreLines;
  private final String lineVariants;

  public ShopifyOrderSource(ShopifyAdmin shopify, OrdersProperties properties) {
    this.shopify = shopify;
    this.finalSaleTag = properties.finalSaleTag();
    String lineFields = document("line-fields.graphql");
    String fields = document("order-fields.graphql") + "\n" + lineFields;
    this.byName = document("order-by-name.graphql") + "\n" + fields;
    this.byId = document("order-by-id.graphql") + "\n" + fields;
    this.moreLines = document("order-line-items.graphql") + "\n" + lineFields;
    this.lineVariants = document("line-item-variants.graphql");
  }

  @Override
  public String name() {
    return "shopify";
  }

  @Override
  public Optional<Order> find(String orderNumber, String emailOrPostalCode) {
    if (orderNumber == null || orderNumber.isBlank()) {
      return Optional.empty();
    }
    String number = orderNumber.trim().startsWith("#") ? orderNumber.trim() : "#" + orderNumber.trim();
    // quoted, so a number with spaces or a colon stays one search term
    ByName data = shopify.query("look up order " + number, byName,
        Map.of("query", "name:\"" + number.replace("\"", "") + "\""), ByName.class);
    return Optional.ofNullable(data.orders()).map(Nodes::nodes).flatMap(nodes -> nodes.stream().findFirst())
        .filter(o -> {
          Order firstPage = order(o); // the email is checked before more of the order is read
          return firstPage.hasNumber(number) && firstPage.belongsTo(emailOrPostalCode);
        })
        .map(o -> order(withAllLines(o)));
  }

  @Override
  public Optional<Order> get(String orderId) {
    String id = orderId.startsWith("gid://") ? orderId : GID + orderId;
    ById data = shopify.query("read order " + id, byId, Map.of("id", id), ById.class);
    return Optional.ofNullable(data.order()).map(o -> order(withAllLines(o)));
  }

  /**
   * The other variants of the line's product that are available for sale ({@code line-item-variants.graphql}):
   * Shopify makes the exchange when the return is processed. Only a line of this order is asked about.
   */
  @Override
  public List<Order.Variant> exchangeVariants(Order order, String lineItemId) {
    if (order.line(lineItemId).isEmpty()) {
      return List.of();
    }
    LineVariants data = shopify.query("read the variants of line " + lineItemId + " of order " + order.orderNumber(),
        lineVariants, Map.of("id", lineItemId), LineVariants.class);
    if (data.node() == null || data.node().variant() == null || data.node().variant().product() == null) {
      return List.of(); // a custom item, or its product was deleted
    }
    String own = data.node().variant().id();
    return nodes(data.node().variant().product().variants()).stream()
        .filter(v -> v.availableForSale() && !v.id().equals(own))
        .map(v -> new Order.Variant(v.id(), v.title(), v.sku())).toList();
  }

  /** The order with every line: Shopify answers 100 at a time, the rest page by page. */
  private ShopifyOrder withAllLines(ShopifyOrder o) {
    if (o.lineItems() == null || o.lineItems().pageInfo() == null || !o.lineItems().pageInfo().hasNextPage()) {
      return o;
    }
    List<LineItem> lines = new ArrayList<>(nodes(o.lineItems()));
    PageInfo page = o.lineItems().pageInfo();
    while (page != null && page.hasNextPage()) {
      MoreLines more = shopify.query("read more lines of order " + o.name(), moreLines,
          Map.of("id", o.id(), "after", page.endCursor()), MoreLines.class);
      Nodes<LineItem> next = more.order() == null ? null : more.order().lineItems();
      lines.addAll(nodes(next));
      page = next == null ? null : next.pageInfo();
    }
    return new ShopifyOrder(o.id(), o.name(), o.createdAt(), o.presentmentCurrencyCode(), o.email(), o.phone(),
        o.customer(), o.shippingAddress(), o.billingAddress(), o.shippingLines(), new Nodes<>(lines, null),
        o.fulfillments(), o.returns(), o.transactions());
  }

  Order order(ShopifyOrder o) {
    String currency = o.presentmentCurrencyCode();
    Map<String, Integer> fulfilled = new HashMap<>();
    List<Fulfillment> done = list(o.fulfillments()).stream().filter(f -> "SUCCESS".equals(f.status())).toList();
    for (Fulfillment fulfillment : done) {
      for (FulfillmentLineItem item : nodes(fulfillment.fulfillmentLineItems())) {
        if (item.lineItem() != null) {
          fulfilled.merge(item.lineItem().id(), item.quantity(), Integer::sum);
        }
      }
    }
    Map<String, Integer> returned = new HashMap<>();
    Map<String, Map<String, Integer>> byReturn = new HashMap<>();
    for (ShopifyReturn shopifyReturn : nodes(o.returns())) {
      if (VOID_RETURNS.contains(shopifyReturn.status())) {
        continue;
      }
      for (ReturnLineItem item : nodes(shopifyReturn.returnLineItems())) {
        if (item.fulfillmentLineItem() != null && item.fulfillmentLineItem().lineItem() != null) {
          String lineItemId = item.fulfillmentLineItem().lineItem().id();
          returned.merge(lineItemId, item.quantity(), Integer::sum);
          if (shopifyReturn.id() != null) {
            byReturn.computeIfAbsent(shopifyReturn.id(), id -> new HashMap<>()).merge(lineItemId, item.quantity(),
                Integer::sum);
          }
        }
      }
    }
    List<Order.Line> lines = nodes(o.lineItems()).stream().map(item -> {
      Set<String> tags = item.product() == null ? Set.of() : Set.copyOf(list(item.product().tags()));
      long tax = list(item.taxLines()).stream().mapToLong(t -> money(t.priceSet(), currency)).sum();
      return new Order.Line(item.id(), item.sku(), item.name() == null ? item.title() : item.name(),
          item.quantity(), fulfilled.getOrDefault(item.id(), 0), returned.getOrDefault(item.id(), 0),
          money(item.discountedUnitPriceAfterAllDiscountsSet(), currency), tax, tags, category(tags));
    }).toList();
    long shipping = nodes(o.shippingLines()).stream().mapToLong(s -> money(s.discountedPriceSet(), currency)).sum();
    Instant delivered = done.stream().map(f -> f.deliveredAt() == null ? f.createdAt() : f.deliveredAt())
        .filter(Objects::nonNull).max(Comparator.naturalOrder()).orElse(null);
    return new Order(name(), o.id(), o.name(), o.createdAt(), currency, customer(o), lines, shipping, delivered,
        payment(o, currency), byReturn);
  }

  /** The shipping address, else (digital goods, local pick-up) the billing address: the label ships from there. */
  private static Order.Customer customer(ShopifyOrder o) {
    MailingAddress a = o.shippingAddress() != null ? o.shippingAddress() : o.billingAddress();
    Order.Address address = a == null
        ? null
        : new Order.Address(a.address1(), a.address2(), a.city(), a.provinceCode(), a.zip(), a.countryCodeV2());
    String name = o.customer() != null && o.customer().displayName() != null
        ? o.customer().displayName()
        : a == null ? null : a.name();
    String phone = o.phone() != null ? o.phone() : a == null ? null : a.phone();
    return new Order.Customer(o.customer() == null ? null : o.customer().id(), name, o.email(), phone, address);
  }

  private static Order.Payment payment(ShopifyOrder o, String currency) {
    List<Transaction> paid = list(o.transactions()).stream()
        .filter(t -> ("SALE".equals(t.kind()) || "CAPTURE".equals(t.kind())) && "SUCCESS".equals(t.status()))
        .toList();
    if (paid.isEmpty()) {
      return new Order.Payment("none", null, null, 0);
    }
    Transaction first = paid.get(0);
    boolean stripe = first.gateway() != null && first.gateway().toLowerCase(Locale.ROOT).contains("stripe");
    String paymentIntent = stripe && first.paymentId() != null && PAYMENT_INTENT.matcher(first.paymentId()).matches()
        ? first.paymentId()
        : null;
    long captured = paid.stream().mapToLong(t -> money(t.amountSet(), currency)).sum();
    return new Order.Payment(first.gateway(), paymentIntent, first.id(), captured);
  }

  private ItemCategory category(Set<String> tags) {
    if (tags.stream().anyMatch(finalSaleTag::equalsIgnoreCase)) {
      return ItemCategory.FINAL_SALE;
    }
    for (ItemCategory category : List.of(ItemCategory.HYGIENE, ItemCategory.ELECTRONICS, ItemCategory.APPAREL)) {
      if (tags.stream().anyMatch(tag -> tag.equalsIgnoreCase(category.name()))) {
        return category;
      }
    }
    return ItemCategory.GENERAL;
  }

  private static long money(MoneyBag bag, String currency) {
    if (bag == null || bag.presentmentMoney() == null || bag.presentmentMoney().amount() == null) {
      return 0;
    }
    String code = bag.presentmentMoney().currencyCode() == null ? currency : bag.presentmentMoney().currencyCode();
    return Money.minorUnits(bag.presentmentMoney().amount(), code);
  }

  private static <T> List<T> nodes(Nodes<T> connection) {
    return connection == null || connection.nodes() == null ? List.of() : connection.nodes();
  }

  private static <T> List<T> list(List<T> list) {
    return list == null ? List.of() : list;
  }

  private static String document(String name) {
    try (InputStream in = new ClassPathResource("shopify/" + name).getInputStream()) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("GraphQL document shopify/" + name + " is missing", e);
    }
  }
}
