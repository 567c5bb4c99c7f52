package io.openrma.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.openrma.support.Jobs;
import io.openrma.support.LiveReturns;
import io.openrma.support.MutableClock;
import io.openrma.support.OpsTest;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.Test;
import org.springframework.test.annotation.DirtiesContext;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * With the profile json-logs, every log line is a JSON object naming the return and its process instance. A
 * context of its own: Spring Boot sets up logging anew with every context it starts, so when another test
 * class started one since the cached ops context, its log lines would be plain text.
 */
@OpsTest
@DirtiesContext(classMode = DirtiesContext.ClassMode.BEFORE_CLASS)
@ExtendWith(OutputCaptureExtension.class)
class JsonLogsTest {

  static final ObjectMapper JSON = new ObjectMapper();

  @LocalServerPort
  int port;
  @Autowired
  ProcessEngine engine;
  @Autowired
  MutableClock clock;

  @Test
  void logLinesOfAProcessStepCarryTheRmaNumberAndTheProcessInstance(CapturedOutput output) {
    clock.set(Instant.parse("2026-08-01T08:00:00Z"));
    LiveReturns lifecycle = new LiveReturns(port, new Jobs(engine));
    String rma = lifecycle.create(LiveReturns.openedElectronics("logs-" + System.nanoTime(), "pi_logs",
        LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC)));
    String processInstanceId = lifecycle.jobs().processInstanceId(rma);

    lifecycle.jobs().runDue(rma); // the simulated carrier logs the label it made

    List<JsonNode> lines = jsonLines(output.getOut());
    assertThat(lines).as("JSON log lines").isNotEmpty();
    assertThat(lines).anySatisfy(line -> {
      assertThat(line.path("message").asText()).contains("SIMULATED ShipStation");
      assertThat(line.path("rmaNumber").asText()).isEqualTo(rma);
      assertThat(line.path("processInstanceId").asText()).isEqualTo(processInstanceId);
      assertThat(line.path("log").path("level").asText()).isNotEmpty();
      assertThat(line.path("@timestamp").asText()).isNotEmpty();
    });
  }

  private static List<JsonNode> jsonLines(String out) {
    List<JsonNode> lines = new ArrayList<>();
    for (String line : out.split("\n")) {
      if (line.startsWith("{")) {
        try {
          lines.add(JSON.readTree(line));
        } catch (Exception notJson) {
          // a line that only looks like JSON
        }
      }
    }
    return lines;
  }
}
