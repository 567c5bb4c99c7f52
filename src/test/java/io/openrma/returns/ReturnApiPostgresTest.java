package io.openrma.returns;

import static io.openrma.support.ReturnRequests.aReturn;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.fasterxml.jackson.databind.JsonNode;
import io.openrma.process.MessageInbox;
import io.openrma.support.Http;
import io.openrma.support.LifecycleDriver;
import io.openrma.support.PostgresTest;
import io.openrma.support.WebappSession;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The returns API on PostgreSQL with the production profile, including what only a real database
 * shows: concurrent duplicates of one scan, one idempotency key sent many times at once.
 */
@PostgresTest
class ReturnApiPostgresTest {

  @LocalServerPort
  int port;
  @Autowired
  ProcessEngine engine;
  @Autowired
  ReturnService returns;
  @Autowired
  MessageInbox inbox;
  @Autowired
  JdbcClient jdbc;

  Http carl;
  Http walt;
  @Autowired
  LifecycleDriver lifecycle;

  @BeforeEach
  void setUp() {
    Http http = new Http(port);
    carl = http.as("carl");
    walt = http.as("walt");
  }

  @Test
  void createReadSearchAndCancelOnPostgres() {
    var request = aReturn();
    Http.Response created = carl.post("/api/returns", request.build());
    assertThat(created.status()).isEqualTo(201);
    String rma = created.json().get("rmaNumber").asText();

    JsonNode read = carl.get("/api/returns/" + rma).json();
    assertThat(read.get("order").get("orderId").asText()).isEqualTo(request.orderId());
    assertThat(read.get("lines").get(0).get("tax").asLong()).isEqualTo(855);
    List<String> statuses = new ArrayList<>();
    read.get("timeline").forEach(t -> statuses.add(t.path("status").asText("")));
    assertThat(statuses).filteredOn(s -> !s.isEmpty()).containsExactly("REQUESTED", "APPROVED");
    assertThat(carl.get("/api/returns?email=" + request.email()).json().get("total").asLong()).isEqualTo(1);
    assertThat(carl.get("/api/returns?orderId=" + request.orderId() + "&status=APPROVED").json().get("total").asLong())
        .isEqualTo(1);

    lifecycle.runJobs(rma);
    String tracking = returns.get(rma).label().trackingNumber();
    assertThat(carl.get("/api/returns?tracking=" + tracking).json().get("items").get(0).get("rmaNumber").asText())
        .isEqualTo(rma);

    Http.Response cancelled = carl.post("/api/returns/" + rma + "/cancel", Map.of("reason", "ordered twice"));
    assertThat(cancelled.json().get("status").asText()).isEqualTo("CANCELLED");
    lifecycle.runJobs(rma);
    assertThat(carl.get("/api/returns/" + rma).json().get("process").get("running").asBoolean()).isFalse();
  }

  @Test
  void concurrentCopiesOfOneScanMoveTheReturnExactlyOnce() throws Exception {
    String rma = lifecycle.create(aReturn().build());
    lifecycle.runJobs(rma);
    Map<String, Object> scan = Map.of("scanId", "scan-" + rma, "rmaNumber", rma, "scannedAt", "2026-11-20T10:00:00Z");

    List<Http.Response> responses = concurrently(8, () -> walt.post("/api/warehouse/arrivals", scan));

    assertThat(responses).allSatisfy(r -> assertThat(r.status()).as(r.toString()).isEqualTo(200));
    assertThat(responses).filteredOn(r -> r.json().get("outcome").asText().equals("DELIVERED")).hasSize(1);
    assertThat(responses).filteredOn(r -> r.json().get("alreadyProcessed").asBoolean()).hasSize(7);
    assertThat(engine.getTaskService().createTaskQuery().processInstanceBusinessKey(rma).count()).isEqualTo(1);
    assertThat(jdbc.sql("SELECT COUNT(*) FROM rma_inbox WHERE event_id = :id").param("id", "scan-" + rma)
        .query(Long.class).single()).isEqualTo(1);
    assertThat(returns.get(rma).status()).isEqualTo(ReturnStatus.RECEIVED);
  }

  @Test
  void twoDifferentScansOfOneParcelAtOnceMoveItOnce() throws Exception {
    String rma = lifecycle.create(aReturn().build());
    lifecycle.runJobs(rma);
    int[] n = {0};
    List<Http.Response> responses = concurrently(2, () -> {
      String id;
      synchronized (n) {
        id = "dock-" + (n[0]++) + "-" + rma;
      }
      return walt.post("/api/warehouse/arrivals",
          Map.of("scanId", id, "rmaNumber", rma, "scannedAt", "2026-11-20T10:00:00Z"));
    });
    assertThat(responses).allSatisfy(r -> assertThat(r.status()).as(r.toString()).isIn(200, 202));
    assertThat(responses).filteredOn(r -> r.json().get("outcome").asText().equals("DELIVERED")).hasSize(1);
    assertThat(engine.getTaskService().createTaskQuery().processInstanceBusinessKey(rma).count()).isEqualTo(1);
  }

  @Test
  void oneIdempotencyKeySentManyTimesAtOnceCreatesOneReturn() throws Exception {
    var request = aReturn().build();
    String key = UUID.randomUUID().toString();
    List<Http.Response> responses = concurrently(6,
        () -> carl.header("Idempotency-Key", key).post("/api/returns", request));
    assertThat(responses).allSatisfy(r -> assertThat(r.status()).as(r.toString()).isIn(200, 201));
    assertThat(responses).extracting(r -> r.json().get("rmaNumber").asText()).containsOnly(
        responses.get(0).json().get("rmaNumber").asText());
    assertThat(jdbc.sql("SELECT COUNT(*) FROM rma_return WHERE order_id = :o").param("o", request.order().orderId())
        .query(Long.class).single()).isEqualTo(1);
  }

  @Test
  void cookiesAreSecureUnderTheProductionProfile() {
    WebappSession session = new WebappSession(port);
    HttpResponse<String> welcome = session.get("/camunda/app/welcome/default/");
    assertThat(session.cookiesSetBy(welcome))
        .anySatisfy(cookie -> assertThat(cookie).startsWith("JSESSIONID=").contains("Secure").contains("HttpOnly"));
    assertThat(session.cookiesSetBy(welcome)).anySatisfy(
        cookie -> assertThat(cookie).startsWith("XSRF-TOKEN=").contains("Secure").contains("SameSite=Strict"));
  }

  private static List<Http.Response> concurrently(int threads, Callable<Http.Response> call) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<Http.Response>> futures = new ArrayList<>();
    for (int i = 0; i < threads; i++) {
      futures.add(pool.submit(() -> {
        start.await();
        return call.call();
      }));
    }
    start.countDown();
    List<Http.Response> responses = new ArrayList<>();
    for (Future<Http.Response> future : futures) {
      responses.add(future.get());
    }
    pool.shutdown();
    return responses;
  }
}
