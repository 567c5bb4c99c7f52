package io.openrma.returns;

import static io.openrma.support.ReturnRequests.aReturn;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import io.openrma.support.Http;
import io.openrma.support.ReturnRequests;
import io.openrma.support.WebAppTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The returns API as support teams, warehouses and partners use it, over HTTP. */
@WebAppTest
class ReturnApiTest {

  @LocalServerPort
  int port;
  Http http;
  Http carl;

  @BeforeEach
  void setUp() {
    http = new Http(port);
    carl = http.as("carl");
  }

  @Test
  void customerServiceCreatesAReturnAndItsLifecycleStarts() {
    Http.Response created = carl.post("/api/returns", aReturn().withTicket("4711").build());
    assertThat(created.status()).isEqualTo(201);
    JsonNode body = created.json();
    String rma = body.get("rmaNumber").asText();
    assertThat(rma).matches("RMA-\\d{6}");
    assertThat(created.header("Location")).isEqualTo("/api/returns/" + rma);
    assertThat(body.get("status").asText()).isEqualTo("APPROVED");
    assertThat(body.get("policy").get("decision").asText()).isEqualTo("AUTO_APPROVE");
    assertThat(body.get("ticketId").asText()).isEqualTo("4711");
    assertThat(body.get("lines").get(0).get("sku").asText()).isEqualTo("TSHIRT-M");
    assertThat(body.get("process").get("running").asBoolean()).isTrue();
    assertThat(body.get("process").get("currentSteps").get(0).get("name").asText()).isEqualTo("Generate return label");
    assertThat(body.get("createdBy").asText()).isEqualTo("carl");
    assertThat(body.get("channel").asText()).isEqualTo("api");
  }

  @Test
  void readingAReturnShowsRecordLinesTimelineAndProcessPosition() {
    String rma = create(aReturn().line("TV-55", ItemCategory.ELECTRONICS, 1, 1, 89_900, 0, 14_355,
        ReturnReason.NOT_AS_DESCRIBED, ItemCondition.NEW).captured(105_000));
    JsonNode body = http.as("anna").get("/api/returns/" + rma).json();
    assertThat(body.get("status").asText()).isEqualTo("UNDER_REVIEW");
    JsonNode task = body.get("process").get("openTasks").get(0);
    assertThat(task.get("name").asText()).isEqualTo("Review return request");
    assertThat(task.get("candidateGroups").get(0).asText()).isEqualTo("customer-service");
    assertThat(body.get("process").get("incidents")).isEmpty();
    List<String> events = new ArrayList<>();
    body.get("timeline")
        .forEach(entry -> events.add(entry.get("event").asText() + ":" + entry.path("status").asText("")));
    assertThat(events).containsExactly("CREATED:REQUESTED", "POLICY_DECIDED:", "STATUS_CHANGED:UNDER_REVIEW");
    assertThat(body.get("customer").get("email").asText()).endsWith("@example.com");
  }

  @Test
  void unknownReturnIsANotFoundProblem() {
    Http.Response response = carl.get("/api/returns/RMA-999999");
    assertThat(response.status()).isEqualTo(404);
    assertThat(response.header("Content-Type")).startsWith("application/problem+json");
    assertThat(response.json().get("detail").asText()).contains("RMA-999999");
  }

  @Test
  void searchFiltersByStatusOrderEmailAndTrackingAndPages() {
    ReturnRequests first = aReturn();
    String rma1 = create(first);
    String rma2 = create(aReturn().order(first.orderId() + "-B").customer("C-same-" + first.orderId(), first.email()));
    JsonNode byOrder = carl.get("/api/returns?orderId=" + first.orderId()).json();
    assertThat(byOrder.get("total").asLong()).isEqualTo(1);
    assertThat(byOrder.get("items").get(0).get("rmaNumber").asText()).isEqualTo(rma1);
    assertThat(byOrder.get("items").get(0).has("id")).as("the table's own id is not part of the API").isFalse();
    assertThat(byOrder.get("items").get(0).get("customerEmail").asText()).isEqualTo(first.email());

    JsonNode byEmail = carl.get("/api/returns?email=" + first.email().toUpperCase()).json();
    assertThat(byEmail.get("total").asLong()).isEqualTo(2);
    assertThat(byEmail.get("items").get(0).get("rmaNumber").asText()).as("newest first").isEqualTo(rma2);

    JsonNode page = carl.get("/api/returns?email=" + first.email() + "&page=1&size=1").json();
    assertThat(page.get("items")).hasSize(1);
    assertThat(page.get("items").get(0).get("rmaNumber").asText()).isEqualTo(rma1);

    JsonNode approved = carl.get("/api/returns?status=APPROVED&email=" + first.email()).json();
    assertThat(approved.get("total").asLong()).isEqualTo(2);
    assertThat(carl.get("/api/returns?status=CLOSED&email=" + first.email()).json().get("total").asLong()).isZero();

    assertThat(carl.get("/api/returns?status=NOPE").status()).isEqualTo(400);
    assertThat(carl.get("/api/returns?size=1000").status()).isEqualTo(400);
  }

  @Test
  void idempotencyKeyMakesARetriedCreateReturnTheSameReturn() {
    String key = UUID.randomUUID().toString();
    var request = aReturn().build();
    Http.Response first = carl.header("Idempotency-Key", key).post("/api/returns", request);
    Http.Response again = carl.header("Idempotency-Key", key).post("/api/returns", request);
    assertThat(first.status()).isEqualTo(201);
    assertThat(again.status()).isEqualTo(200);
    assertThat(again.header("Idempotent-Replayed")).isEqualTo("true");
    assertThat(again.json().get("rmaNumber").asText()).isEqualTo(first.json().get("rmaNumber").asText());
    assertThat(carl.get("/api/returns?orderId=" + request.order().orderId()).json().get("total").asLong()).isEqualTo(1);

    Http.Response different = carl.header("Idempotency-Key", key).post("/api/returns", aReturn().build());
    assertThat(different.status()).isEqualTo(422);
    assertThat(different.json().get("detail").asText()).contains("already used for a different request");
  }

  @Test
  void returnIsCancelledUntilTheWarehouseHasIt() {
    String rma = create(aReturn());
    Http.Response cancelled = carl.post("/api/returns/" + rma + "/cancel",
        Map.of("reason", "Customer changed their mind"));
    assertThat(cancelled.status()).isEqualTo(200);
    JsonNode process = cancelled.json().get("process");
    assertThat(process.get("currentSteps").get(0).get("name").asText()).isEqualTo("Void return label");
    assertThat(cancelled.json().get("cancelReason").asText()).isEqualTo("Customer changed their mind");

    assertThat(cancelled.json().get("status").asText()).isEqualTo("CANCELLED");
    Http.Response twice = carl.post("/api/returns/" + rma + "/cancel", Map.of("reason", "again"));
    assertThat(twice.status()).as(twice.toString()).isEqualTo(409);
    assertThat(twice.json().get("detail").asText()).contains("CANCELLED");
    assertThat(carl.post("/api/returns/" + rma + "/cancel", Map.of()).status()).isEqualTo(400);
    assertThat(carl.post("/api/returns/RMA-999999/cancel", Map.of("reason", "x")).status()).isEqualTo(404);
  }

  @Test
  void cancellingAfterArrivalIsAConflict() {
    String rma = create(aReturn());
    assertThat(http.as("walt").post("/api/warehouse/arrivals", Map.of("scanId", "scan-" + rma, "rmaNumber", rma,
        "scannedAt", "2026-11-20T10:00:00Z")).status()).isIn(200, 202);
    Http.Response cancel = carl.post("/api/returns/" + rma + "/cancel", Map.of("reason", "too late"));
    if (carl.get("/api/returns/" + rma).json().get("status").asText().equals("RECEIVED")) {
      assertThat(cancel.status()).isEqualTo(409);
      assertThat(cancel.json().get("detail").asText()).contains("RECEIVED");
    }
  }

  @Test
  void accessFollowsTheGroups() {
    var request = aReturn().build();
    assertThat(http.post("/api/returns", request).status()).isEqualTo(401);
    assertThat(http.post("/api/returns", request).header("WWW-Authenticate")).startsWith("Basic");
    // an unknown user: wrong passwords for a real one would count towards its throttle from this address
    assertThat(http.as("nobody", "wrong-password").get("/api/returns").status()).isEqualTo(401);
    assertThat(http.as("walt").post("/api/returns", request).status()).isEqualTo(403);
    assertThat(http.as("anna").post("/api/returns", request).status()).isEqualTo(403);
    assertThat(http.as("shipbot").post("/api/returns", request).status()).isEqualTo(403);
    assertThat(http.as("anna").get("/api/returns").status()).isEqualTo(200);
    assertThat(http.as("walt").get("/api/returns").status()).isEqualTo(200);
    assertThat(http.as("shipbot").get("/api/returns").status()).isEqualTo(403);
    assertThat(http.as("walt").post("/api/carrier/events", Map.of()).status()).isEqualTo(403);
    assertThat(http.as("anna").post("/api/warehouse/arrivals", Map.of()).status()).isEqualTo(403);
    assertThat(http.as("fiona").post("/api/returns/RMA-001000/cancel", Map.of("reason", "x")).status()).isEqualTo(403);
    assertThat(http.as("admin").post("/api/returns", request).status()).isEqualTo(201);
  }

  @Test
  void theApiIsDescribedByOpenApi() {
    Http.Response docs = http.get("/v3/api-docs");
    assertThat(docs.status()).isEqualTo(200);
    JsonNode paths = docs.json().get("paths");
    assertThat(paths.has("/api/returns")).isTrue();
    assertThat(paths.has("/api/returns/{rmaNumber}")).isTrue();
    assertThat(paths.has("/api/returns/{rmaNumber}/cancel")).isTrue();
    assertThat(paths.has("/api/warehouse/arrivals")).isTrue();
    assertThat(paths.has("/api/carrier/events")).isTrue();
    assertThat(docs.json().get("components").get("securitySchemes").has("basic")).isTrue();
    assertThat(http.get("/swagger-ui/index.html").status()).isEqualTo(200);
  }

  private String create(ReturnRequests request) {
    Http.Response response = carl.post("/api/returns", request.build());
    assertThat(response.status()).as(response.toString()).isEqualTo(201);
    return response.json().get("rmaNumber").asText();
  }
}
