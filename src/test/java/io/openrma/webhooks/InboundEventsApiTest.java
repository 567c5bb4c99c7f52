package io.openrma.webhooks;

import static io.openrma.support.ReturnRequests.aReturn;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import io.openrma.process.MessageInbox;
import io.openrma.returns.ItemCategory;
import io.openrma.returns.ItemCondition;
import io.openrma.returns.ReturnReason;
import io.openrma.returns.ReturnService;
import io.openrma.returns.ReturnStatus;
import io.openrma.support.Http;
import io.openrma.support.LifecycleDriver;
import io.openrma.support.WebAppTest;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Arrival scans and carrier events over HTTP: once, early, late, unknown, repeated. */
@WebAppTest
class InboundEventsApiTest {

  @LocalServerPort
  int port;
  @Autowired
  ProcessEngine engine;
  @Autowired
  ReturnService returns;
  @Autowired
  MessageInbox inbox;

  Http walt;
  Http shipbot;
  @Autowired
  LifecycleDriver lifecycle;

  @BeforeEach
  void setUp() {
    Http http = new Http(port);
    walt = http.as("walt");
    shipbot = http.as("shipbot");
  }

  @Test
  void pickUpAndArrivalMoveTheReturnOnceEachAndRepeatsChangeNothing() {
    String rma = labelled();
    String tracking = returns.get(rma).label().trackingNumber();

    Http.Response pickup = shipbot.post("/api/carrier/events", carrier("ev-" + rma, tracking, "PICKED_UP"));
    assertThat(pickup.status()).isEqualTo(200);
    assertThat(pickup.json().get("outcome").asText()).isEqualTo("DELIVERED");
    assertThat(pickup.json().get("status").asText()).isEqualTo("IN_TRANSIT");

    Http.Response again = shipbot.post("/api/carrier/events", carrier("ev-" + rma, tracking, "PICKED_UP"));
    assertThat(again.status()).isEqualTo(200);
    assertThat(again.json().get("alreadyProcessed").asBoolean()).isTrue();

    Http.Response delivered = shipbot.post("/api/carrier/events", carrier("ev2-" + rma, tracking, "DELIVERED"));
    assertThat(delivered.json().get("outcome").asText()).isEqualTo("RECORDED");

    Http.Response scan = walt.post("/api/warehouse/arrivals",
        Map.of("scanId", "scan-" + rma, "trackingNumber", tracking,
            "scannedAt", "2026-11-20T10:00:00Z", "location", "DOCK-2", "lines",
            java.util.List.of(Map.of("sku", "TSHIRT-M", "quantity", 1))));
    assertThat(scan.status()).isEqualTo(200);
    assertThat(scan.json().get("status").asText()).isEqualTo("RECEIVED");
    Http.Response rescan = walt.post("/api/warehouse/arrivals", Map.of("scanId", "scan-" + rma, "rmaNumber", rma,
        "scannedAt", "2026-11-20T10:00:00Z"));
    assertThat(rescan.status()).isEqualTo(200);
    assertThat(rescan.json().get("outcome").asText()).isEqualTo("DUPLICATE");
    assertThat(rescan.json().get("message").asText()).contains("Already processed");
    assertThat(engine.getTaskService().createTaskQuery().processInstanceBusinessKey(rma).count()).isEqualTo(1);
    assertThat(returns.timeline(returns.get(rma))).filteredOn(t -> t.event().equals("ARRIVAL_SCAN")).hasSize(1)
        .first().satisfies(t -> assertThat(t.detail()).contains("DOCK-2").contains("1x TSHIRT-M"));
  }

  @Test
  void scanBeforeTheReturnIsReadyIsKeptAndDeliveredLater() {
    String rma = lifecycle.create(aReturn().line("TV-55", ItemCategory.ELECTRONICS, 1, 1, 89_900, 0, 14_355,
        ReturnReason.DOES_NOT_FIT, ItemCondition.NEW).captured(105_000).build());
    Http.Response early = walt.post("/api/warehouse/arrivals", Map.of("scanId", "early-" + rma, "rmaNumber", rma,
        "scannedAt", "2026-11-20T10:00:00Z"));
    assertThat(early.status()).isEqualTo(202);
    assertThat(early.json().get("outcome").asText()).isEqualTo("QUEUED");
    assertThat(early.json().get("status").asText()).isEqualTo("UNDER_REVIEW");

    lifecycle.complete(rma, "carl", Map.of("reviewDecision", "APPROVE"));
    lifecycle.runUntil(rma, ReturnStatus.RECEIVED);
  }

  @Test
  void unknownReturnsAreNotFoundProblems() {
    Http.Response scan = walt.post("/api/warehouse/arrivals", Map.of("scanId", "x1", "rmaNumber", "RMA-999998",
        "scannedAt", "2026-11-20T10:00:00Z"));
    assertThat(scan.status()).isEqualTo(404);
    assertThat(scan.header("Content-Type")).startsWith("application/problem+json");
    assertThat(walt.post("/api/warehouse/arrivals", Map.of("scanId", "x2", "trackingNumber", "NOPE",
        "scannedAt", "2026-11-20T10:00:00Z")).status()).isEqualTo(404);
    assertThat(shipbot.post("/api/carrier/events", carrier("x3", "NOPE", "PICKED_UP")).status()).isEqualTo(404);
  }

  @Test
  void scanOfACancelledReturnIsAConflictAndChangesNothing() {
    String rma = labelled();
    returns.cancel(rma, "changed mind", io.openrma.returns.Actor.user("carl"));
    Http.Response scan = walt.post("/api/warehouse/arrivals", Map.of("scanId", "late-" + rma, "rmaNumber", rma,
        "scannedAt", "2026-11-20T10:00:00Z"));
    assertThat(scan.status()).isEqualTo(409);
    assertThat(scan.json().get("detail").asText()).contains("CANCELLED").contains("return it to the sender");
    // refused, so not recorded either: the same scan id is not "already processed" later
    assertThat(returns.timeline(returns.get(rma))).noneMatch(t -> t.event().equals("ARRIVAL_SCAN"));
  }

  @Test
  void incompleteEventsAreProblemsNamingTheField() {
    Http.Response noId = walt.post("/api/warehouse/arrivals",
        Map.of("rmaNumber", "RMA-001000", "scannedAt", "2026-11-20T10:00:00Z"));
    assertThat(noId.status()).isEqualTo(400);
    assertThat(noId.json().get("errors").get(0).get("field").asText()).isEqualTo("scanId");
    Http.Response noReturn = walt.post("/api/warehouse/arrivals",
        Map.of("scanId", "s", "scannedAt", "2026-11-20T10:00:00Z"));
    assertThat(noReturn.status()).isEqualTo(400);
    assertThat(noReturn.json().get("errors").get(0).get("field").asText()).isEqualTo("rmaNumber");
    Http.Response badType = shipbot.post("/api/carrier/events", carrier("e", "T", "TELEPORTED"));
    assertThat(badType.status()).isEqualTo(400);
    assertThat(badType.json().get("errors").get(0).get("field").asText()).isEqualTo("type");
  }

  private String labelled() {
    String rma = lifecycle.create(aReturn().build());
    lifecycle.runJobs(rma);
    assertThat(returns.get(rma).status()).isEqualTo(ReturnStatus.LABEL_ISSUED);
    return rma;
  }

  private static Map<String, Object> carrier(String eventId, String tracking, String type) {
    return Map.of("eventId", eventId, "trackingNumber", tracking, "type", type, "occurredAt", "2026-11-20T09:00:00Z");
  }
}
