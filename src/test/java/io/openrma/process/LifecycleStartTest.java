package io.openrma.process;

import static io.openrma.support.ReturnRequests.aReturn;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

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

/**
 * The lifecycle starts only through the returns API: Tasklist does not offer it, and a start an
 * administrator sends to {@code /engine-rest} for a return that has had its lifecycle, has one running
 * or does not exist is a 400 that changes nothing. Standalone tasks are for administrators only.
 */
@WebAppTest
class LifecycleStartTest {

  private static final String START = "/engine-rest/process-definition/key/" + ProcessIds.RMA_LIFECYCLE + "/start";

  @LocalServerPort
  int port;
  @Autowired
  ProcessEngine engine;
  @Autowired
  LifecycleDriver lifecycle;
  @Autowired
  ReturnService returns;
  Http http;

  @BeforeEach
  void setUp() {
    http = new Http(port);
  }

  @Test
  void tasklistDoesNotOfferToStartTheLifecycle() {
    for (String user : new String[]{"admin", "walt"}) {
      Http.Response startable = http.as(user).get("/engine-rest/process-definition?latestVersion=true"
          + "&startableInTasklist=true&key=" + ProcessIds.RMA_LIFECYCLE);
      assertThat(startable.status()).isEqualTo(200);
      assertThat(startable.json()).as(user + ": " + startable).isEmpty();
    }
    // what Tasklist's "Start process" dialog lists for warehouse staff: nothing they may start
    Http.Response offered = http.as("walt").get("/engine-rest/process-definition?latestVersion=true"
        + "&startableInTasklist=true&startablePermissionCheck=true&active=true");
    assertThat(offered.json()).as(offered.toString()).isEmpty();
  }

  @Test
  void anAdminsStartForAClosedReturnIsRefusedAndChangesNothing() {
    String rma = lifecycle.create(aReturn().build());
    lifecycle.runJobs(rma);
    lifecycle.pickedUp(rma, "pickup-" + rma);
    lifecycle.arrived(rma, "scan-" + rma);
    lifecycle.inspect(rma, "NEW", "RESTOCK");
    lifecycle.runJobs(rma);
    assertThat(lifecycle.status(rma)).isEqualTo(ReturnStatus.CLOSED);
    int timeline = returns.timeline(lifecycle.record(rma)).size();
    long instances = instancesOf(rma);

    Http.Response start = http.as("admin").post(START, Map.of("businessKey", rma));

    assertThat(start.status()).as(start.toString()).isEqualTo(400);
    assertThat(start.json().path("message").asText()).contains(rma).contains("CLOSED").contains("POST /api/returns");
    assertThat(lifecycle.status(rma)).isEqualTo(ReturnStatus.CLOSED);
    assertThat(returns.timeline(lifecycle.record(rma))).hasSize(timeline);
    assertThat(instancesOf(rma)).isEqualTo(instances);
  }

  @Test
  void aStartForAReturnThatDoesNotExistOrWithoutOneIsRefused() {
    Http admin = http.as("admin");

    Http.Response unknown = admin.post(START, Map.of("businessKey", "RMA-999999"));
    assertThat(unknown.status()).as(unknown.toString()).isEqualTo(400);
    assertThat(unknown.json().path("message").asText()).contains("There is no return RMA-999999");
    assertThat(instancesOf("RMA-999999")).isZero();

    Http.Response withoutReturn = admin.post(START, Map.of());
    assertThat(withoutReturn.status()).as(withoutReturn.toString()).isEqualTo(400);
    assertThat(withoutReturn.json().path("message").asText()).contains("business key");
  }

  @Test
  void aSecondLifecycleBesideARunningOneIsRefused() {
    String rma = lifecycle.create(aReturn().build());
    lifecycle.runJobs(rma);
    ReturnStatus before = lifecycle.status(rma);

    Http.Response start = http.as("admin").post(START, Map.of("businessKey", rma));

    assertThat(start.status()).as(start.toString()).isEqualTo(400);
    assertThat(start.json().path("message").asText()).contains("already running");
    assertThat(lifecycle.status(rma)).isEqualTo(before);
    assertThat(instancesOf(rma)).isEqualTo(1);
  }

  @Test
  void aRefundProblemAfterClosingIsRefusedForAReturnThatIsNotClosed() {
    String rma = lifecycle.create(aReturn().build());
    lifecycle.runJobs(rma);
    ReturnStatus before = lifecycle.status(rma);

    Http.Response correlate = http.as("admin").post("/engine-rest/message", Map.of(
        "messageName", ProcessIds.MSG_REFUND_FAILED_AFTER_CLOSE, "businessKey", rma));

    assertThat(correlate.status()).as(correlate.toString()).isEqualTo(400);
    assertThat(lifecycle.status(rma)).isEqualTo(before);
    assertThat(instancesOf(rma)).isEqualTo(1);
  }

  @Test
  void onlyAdministratorsCreateStandaloneTasks() {
    for (String worker : new String[]{"carl", "walt", "fiona", "anna"}) {
      String name = "standalone-" + worker + "-" + System.nanoTime();
      Http.Response create = http.as(worker).post("/engine-rest/task/create", Map.of("name", name));
      assertThat(create.status()).as(worker + ": " + create).isEqualTo(403);
      assertThat(engine.getTaskService().createTaskQuery().taskName(name).count()).isZero();
    }
  }

  private long instancesOf(String rma) {
    return engine.getHistoryService().createHistoricProcessInstanceQuery().processInstanceBusinessKey(rma).count();
  }
}
