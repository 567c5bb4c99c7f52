package io.openrma.returns;

import static io.openrma.support.ReturnRequests.aReturn;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.openrma.support.Http;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import io.openrma.support.WebAppTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Every rule a return request must meet: each broken rule is a 400 problem that names the field and
 * says what is wrong, and nothing is written — no return, no line, no timeline entry, no process.
 */
@WebAppTest
@ExtendWith(OutputCaptureExtension.class)
class ReturnValidationTest {

  private static final ObjectMapper JSON = com.fasterxml.jackson.databind.json.JsonMapper.builder()
      .findAndAddModules().disable(com.fasterxml.jackson.databind.SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
      .build();

  @LocalServerPort
  int port;
  @Autowired
  JdbcClient jdbc;
  Http carl;

  @BeforeEach
  void setUp() {
    carl = new Http(port).as("carl");
  }

  static Stream<Arguments> brokenRules() {
    String today = LocalDate.now().toString();
    return Stream.of(
        rule("quantity returned above quantity ordered", "lines[0].quantityReturned", "must not exceed quantityOrdered",
            r -> line(r, l -> l.put("quantityReturned", 3))),
        rule("negative price", "lines[0].unitPrice", "greater than or equal to 0",
            r -> line(r, l -> l.put("unitPrice", -100))),
        rule("negative tax", "lines[0].tax", "greater than or equal to 0", r -> line(r, l -> l.put("tax", -1))),
        rule("negative captured amount", "order.amountCaptured", "greater than or equal to 0",
            r -> order(r, o -> o.put("amountCaptured", -1))),
        rule("discount above the line's price", "lines[0].discount", "must not exceed",
            r -> line(r, l -> l.put("discount", 99_999))),
        rule("line in another currency", "lines[0].currency", "one return, one currency",
            r -> line(r, l -> l.put("currency", "USD"))),
        rule("currency that is no ISO code", "order.currency", "ISO 4217",
            r -> order(r, o -> o.put("currency", "euro"))),
        rule("return window passed", "order.deliveryDate", "return window of 60 days",
            r -> order(r, o -> o.put("deliveryDate", LocalDate.now().minusDays(61).toString())
                .put("orderDate", LocalDate.now().minusDays(65).toString()))),
        rule("delivery in the future", "order.deliveryDate", "in the future",
            r -> order(r, o -> o.put("deliveryDate", LocalDate.now().plusDays(2).toString()))),
        rule("delivered before ordered", "order.deliveryDate", "must not be before orderDate",
            r -> order(r, o -> o.put("orderDate", today))),
        rule("reason OTHER without text", "lines[0].reasonText", "required when reason is OTHER",
            r -> line(r, l -> l.put("reason", "OTHER").putNull("reasonText"))),
        rule("reason not in the list", "lines[0].reason", "must be one of",
            r -> line(r, l -> l.put("reason", "BORED"))),
        rule("customer cannot report MISSING", "lines[0].condition", "NEW, OPENED, USED, DAMAGED",
            r -> line(r, l -> l.put("condition", "MISSING"))),
        rule("same SKU twice", "lines[1].sku", "appears twice", r -> {
          ArrayNode lines = (ArrayNode) r.get("lines");
          lines.add(lines.get(0).deepCopy());
        }),
        rule("no lines", "lines", "must not be empty", r -> r.putArray("lines")),
        rule("refund without payment", "order.paymentIntentId", "required to refund",
            r -> order(r, o -> o.putNull("paymentIntentId"))),
        rule("payment id that is no PaymentIntent", "order.paymentIntentId", "pi_",
            r -> order(r, o -> o.put("paymentIntentId", "ch_123"))),
        rule("store credit without Stripe customer", "order.stripeCustomerId", "required for store credit",
            r -> r.put("resolution", "STORE_CREDIT")),
        rule("email that is no email", "customer.email", "well-formed email",
            r -> customer(r, c -> c.put("email", "jane"))),
        rule("country that is no ISO code", "customer.address.country", "ISO 3166",
            r -> customer(r, c -> ((ObjectNode) c.get("address")).put("country", "Germany"))),
        rule("missing customer", "customer", "must not be null", r -> r.remove("customer")),
        rule("order id missing", "order.orderId", "must not be blank", r -> order(r, o -> o.put("orderId", " "))),
        rule("quantity ordered zero", "lines[0].quantityOrdered", "greater than 0",
            r -> line(r, l -> l.put("quantityOrdered", 0))),
        rule("date that is no date", "order.orderDate", "LocalDate",
            r -> order(r, o -> o.put("orderDate", "yesterday"))));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("brokenRules")
  void brokenRuleIsAProblemNamingTheFieldAndWritesNothing(String rule, String field, String message,
      java.util.function.Consumer<ObjectNode> breakIt) throws Exception {
    ObjectNode request = JSON.valueToTree(aReturn().build());
    breakIt.accept(request);
    long returnsBefore = count("rma_return");
    long linesBefore = count("rma_line");
    long timelineBefore = count("rma_timeline");
    long processesBefore = count("ACT_RU_EXECUTION");

    Http.Response response = carl.post("/api/returns", JSON.writeValueAsString(request));

    assertThat(response.status()).as(response.toString()).isEqualTo(400);
    assertThat(response.header("Content-Type")).startsWith("application/problem+json");
    JsonNode problem = response.json();
    assertThat(problem.get("type").asText()).isEqualTo("https://openrma.io/problems/invalid-request");
    assertThat(problem.get("title").asText()).isEqualTo("Invalid request");
    List<String> errors = new ArrayList<>();
    problem.get("errors").forEach(e -> errors.add(e.get("field").asText() + ": " + e.get("message").asText()));
    assertThat(errors).anySatisfy(error -> assertThat(error).startsWith(field + ":").contains(message));
    assertThat(count("rma_return")).isEqualTo(returnsBefore);
    assertThat(count("rma_line")).isEqualTo(linesBefore);
    assertThat(count("rma_timeline")).isEqualTo(timelineBefore);
    assertThat(count("ACT_RU_EXECUTION")).isEqualTo(processesBefore);
  }

  @Test
  void severalBrokenRulesAreReportedTogether() throws Exception {
    ObjectNode request = JSON.valueToTree(aReturn().build());
    line(request, l -> l.put("quantityReturned", 5).put("currency", "USD"));
    JsonNode problem = carl.post("/api/returns", JSON.writeValueAsString(request)).json();
    assertThat(problem.get("errors")).hasSizeGreaterThanOrEqualTo(2);
    assertThat(problem.get("detail").asText()).contains("fields are invalid");
  }

  @Test
  void unitsAlreadyInAnotherReturnOfTheOrderCannotBeReturnedAgain() throws Exception {
    var first = aReturn();
    assertThat(carl.post("/api/returns", first.build()).status()).isEqualTo(201);
    // the same order again, 2 of 2 units: one is already in the first return
    ObjectNode request = JSON.valueToTree(aReturn().order(first.orderId()).build());
    line(request, l -> l.put("quantityReturned", 2));
    Http.Response response = carl.post("/api/returns", JSON.writeValueAsString(request));
    assertThat(response.status()).isEqualTo(400);
    assertThat(response.json().get("errors").get(0).get("message").asText())
        .contains("1 of 2 units of TSHIRT-M are already");
  }

  @Test
  void returningMoreThanWasOrderedSaysSo() throws Exception {
    ObjectNode request = JSON.valueToTree(aReturn().build());
    line(request, l -> l.put("quantityReturned", 5));
    Http.Response response = carl.post("/api/returns", JSON.writeValueAsString(request));
    assertThat(response.status()).isEqualTo(400);
    assertThat(response.json().get("errors")).extracting(e -> e.get("message").asText())
        .containsExactly("must not exceed quantityOrdered (2)"); // not "0 of 2 units are already in other returns"
  }

  @Test
  void truncatedJsonSaysTheBodyIsNotJsonAndWhere() {
    Http.Response response = carl.post("/api/returns", "{\"order\": {\"orderId\": \"SO-1\",\n  \"currency\": ");
    assertThat(response.status()).isEqualTo(400);
    assertThat(response.json().get("detail").asText()).startsWith("The request body is not valid JSON at line 2, "
        + "column").doesNotContain("order has the wrong format");
  }

  @Test
  void aPathWithEncodedSlashesIsAProblemDocumentNotTomcatsPage() {
    Http.Response response = carl.get("/api/returns/..%2F..%2Fetc%2Fpasswd");
    assertThat(response.status()).isEqualTo(400);
    assertThat(response.header("Content-Type")).startsWith("application/problem+json");
    assertThat(response.json().get("detail").asText()).contains("malformed");
  }

  @Test
  void aPageThatDoesNotExistIsAStyledPageForPeopleAndAProblemForTheApi(CapturedOutput output) {
    Http.Response page = carl.send(carl.request("/no-such-page").header("Accept", "text/html").GET());
    assertThat(page.status()).isEqualTo(404);
    assertThat(page.header("Content-Type")).startsWith("text/html");
    assertThat(page.body()).contains("Page not found", "There is nothing at this address").doesNotContain("Tomcat",
        "Exception", "Whitelabel");
    Http.Response api = new Http(port).as("admin").get("/api/no-such-resource");
    assertThat(api.status()).isEqualTo(404);
    assertThat(api.header("Content-Type")).startsWith("application/problem+json");
    assertThat(output).doesNotContain("TemplateInputException").doesNotContain("Error resolving template");
  }

  @Test
  void malformedJsonIsAProblemToo() {
    Http.Response response = carl.post("/api/returns", "{\"order\": ");
    assertThat(response.status()).isEqualTo(400);
    assertThat(response.json().get("type").asText()).endsWith("/malformed-json");
  }

  private static Arguments rule(String name, String field, String message,
      java.util.function.Consumer<ObjectNode> breakIt) {
    return Arguments.of(name, field, message, breakIt);
  }

  private static void line(ObjectNode request, UnaryOperator<ObjectNode> change) {
    change.apply((ObjectNode) request.get("lines").get(0));
  }

  private static void order(ObjectNode request, UnaryOperator<ObjectNode> change) {
    change.apply((ObjectNode) request.get("order"));
  }

  private static void customer(ObjectNode request, UnaryOperator<ObjectNode> change) {
    change.apply((ObjectNode) request.get("customer"));
  }

  private long count(String table) {
    return jdbc.sql("SELECT COUNT(*) FROM " + table).query(Long.class).single();
  }

}
