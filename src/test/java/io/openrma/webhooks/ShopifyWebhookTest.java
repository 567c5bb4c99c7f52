package io.openrma.webhooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import io.openrma.integrations.IntegrationMode;
import io.openrma.integrations.shopify.ShopifySettings;
import io.openrma.orders.Order;
import io.openrma.orders.OrderSource;
import io.openrma.process.MessageInbox;
import io.openrma.returns.Actor;
import io.openrma.returns.OrderReturnRequest;
import io.openrma.returns.ReturnCreation;
import io.openrma.returns.ReturnReason;
import io.openrma.returns.ReturnRecord;
import io.openrma.returns.ReturnService;
import io.openrma.support.ActiveEngineExtension;
import io.openrma.support.Http;
import io.openrma.support.TestBeans;
import io.openrma.returns.ItemCategory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/**
 * {@code POST /webhooks/shopify} takes only webhooks signed with the app's client secret, each once, and
 * after answering: a customer's return request starts OpenRMA's return, a cancellation in the Shopify
 * admin cancels it, a refund made there is noted. The store is a stand-in order source named
 * {@code shopify} (the Admin API client has its own tests in {@code ShopifyOrderSourceTest}); each test
 * uses orders of its own, since the tests share one database.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "openrma.shopify.mode=simulate", "openrma.shopify.shop=openrma-test",
    "openrma.shopify.client-secret=" + ShopifyWebhookTest.SECRET})
@ActiveProfiles("test")
@Import({TestBeans.class, ShopifyWebhookTest.Store.class})
@ExtendWith(ActiveEngineExtension.class)
class ShopifyWebhookTest {

  static final String SECRET = "shpss_standin_client_secret";
  private static final AtomicLong ORDERS = new AtomicLong(880_000 + (System.nanoTime() / 1000) % 10_000 * 10);

  @LocalServerPort
  int port;
  @Autowired
  ReturnService returns;
  @Autowired
  ReturnCreation creation;
  @Autowired
  JdbcClient jdbc;
  @Autowired
  MessageInbox inbox;

  @Test
  void aSignedReturnRequestIsAnsweredAtOnceAndStartsAReturnThatMirrorsShopifys() {
    long order = ORDERS.incrementAndGet();
    String returnId = "gid://shopify/Return/" + order;

    // both shirts: Shopify already lists them in its return, which must not count as returned before
    Http.Response response = send("returns/request", returnRequest(returnId, order, line(order, 1, 2, "size_too_small",
        null, null)));

    assertThat(response.status()).as(response.toString()).isEqualTo(200);
    assertThat(response.json().get("outcome").asText()).isEqualTo("ACCEPTED");
    String rma = awaitTakenOver(returnId);
    ReturnRecord record = returns.get(rma);
    assertThat(record.source().name()).isEqualTo("shopify");
    assertThat(record.source().returnId()).isEqualTo(returnId);
    assertThat(record.channel()).isEqualTo("shopify");
    assertThat(record.order().orderId()).isEqualTo(orderId(order));
    assertThat(record.lines()).singleElement().satisfies(l -> {
      assertThat(l.sku()).isEqualTo("TSHIRT-MERINO-M");
      assertThat(l.quantityReturned()).isEqualTo(2);
      assertThat(l.reason()).isEqualTo(ReturnReason.DOES_NOT_FIT);
    });
    assertThat(record.createdBy()).isEqualTo("shopify");
  }

  @Test
  void aCustomersOtherReasonKeepsTheirNote() {
    long order = ORDERS.incrementAndGet();
    String returnId = "gid://shopify/Return/" + order;

    send("returns/request", returnRequest(returnId, order, line(order, 1, 2, "other", "The seams came apart",
        "Please hurry")));

    ReturnRecord record = returns.get(awaitTakenOver(returnId));
    assertThat(record.lines()).singleElement().satisfies(l -> {
      assertThat(l.reason()).isEqualTo(ReturnReason.OTHER);
      assertThat(l.reasonText()).isEqualTo("The seams came apart");
    });
  }

  @Test
  void theEchoOfOpenRmasOwnReturnChangesNothing() {
    long order = ORDERS.incrementAndGet();
    String returnId = "gid://shopify/Return/" + order;
    String rma = creation.create(new OrderReturnRequest(new OrderReturnRequest.Order("shopify", "#" + order),
        Store.EMAIL, null, null, null, List.of(new OrderReturnRequest.Line(lineItemId(order, 1), 1,
            ReturnReason.DEFECTIVE, null, null, null))),
        null, "carl").record().rmaNumber();
    returns.recordSourceReturn(rma, returnId, Actor.process("Open return in Shopify"), "Shopify return " + returnId);
    int timeline = returns.timeline(returns.get(rma)).size();

    String webhookId = webhookId();
    send("returns/request", webhookId, Instant.now(), returnRequest(returnId, order, line(order, 1, 1, "defective",
        null, null)));

    awaitState(webhookId, "PROCESSED");
    assertThat(returns.rmaNumbersBySourceOrder("shopify", orderId(order))).containsExactly(rma);
    assertThat(returns.timeline(returns.get(rma))).hasSize(timeline);
    assertThat(detail(webhookId)).contains("is the one " + rma + " opened");
  }

  @Test
  void aRequestTheOrderDoesNotAllowIsRefusedAndSaysWhy() {
    long order = ORDERS.incrementAndGet();
    String webhookId = webhookId();

    // the chinos were never shipped
    Http.Response response = send("returns/request", webhookId, Instant.now(), returnRequest(
        "gid://shopify/Return/" + order, order, line(order, 2, 1, "unwanted", null, null)));

    assertThat(response.status()).isEqualTo(200);
    awaitState(webhookId, "REFUSED");
    assertThat(detail(webhookId)).contains("was not taken over").contains("#" + order);
    assertThat(returns.rmaNumbersBySourceOrder("shopify", orderId(order))).isEmpty();
  }

  @Test
  void aWebhookWhoseProcessingFailsIsProcessedByTheSweep() {
    long order = ORDERS.incrementAndGet();
    String returnId = "gid://shopify/Return/" + order;
    String webhookId = webhookId();
    Store.DOWN_ONCE.add(order);

    Http.Response response = send("returns/request", webhookId, Instant.now(), returnRequest(returnId, order,
        line(order, 1, 1, "defective", null, null)));

    assertThat(response.json().get("outcome").asText()).isEqualTo("ACCEPTED");
    await().atMost(Duration.ofSeconds(20)).until(() -> detail(webhookId) != null);
    assertThat(detail(webhookId)).contains("Not processed yet").contains("Shopify is down");
    inbox.sweep();
    awaitState(webhookId, "PROCESSED");
    assertThat(returns.rmaNumberBySourceReturn(returnId)).isPresent();
  }

  @Test
  void aReplayedWebhookIsProcessedOnce() {
    long order = ORDERS.incrementAndGet();
    String returnId = "gid://shopify/Return/" + order;
    String webhookId = webhookId();
    String body = returnRequest(returnId, order, line(order, 1, 1, "color", null, null));

    Http.Response first = send("returns/request", webhookId, Instant.now(), body);
    awaitTakenOver(returnId);
    Http.Response replay = send("returns/request", webhookId, Instant.now(), body);

    assertThat(first.json().get("outcome").asText()).isEqualTo("ACCEPTED");
    assertThat(replay.status()).isEqualTo(200);
    assertThat(replay.json().get("outcome").asText()).isEqualTo("DUPLICATE");
    assertThat(returns.rmaNumbersBySourceOrder("shopify", orderId(order))).hasSize(1);
    assertThat(jdbc.sql("SELECT COUNT(*) FROM rma_inbox WHERE source = 'SHOPIFY' AND event_id = :id")
        .param("id", webhookId).query(Long.class).single()).isEqualTo(1);
  }

  @Test
  void aCancellationInTheShopifyAdminCancelsTheReturn() {
    long order = ORDERS.incrementAndGet();
    String returnId = "gid://shopify/Return/" + order;
    send("returns/request", returnRequest(returnId, order, line(order, 1, 1, "unwanted", null, null)));
    String rma = awaitTakenOver(returnId);

    String webhookId = webhookId();
    send("returns/cancel", webhookId, Instant.now(), """
        {"id": %d, "admin_graphql_api_id": "%s", "order_id": %d, "status": "canceled"}
        """.formatted(order, returnId, order));

    awaitState(webhookId, "PROCESSED");
    ReturnRecord record = returns.get(rma);
    assertThat(record.status().name()).isEqualTo("CANCELLED");
    assertThat(record.cancelReason()).contains("Cancelled in Shopify");

    // Shopify's decline of the same return comes after: a note, not a failure
    String decline = webhookId();
    send("returns/decline", decline, Instant.now(), """
        {"id": %d, "admin_graphql_api_id": "%s", "status": "declined",
         "decline": {"reason": "return_period_ended", "note": "Too late"}}
        """.formatted(order, returnId));
    awaitState(decline, "PROCESSED");
    assertThat(events(rma)).contains("SHOPIFY_RETURN_DECLINED");
  }

  @Test
  void aRefundMadeInTheShopifyAdminIsNotedAndOpenRmasOwnChangesNothing() {
    long order = ORDERS.incrementAndGet();
    String returnId = "gid://shopify/Return/" + order;
    send("returns/request", returnRequest(returnId, order, line(order, 1, 1, "defective", null, null)));
    String rma = awaitTakenOver(returnId);
    String ours = "gid://shopify/Refund/" + order + "1";
    returns.recordRefundCalculation(rma, 2_250, 428, 0, 0, 2_678, false, 0, "test", Actor.process("Calculate refund"));
    returns.recordRefundResult(rma, ours, "SUCCEEDED", null, Actor.process("Refund payment"));

    String own = webhookId();
    send("refunds/create", own, Instant.now(), refund(order + "1", order, "26.78"));
    awaitState(own, "PROCESSED");
    assertThat(events(rma)).doesNotContain("REFUNDED_IN_SHOPIFY");

    String foreign = webhookId();
    send("refunds/create", foreign, Instant.now(), refund(order + "2", order, "10.00"));
    awaitState(foreign, "PROCESSED");
    assertThat(returns.timeline(returns.get(rma))).filteredOn(e -> "REFUNDED_IN_SHOPIFY".equals(e.event()))
        .singleElement().satisfies(e -> assertThat(e.detail())
            .isEqualTo("Refunded 10.00 EUR in the Shopify admin (gid://shopify/Refund/" + order + "2)"));
  }

  @Test
  void aTamperedBodyIsRefused() {
    long order = ORDERS.incrementAndGet();
    String body = returnRequest("gid://shopify/Return/" + order, order, line(order, 1, 1, "unwanted", null, null));
    String signature = ShopifySignatures.sign(SECRET, body.getBytes(StandardCharsets.UTF_8));

    Http.Response response = send("returns/request", webhookId(), Instant.now(), body.replace("\"quantity\": 1",
        "\"quantity\": 2"), signature);

    assertRefused(response, order);
  }

  @Test
  void aSignatureWithAnotherSecretIsRefused() {
    long order = ORDERS.incrementAndGet();
    String body = returnRequest("gid://shopify/Return/" + order, order, line(order, 1, 1, "unwanted", null, null));

    Http.Response response = send("returns/request", webhookId(), Instant.now(), body,
        ShopifySignatures.sign("shpss_someone_else", body.getBytes(StandardCharsets.UTF_8)));

    assertRefused(response, order);
  }

  @Test
  void aWebhookWithoutSignatureIsRefused() {
    long order = ORDERS.incrementAndGet();
    String body = returnRequest("gid://shopify/Return/" + order, order, line(order, 1, 1, "unwanted", null, null));

    Http.Response response = send("returns/request", webhookId(), Instant.now(), body, null);

    assertRefused(response, order);
    assertThat(response.json().get("detail").asText()).contains("missing");
  }

  @Test
  void aWebhookTriggeredLongerAgoThanTheToleranceIsAcknowledgedAndIgnored() {
    long order = ORDERS.incrementAndGet();
    String webhookId = webhookId();

    Http.Response response = send("returns/request", webhookId, Instant.now().minus(Duration.ofHours(7)),
        returnRequest("gid://shopify/Return/" + order, order, line(order, 1, 1, "unwanted", null, null)));

    assertThat(response.status()).isEqualTo(200);
    assertThat(response.json().get("outcome").asText()).isEqualTo("IGNORED");
    assertThat(response.json().get("message").asText()).contains("webhook-tolerance");
    assertThat(jdbc.sql("SELECT COUNT(*) FROM rma_inbox WHERE event_id = :id").param("id", webhookId)
        .query(Long.class).single()).isZero();
  }

  @Test
  void withoutAClientSecretTheEndpointIsNotThere() {
    ShopifySettings noSecret = new ShopifySettings(IntegrationMode.LIVE, "openrma-test", null, "2026-10", "shpat_x",
        null, null, Duration.ofSeconds(5), Duration.ofSeconds(30), Duration.ofSeconds(10), null, Duration.ofHours(6));
    ShopifyWebhookController controller = new ShopifyWebhookController(noSecret,
        new ShopifyEvents(noSecret, null, null, null, null, null), null, Clock.systemUTC(), null);
    byte[] body = "{}".getBytes(StandardCharsets.UTF_8);

    ResponseEntity<?> answer = controller.receive(body, ShopifySignatures.sign("guess", body), "returns/request",
        webhookId(), Instant.now().toString(), "openrma-test.myshopify.com");

    assertThat(answer.getStatusCode().value()).isEqualTo(404);
    assertThat(((ProblemDetail) answer.getBody()).getDetail()).contains("SHOPIFY_CLIENT_SECRET");
  }

  @Test
  void topicsOpenRmaDoesNotUseAreAcknowledged() {
    Http.Response response = send("orders/create", webhookId(), Instant.now(), "{\"id\": 1}");

    assertThat(response.status()).isEqualTo(200);
    assertThat(response.json().get("outcome").asText()).isEqualTo("IGNORED");
  }

  // ------------------------------------------------------------------------------------------ helpers

  private void assertRefused(Http.Response response, long order) {
    assertThat(response.status()).isEqualTo(401);
    assertThat(response.header("Content-Type")).startsWith("application/problem+json");
    assertThat(returns.rmaNumbersBySourceOrder("shopify", orderId(order))).isEmpty();
  }

  /** A customer's return request: Shopify lists its units among the order's returns before the webhook comes. */
  private Http.Response send(String topic, String body) {
    return send(topic, webhookId(), Instant.now(), body);
  }

  private Http.Response send(String topic, String webhookId, Instant triggeredAt, String body) {
    return send(topic, webhookId, triggeredAt, body, ShopifySignatures.sign(SECRET,
        body.getBytes(StandardCharsets.UTF_8)));
  }

  private Http.Response send(String topic, String webhookId, Instant triggeredAt, String body, String signature) {
    Http http = new Http(port).header("X-Shopify-Topic", topic).header("X-Shopify-Webhook-Id", webhookId)
        .header("X-Shopify-Triggered-At", triggeredAt.toString())
        .header("X-Shopify-Shop-Domain", "openrma-test.myshopify.com")
        .header("X-Shopify-Event-Id", UUID.randomUUID().toString()).header("X-Shopify-API-Version", "2026-10");
    if (signature != null) {
      http = http.header("X-Shopify-Hmac-Sha256", signature);
    }
    return http.post("/webhooks/shopify", body);
  }

  private String awaitTakenOver(String returnId) {
    await().atMost(Duration.ofSeconds(20)).until(() -> returns.rmaNumberBySourceReturn(returnId).isPresent());
    return returns.rmaNumberBySourceReturn(returnId).orElseThrow();
  }

  private void awaitState(String webhookId, String state) {
    await().atMost(Duration.ofSeconds(20)).until(() -> state.equals(jdbc.sql(
        "SELECT state FROM rma_inbox WHERE source = 'SHOPIFY' AND event_id = :id").param("id", webhookId)
        .query(String.class).optional().orElse(null)));
  }

  private String detail(String webhookId) {
    List<String> details = jdbc.sql("SELECT detail FROM rma_inbox WHERE source = 'SHOPIFY' AND event_id = :id")
        .param("id", webhookId).query(String.class).list();
    return details.isEmpty() ? null : details.get(0);
  }

  private List<String> events(String rma) {
    return returns.timeline(returns.get(rma)).stream().map(e -> e.event()).toList();
  }

  private static String webhookId() {
    return UUID.randomUUID().toString();
  }

  private static String orderId(long order) {
    return "gid://shopify/Order/" + order;
  }

  private static String lineItemId(long order, int line) {
    return "gid://shopify/LineItem/" + order + line;
  }

  /**
   * A {@code returns/request} body, in the shape of Shopify's webhook reference. The stand-in store lists
   * the return's shirts among the order's returns from now on, as Shopify does.
   */
  static String returnRequest(String returnId, long order, String... lines) {
    return """
        {"id": %s, "admin_graphql_api_id": "%s", "status": "requested", "name": "#%d-R1",
         "order": {"id": %d, "admin_graphql_api_id": "%s"},
         "total_return_line_items": %d,
         "return_line_items": [%s],
         "exchange_line_items": [], "total_exchange_line_items": 0, "return_shipping_fees": []}
        """.formatted(returnId.substring(returnId.lastIndexOf('/') + 1), returnId, order, order, orderId(order),
        lines.length, String.join(",", lines));
  }

  static String line(long order, int line, int quantity, String reason, String reasonNote, String customerNote) {
    if (line == 1) {
      Store.RETURNED_IN_SHOPIFY.put(order, quantity);
    }
    return """
        {"id": %d%d9, "admin_graphql_api_id": "gid://shopify/ReturnLineItem/%d%d9",
         "fulfillment_line_item": {"id": %d%d8, "admin_graphql_api_id": "gid://shopify/FulfillmentLineItem/%d%d8",
           "line_item": {"id": %d%d, "admin_graphql_api_id": "%s"}},
         "quantity": %d, "return_reason": "%s", "return_reason_note": %s, "customer_note": %s}
        """.formatted(order, line, order, line, order, line, order, line, order, line, lineItemId(order, line),
        quantity, reason, quoted(reasonNote), quoted(customerNote));
  }

  /** A {@code refunds/create} body (the REST Refund resource), refunding {@code amount} EUR. */
  static String refund(String refundId, long order, String amount) {
    return """
        {"id": %s, "admin_graphql_api_id": "gid://shopify/Refund/%s", "order_id": %d,
         "created_at": "2026-03-02T10:00:00+01:00", "note": null, "restock": false, "user_id": 1,
         "refund_line_items": [], "order_adjustments": [], "duties": [], "return": null,
         "transactions": [
           {"id": %s1, "admin_graphql_api_id": "gid://shopify/OrderTransaction/%s1", "kind": "refund",
            "status": "success", "amount": "%s", "currency": "EUR", "gateway": "shopify_payments", "order_id": %d},
           {"id": %s2, "kind": "refund", "status": "failure", "amount": "99.00", "currency": "EUR", "order_id": %d}]}
        """.formatted(refundId, refundId, order, refundId, refundId, amount, order, refundId, order);
  }

  private static String quoted(String text) {
    return text == null ? "null" : "\"" + text + "\"";
  }

  /**
   * The store: every order number is an order, delivered three days ago, of two shirts (shipped) and chinos
   * (not); the shirts in its Shopify return {@code gid://shopify/Return/<number>} count as returned there.
   */
  @TestConfiguration(proxyBeanMethods = false)
  static class Store {

    static final String EMAIL = "jane.doe@example.com";
    static final Map<Long, Integer> RETURNED_IN_SHOPIFY = new ConcurrentHashMap<>();
    /** Orders whose first read fails, as Shopify does when it is down. */
    static final Set<Long> DOWN_ONCE = ConcurrentHashMap.newKeySet();

    @Bean
    OrderSource shopifyStandIn(Clock clock) {
      return new OrderSource() {
        @Override
        public String name() {
          return "shopify";
        }

        @Override
        public Optional<Order> find(String orderNumber, String emailOrPostalCode) {
          long number = Long.parseLong(orderNumber.replace("#", "").trim());
          return Optional.of(order(number, clock.instant())).filter(o -> o.belongsTo(emailOrPostalCode));
        }

        @Override
        public Optional<Order> get(String orderId) {
          long number = Long.parseLong(orderId.substring(orderId.lastIndexOf('/') + 1));
          if (DOWN_ONCE.remove(number)) {
            throw new IllegalStateException("Shopify is down");
          }
          return Optional.of(order(number, clock.instant()));
        }
      };
    }

    static Order order(long number, Instant now) {
      int returned = RETURNED_IN_SHOPIFY.getOrDefault(number, 0);
      Order.Address address = new Order.Address("Hauptstr. 1", null, "Berlin", null, "10115", "DE");
      return new Order("shopify", orderId(number), "#" + number, now.minus(Duration.ofDays(10)), "EUR",
          new Order.Customer("gid://shopify/Customer/7001", "Jane Doe", EMAIL, null, address),
          List.of(
              new Order.Line(lineItemId(number, 1), "TSHIRT-MERINO-M", "Merino T-shirt, size M", 2, 2, returned, 2_250,
                  855, Set.of("apparel"), ItemCategory.APPAREL),
              new Order.Line(lineItemId(number, 2), "CHINO-SLIM-3232", "Slim chinos, 32/32", 1, 0, 0, 5_990, 1_138,
                  Set.of("apparel"), ItemCategory.APPAREL)),
          490, now.minus(Duration.ofDays(3)),
          new Order.Payment("stripe", "pi_3Shop" + number, "gid://shopify/OrderTransaction/" + number, 12_973),
          returned == 0 ? Map.of() : Map.of("gid://shopify/Return/" + number, Map.of(lineItemId(number, 1), returned)));
    }
  }
}
