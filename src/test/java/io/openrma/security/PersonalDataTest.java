package io.openrma.security;

import static io.openrma.support.ReturnRequests.aReturn;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.openrma.process.MessageInbox;
import io.openrma.returns.ReturnService;
import io.openrma.support.Http;
import io.openrma.support.LifecycleDriver;
import io.openrma.support.ReturnRequests;
import io.openrma.support.WebAppTest;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A customer's email and address stay in OpenRMA's record: never in process variables, the engine's
 * history or incident messages, even on the path where customer service edits the address. And a
 * customer can be erased.
 */
@WebAppTest
class PersonalDataTest {

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

  @Autowired
  LifecycleDriver lifecycle;
  Http admin;

  @BeforeEach
  void setUp() {
    admin = new Http(port).as("admin");
  }

  @Test
  void emailAndAddressNeverReachTheEngine() {
    String street = "INVALID Zebrastreifen " + System.nanoTime() % 10_000;
    String name = "Erika Mustermann-" + System.nanoTime() % 10_000;
    ReturnRequests request = aReturn().addressLine1(street).name(name);
    String rma = lifecycle.create(request.build());
    lifecycle.runJobs(rma); // the carrier refuses the address: customer service fixes it in a form
    String fixed = "Quagga-Allee " + System.nanoTime() % 10_000;
    lifecycle.complete(rma, "carl", Map.of("pii_line1", fixed));
    lifecycle.runJobs(rma);
    lifecycle.pickedUp(rma, "pickup-" + rma);
    lifecycle.arrived(rma, "scan-" + rma);
    lifecycle.inspect(rma, "NEW", "RESTOCK");
    lifecycle.runJobs(rma);
    assertThat(returns.get(rma).status().name()).isEqualTo("CLOSED");

    // the name is shown on forms while a task is open (task-local, never in history); the task has ended
    for (String secret : List.of(request.email(), street, fixed, name)) {
      assertThat(engineTablesContaining(secret)).as("engine tables holding '" + secret + "'").isEmpty();
    }
  }

  @Test
  void anAdministratorErasesACustomerWhoseReturnsHaveEnded() {
    String customerId = "C-erase-" + System.nanoTime();
    String email = "erase.me." + System.nanoTime() + "@example.com";
    String rma = lifecycle.create(aReturn().customer(customerId, email).build());
    lifecycle.runJobs(rma);

    Http.Response tooEarly = admin.post("/api/customers/" + customerId + "/erase", Map.of());
    assertThat(tooEarly.status()).isEqualTo(409);
    assertThat(tooEarly.json().get("detail").asText()).contains(rma);

    admin.post("/api/returns/" + rma + "/cancel", Map.of("reason", "Jane Doe wrote from " + email));
    lifecycle.runJobs(rma);
    assertThat(new Http(port).as("carl").post("/api/customers/" + customerId + "/erase", Map.of()).status())
        .isEqualTo(403);

    Http.Response erased = admin.post("/api/customers/" + customerId + "/erase", Map.of());
    assertThat(erased.status()).as(erased.toString()).isEqualTo(200);
    assertThat(erased.json().get("rmaNumbers").get(0).asText()).isEqualTo(rma);

    JsonNode record = admin.get("/api/returns/" + rma).json();
    assertThat(record.get("customer").get("name").asText()).isEqualTo("[erased]");
    assertThat(record.get("customer").get("email").asText()).doesNotContain(email);
    assertThat(record.get("customer").get("address").get("line1").asText()).isEqualTo("[erased]");
    assertThat(record.get("status").asText()).isEqualTo("CANCELLED");
    assertThat(record.get("lines").get(0).get("sku").asText()).isEqualTo("TSHIRT-M");
    assertThat(record.toString()).doesNotContain(email).doesNotContain("Jane Doe");
    assertThat(engine.getHistoryService().createHistoricProcessInstanceQuery().processInstanceBusinessKey(rma).count())
        .isZero();
    assertThat(admin.post("/api/customers/C-nobody/erase", Map.of()).status()).isEqualTo(404);
  }

  /** Every engine table row whose text columns or byte arrays contain {@code secret}. */
  private List<String> engineTablesContaining(String secret) {
    List<String> hits = new java.util.ArrayList<>();
    for (String table : List.of("ACT_RU_VARIABLE", "ACT_HI_VARINST", "ACT_HI_DETAIL", "ACT_RU_INCIDENT",
        "ACT_HI_INCIDENT",
        "ACT_RU_JOB", "ACT_HI_JOB_LOG", "ACT_HI_OP_LOG", "ACT_HI_DEC_IN", "ACT_HI_DEC_OUT", "ACT_RU_TASK",
        "ACT_HI_TASKINST")) {
      for (Map<String, Object> row : jdbc.sql("SELECT * FROM " + table).query().listOfRows()) {
        if (row.values().stream().anyMatch(value -> value != null && text(value).contains(secret))) {
          hits.add(table + ": " + row);
        }
      }
    }
    for (byte[] bytes : jdbc.sql("SELECT BYTES_ FROM ACT_GE_BYTEARRAY WHERE BYTES_ IS NOT NULL")
        .query((rs, n) -> rs.getBytes(1)).list()) {
      if (new String(bytes, StandardCharsets.UTF_8).contains(secret)) {
        hits.add("ACT_GE_BYTEARRAY");
      }
    }
    return hits;
  }

  private static String text(Object value) {
    return value instanceof byte[] bytes ? new String(bytes, StandardCharsets.UTF_8) : value.toString();
  }
}
