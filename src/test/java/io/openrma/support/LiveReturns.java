package io.openrma.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.openrma.process.InspectionGrades;
import io.openrma.process.InspectionGrades.Grade;
import io.openrma.returns.Disposition;
import io.openrma.returns.ItemCondition;
import io.openrma.support.standins.ShipStationApi;
import io.openrma.support.standins.StripeApi;

/**
 * The steps of a return as people and partner systems take them, over the app's HTTP API: carl
 * creates it, ShipStation reports the pick-up (signed webhook), walt scans and inspects it, Stripe
 * reports refund outcomes (signed webhook).
 */
public final class LiveReturns {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final Supplier<Http> nodes;
  private final Jobs jobs;

  public LiveReturns(int port, Jobs jobs) {
    Http http = new Http(port);
    this.nodes = () -> http;
    this.jobs = jobs;
  }

  /**
   * Against several nodes: each request goes to the node {@code nodes} names next. The nodes' job
   * executors run the steps, so there is no {@link #jobs()}.
   */
  public LiveReturns(Supplier<Http> nodes) {
    this.nodes = nodes;
    this.jobs = null;
  }

  public Http http() {
    return nodes.get();
  }

  /** The engine side: the return's jobs, run as the job executor would. */
  public Jobs jobs() {
    assertThat(jobs).as("jobs run by the nodes' job executors").isNotNull();
    return jobs;
  }

  /**
   * A request the return policy approves automatically with a 15 % restocking fee (opened electronics,
   * does not fit), delivered five days before {@code today}: 199.00 EUR, refund 169.15 EUR. Use a new
   * {@code customerId} per return.
   */
  public static Map<String, Object> openedElectronics(String customerId, String paymentIntentId, LocalDate today) {
    return Map.of(
        "order", Map.of("orderId", "SO-" + customerId, "orderDate", today.minusDays(8).toString(),
            "deliveryDate", today.minusDays(5).toString(), "currency", "EUR", "amountCaptured", 19900,
            "paymentIntentId", paymentIntentId),
        // a customer of their own: five returns of one customer within a year go to review ("frequent returner")
        "customer", Map.of("customerId", customerId, "name", "Jane Doe", "email", customerId + "@customers.example",
            "address", Map.of("line1", "Main St 1", "city", "Berlin", "postalCode", "10115", "country", "DE")),
        "lines", List.of(Map.of("sku", "HEADPHONES-1", "description", "Headphones", "category", "ELECTRONICS",
            "quantityOrdered", 1, "quantityReturned", 1, "unitPrice", 19900, "reason", "DOES_NOT_FIT",
            "condition", "OPENED")));
  }

  public static String id(String prefix) {
    return prefix + UUID.randomUUID().toString().replace("-", "").substring(0, 14);
  }

  /** Creates the return as carl; returns its RMA number. */
  public String create(Object request) {
    Http.Response response = http().as("carl").post("/api/returns", request);
    assertThat(response.status()).as(response.body()).isEqualTo(201);
    return response.json().get("rmaNumber").asText();
  }

  public JsonNode get(String rmaNumber) {
    return http().as("carl").get("/api/returns/" + rmaNumber).json();
  }

  public String status(String rmaNumber) {
    return get(rmaNumber).get("status").asText();
  }

  public List<String> timelineEvents(String rmaNumber) {
    List<String> events = new ArrayList<>();
    get(rmaNumber).get("timeline").forEach(entry -> events.add(entry.get("event").asText()));
    return events;
  }

  /** The statuses the return went through, in order. */
  public List<String> statuses(String rmaNumber) {
    List<String> statuses = new ArrayList<>();
    get(rmaNumber).get("timeline").forEach(entry -> {
      if (entry.hasNonNull("status")) {
        statuses.add(entry.get("status").asText());
      }
    });
    return statuses;
  }

  /** ShipStation's signed tracking webhook. */
  public Http.Response shipStationEvent(String body) {
    String timestamp = Instant.now().toString();
    return shipStationEvent(body, StandIns.SHIPSTATION_SIGNER.keyId(), timestamp,
        StandIns.SHIPSTATION_SIGNER.sign(timestamp, body));
  }

  public Http.Response shipStationEvent(String body, String keyId, String timestamp, String signature) {
    HttpRequest.Builder request = http().request("/webhooks/shipstation").header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body));
    if (keyId != null) {
      request.header("x-shipengine-rsa-sha256-key-id", keyId);
    }
    if (timestamp != null) {
      request.header("x-shipengine-timestamp", timestamp);
    }
    if (signature != null) {
      request.header("x-shipengine-rsa-sha256-signature", signature);
    }
    return http().send(request);
  }

  /** The carrier accepted the parcel: ShipStation's {@code AC} scan. */
  public void pickUp(String trackingNumber) {
    Http.Response response = shipStationEvent(ShipStationApi.trackEvent(trackingNumber, "AC", "Picked up",
        Instant.now().minusSeconds(60).toString()));
    assertThat(response.status()).as(response.body()).isEqualTo(200);
  }

  /** Stripe's signed webhook, signed now with the endpoint's secret. */
  public Http.Response stripeEvent(String payload) {
    return stripeEvent(payload, StripeApi.signature(payload, StripeApi.WEBHOOK_SECRET, Instant.now().getEpochSecond()));
  }

  public Http.Response stripeEvent(String payload, String signature) {
    HttpRequest.Builder request = http().request("/webhooks/stripe").header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(payload));
    if (signature != null) {
      request.header("Stripe-Signature", signature);
    }
    return http().send(request);
  }

  /** The carrier's own event API, as the machine user {@code shipbot}. */
  public Http.Response carrierEvent(String eventId, String trackingNumber, String type) {
    return http().as("shipbot").post("/api/carrier/events", Map.of("eventId", eventId, "trackingNumber",
        trackingNumber, "type", type, "occurredAt", Instant.now().toString()));
  }

  /** walt scans the parcel at dock 1; the answer is the caller's to check. */
  public Http.Response scan(String rmaNumber, String scanId) {
    return http().as("walt").post("/api/warehouse/arrivals", scanOf(rmaNumber, scanId));
  }

  /** The body of a scan at dock 1, now. */
  public static Map<String, Object> scanOf(String rmaNumber, String scanId) {
    return Map.of("scanId", scanId, "rmaNumber", rmaNumber, "scannedAt", Instant.now().toString(), "location",
        "DOCK-1");
  }

  /** walt scans the parcel, at the time given, with no location. */
  public void arrive(String rmaNumber, Instant scannedAt) {
    Http.Response response = http().as("walt").post("/api/warehouse/arrivals",
        Map.of("scanId", "SCAN-" + rmaNumber, "rmaNumber", rmaNumber, "scannedAt", scannedAt.toString()));
    assertThat(response.status()).as(response.toString()).isEqualTo(200);
  }

  /** walt scans the parcel at the warehouse. */
  public void arrive(String rmaNumber) {
    Http.Response response = http().as("walt").post("/api/warehouse/arrivals", Map.of("scanId", "SCAN-" + rmaNumber,
        "rmaNumber", rmaNumber, "scannedAt", Instant.now().toString(), "location", "Dock 2"));
    assertThat(response.status()).as(response.body()).isEqualTo(200);
  }

  /** walt grades every line as new and restocks it. */
  public void inspectAllAsNew(String rmaNumber) {
    inspect(rmaNumber, ItemCondition.NEW.name(), Disposition.RESTOCK.name());
  }

  /**
   * walt grades every line, all units received, in Tasklist's way: completing the task over the engine's
   * REST API.
   */
  public void inspect(String rmaNumber, String condition, String disposition) {
    Http.Response completed = completeInspection(rmaNumber, condition, disposition);
    assertThat(completed.status()).as(completed.body()).isEqualTo(204);
  }

  /** walt completes the inspection with these grades; the answer is the caller's to check. */
  public Http.Response completeInspection(String rmaNumber, String condition, String disposition) {
    JsonNode tasks = http().as("walt").get("/engine-rest/task?processInstanceBusinessKey=" + rmaNumber
        + "&taskDefinitionKey=InspectReturnedItems").json();
    assertThat(tasks).hasSize(1);
    List<Grade> grades = new ArrayList<>();
    get(rmaNumber).get("lines").forEach(line -> grades.add(new Grade(line.get("lineNo").asInt(),
        line.get("quantityReturned").asInt(), condition, disposition, "")));
    String inspection = InspectionGrades.json(grades);
    return http().as("walt").post("/engine-rest/task/" + tasks.get(0).get("id").asText() + "/complete",
        Map.of("variables", Map.of("inspectionLines", Map.of("value", inspection, "type", "Json"))));
  }

  /** fiona decides "Resolve refund problem" in Tasklist's way, over the engine's REST API. */
  public void resolveRefundProblem(String rmaNumber, String decision, String comment) {
    Http.Response completed = decideRefundProblem(rmaNumber, decision, comment);
    assertThat(completed.status()).as(completed.body()).isEqualTo(204);
  }

  /** fiona completes "Resolve refund problem"; the answer is the caller's to check. */
  public Http.Response decideRefundProblem(String rmaNumber, String decision, String comment) {
    JsonNode tasks = http().as("fiona").get("/engine-rest/task?processInstanceBusinessKey=" + rmaNumber
        + "&taskDefinitionKey=ResolveRefundProblem").json();
    assertThat(tasks).hasSize(1);
    Map<String, Object> variables = new java.util.LinkedHashMap<>();
    variables.put("refundProblemDecision", Map.of("value", decision));
    if (comment != null) {
      variables.put("refundProblemComment", Map.of("value", comment));
    }
    return http().as("fiona").post("/engine-rest/task/" + tasks.get(0).get("id").asText() + "/complete",
        Map.of("variables", variables));
  }

  /** From a created return to the refund: label, pick-up, arrival, inspection; the jobs in between run. */
  public void shipAndInspect(String rmaNumber, String trackingNumber) {
    jobs.runUntilWaiting(rmaNumber);
    assertThat(status(rmaNumber)).isEqualTo("LABEL_ISSUED");
    pickUp(trackingNumber);
    assertThat(status(rmaNumber)).isEqualTo("IN_TRANSIT");
    arrive(rmaNumber);
    inspectAllAsNew(rmaNumber);
  }
}
