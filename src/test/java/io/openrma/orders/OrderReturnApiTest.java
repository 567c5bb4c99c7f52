package io.openrma.orders;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import io.openrma.support.Http;
import io.openrma.support.WebAppTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * {@code POST /api/returns} with an order reference to a demo order: OpenRMA fills the order, prices,
 * tax and customer from the order, and refuses what the order does not allow, writing nothing. Each test
 * uses its own demo order line, since the tests share one database.
 */
@WebAppTest
class OrderReturnApiTest {

  @LocalServerPort
  int port;
  @Autowired
  JdbcClient jdbc;
  Http carl;

  @BeforeEach
  void setUp() {
    carl = new Http(port).as("carl");
  }

  @Test
  void aReturnFromADemoOrderTakesOrderPricesTaxAndCustomerFromTheOrder() {
    String body = reference("demo", "#1001", "JANE.DOE@example.com", "DEMO-1001-2", 1);

    Http.Response created = carl.header("Idempotency-Key", "order-ref-1001-2").post("/api/returns", body);

    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    JsonNode record = created.json();
    assertThat(record.get("order").get("orderId").asText()).isEqualTo("DEMO-1001");
    assertThat(record.get("order").get("amountCaptured").asLong()).isEqualTo(12_973);
    assertThat(record.get("order").get("shippingPaid").asLong()).isEqualTo(490);
    assertThat(record.get("order").get("paymentIntentId").asText()).isEqualTo("pi_3DemoOrder1001");
    assertThat(record.get("currency").asText()).isEqualTo("EUR");
    JsonNode line = record.get("lines").get(0);
    assertThat(record.get("lines")).hasSize(1);
    assertThat(line.get("sku").asText()).isEqualTo("CHINO-SLIM-3232");
    assertThat(line.get("description").asText()).isEqualTo("Slim chinos, 32/32");
    assertThat(line.get("category").asText()).isEqualTo("APPAREL");
    assertThat(line.get("quantityOrdered").asInt()).isEqualTo(1);
    assertThat(line.get("quantityReturned").asInt()).isEqualTo(1);
    assertThat(line.get("unitPrice").asLong()).isEqualTo(5_990);
    assertThat(line.get("discount").asLong()).isZero();
    assertThat(line.get("tax").asLong()).isEqualTo(1_138);
    assertThat(line.get("reason").asText()).isEqualTo("DOES_NOT_FIT");
    JsonNode customer = record.get("customer");
    assertThat(customer.get("name").asText()).isEqualTo("Jane Doe");
    assertThat(customer.get("email").asText()).isEqualTo("jane.doe@example.com");
    assertThat(customer.get("address").get("postalCode").asText()).isEqualTo("10115");
    assertThat(customer.get("address").get("city").asText()).isEqualTo("Berlin");
    assertThat(record.get("process").get("running").asBoolean()).isTrue();

    Http.Response repeated = carl.header("Idempotency-Key", "order-ref-1001-2").post("/api/returns", body);
    assertThat(repeated.status()).as(repeated.toString()).isEqualTo(200);
    assertThat(repeated.header("Idempotent-Replayed")).isEqualTo("true");
    assertThat(repeated.json().get("rmaNumber").asText()).isEqualTo(record.get("rmaNumber").asText());
  }

  @Test
  void unitsInAnEarlierReturnOfTheSameOrderCannotBeReturnedAgain() {
    Http.Response first = carl.post("/api/returns", reference("demo", "#1001", "jane.doe@example.com",
        "DEMO-1001-1", 1));
    assertThat(first.status()).as(first.toString()).isEqualTo(201);

    assertRefused(reference("demo", "#1001", "jane.doe@example.com", "DEMO-1001-1", 2), "lines[0].quantity",
        "Merino T-shirt, size M (TSHIRT-MERINO-M): only 1 of 2 fulfilled units can still be returned");
  }

  @Test
  void unitsReturnedAtTheSourceCountAsWell() {
    assertRefused(reference("demo", "#1002", "max.mustermann@example.com", "DEMO-1002-2", 3), "lines[0].quantity",
        "USB-C cable, 2 m (CABLE-USBC-2M): only 2 of 3 fulfilled units can still be returned");
  }

  @Test
  void aFinalSaleLineIsRefused() {
    assertRefused(reference("demo", "#1003", "sofia.rossi@example.com", "DEMO-1003-1", 1), "lines[0].quantity",
        "Summer dress, size S (sale) (DRESS-SUMMER-S): final sale");
  }

  @Test
  void anOrderDeliveredOutsideTheWindowIsRefused() {
    assertRefused(reference("demo", "#1005", "emma.schmidt@example.com", "DEMO-1005-1", 1), "lines[0].quantity",
        "delivered 45 days ago; returns are accepted for 30 days");
  }

  @Test
  void aWrongEmailIsTheSameNotFoundAsAnUnknownOrder() {
    long returnsBefore = returns();
    Http.Response wrongEmail = carl.post("/api/returns", reference("demo", "#1004", "someone@example.com",
        "DEMO-1004-1", 1));
    Http.Response unknownOrder = carl.post("/api/returns", reference("demo", "#9999", "lukas.weber@example.com",
        "DEMO-1004-1", 1));

    assertThat(wrongEmail.status()).as(wrongEmail.toString()).isEqualTo(404);
    assertThat(wrongEmail.header("Content-Type")).startsWith("application/problem+json");
    assertThat(unknownOrder.status()).isEqualTo(404);
    assertThat(wrongEmail.json().get("detail").asText()).isEqualTo(unknownOrder.json().get("detail").asText())
        .contains("no order with this number and email address");
    assertThat(returns()).isEqualTo(returnsBefore);
  }

  @Test
  void anUnknownSourceIsAnInvalidRequest() {
    assertRefused(reference("shopify", "#1004", "lukas.weber@example.com", "DEMO-1004-1", 1), "order.source",
        "'shopify' is not an order source here; use one of [demo]");
  }

  @Test
  void aDemoOrderPaidThroughShopifyPaymentsIsExchangedButNotRefundedForOnlyShopifyRefundsIt() {
    String refund = reference("demo", "#1006", "noah.becker@example.com", "DEMO-1006-1", 1);
    assertRefused(refund, "resolution", "paid through shopify_payments, which OpenRMA cannot refund");

    Http.Response exchange = carl.post("/api/returns", refund.replace("\"REFUND\"", "\"EXCHANGE\""));
    assertThat(exchange.status()).as(exchange.toString()).isEqualTo(201);
    assertThat(exchange.json().get("resolution").asText()).isEqualTo("EXCHANGE");
    assertThat(exchange.json().get("order").has("paymentIntentId")).isFalse();
  }

  @Test
  void aBrokenReferenceNamesTheReferencesOwnFields() {
    assertRefused(reference("demo", "#1004", "lukas.weber@example.com", "DEMO-1004-1", 0), "lines[0].quantity",
        "greater than 0");
    assertRefused(reference("demo", "#1004", "lukas.weber@example.com", "DEMO-1004-1", 1).replace("DOES_NOT_FIT",
        "BORED"), "lines[0].reason", "must be one of");
    assertRefused(reference("demo", " ", "lukas.weber", "DEMO-1004-1", 1), "customerEmail", "well-formed email");
  }

  @Test
  void anExchangeNamesOnlyAVariantTheSourceOffersForTheLine() {
    String forged = reference("demo", "#1001", "jane.doe@example.com", "DEMO-1001-2", 1)
        .replace("\"condition\":\"NEW\"", "\"condition\":\"NEW\",\"exchangeVariantId\":\"DEMO-VARIANT-DRESS-SUMMER-S\"")
        .replace("\"resolution\":\"REFUND\"", "\"resolution\":\"EXCHANGE\"");
    assertRefused(forged, "lines[0].exchangeVariantId", "is not a variant this line can be exchanged for");
    String noVariants = reference("demo", "#1002", "max.mustermann@example.com", "DEMO-1002-1", 1)
        .replace("\"condition\":\"NEW\"", "\"condition\":\"NEW\",\"exchangeVariantId\":\"DEMO-VARIANT-X\"")
        .replace("\"resolution\":\"REFUND\"", "\"resolution\":\"EXCHANGE\"");
    assertRefused(noVariants, "lines[0].exchangeVariantId", "this line has no variants to exchange for");
  }

  private void assertRefused(String body, String field, String message) {
    long returnsBefore = returns();
    Http.Response response = carl.post("/api/returns", body);

    assertThat(response.status()).as(response.toString()).isEqualTo(400);
    assertThat(response.header("Content-Type")).startsWith("application/problem+json");
    JsonNode problem = response.json();
    assertThat(problem.get("type").asText()).isEqualTo("https://openrma.io/problems/invalid-request");
    List<String> errors = new ArrayList<>();
    problem.get("errors").forEach(e -> errors.add(e.get("field").asText() + ": " + e.get("message").asText()));
    assertThat(errors).anySatisfy(error -> assertThat(error).startsWith(field + ": ").contains(message));
    assertThat(returns()).isEqualTo(returnsBefore);
  }

  private long returns() {
    return jdbc.sql("SELECT COUNT(*) FROM rma_return").query(Long.class).single();
  }

  private static String reference(String source, String orderNumber, String email, String lineItemId, int quantity) {
    return """
        {"order":{"source":"%s","orderNumber":"%s"},"customerEmail":"%s",
         "lines":[{"lineItemId":"%s","quantity":%d,"reason":"DOES_NOT_FIT","reasonText":null,"condition":"NEW"}],
         "resolution":"REFUND"}
        """.formatted(source, orderNumber, email, lineItemId, quantity);
  }
}
