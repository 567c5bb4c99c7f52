package io.openrma.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

import io.openrma.support.Http;
import io.openrma.support.Jobs;
import io.openrma.support.LiveReturns;
import io.openrma.support.MutableClock;
import io.openrma.support.OpsTest;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * What a person entered that a task's listener refuses is answered, not thrown: {@code /engine-rest}
 * (what Tasklist calls) says 400 with the listener's words, the task stays open, and the log has one
 * INFO line instead of Camunda's ERROR with a stack trace.
 */
@OpsTest
@ExtendWith(OutputCaptureExtension.class)
class RefusedTaskInputTest {

  @LocalServerPort
  int port;
  @Autowired
  ProcessEngine engine;
  @Autowired
  MutableClock clock;

  LiveReturns returns;

  @BeforeEach
  void setUp() {
    clock.set(Instant.parse("2026-10-01T08:00:00Z"));
    returns = new LiveReturns(port, new Jobs(engine));
  }

  @Test
  void aConditionThatIsNotAChoiceIsA400NamingItAndTheInspectionStaysOpen(CapturedOutput output) {
    String rma = received("pi_refused_grade");

    Http.Response refused = returns.completeInspection(rma, "SHINY", "RESTOCK");

    assertThat(refused.status()).as(refused.body()).isEqualTo(400);
    assertThat(refused.json().get("message").asText()).contains("HEADPHONES-1: \"SHINY\" is not a condition (NEW,");
    assertThat(engine.getTaskService().createTaskQuery().processInstanceBusinessKey(rma).count()).isEqualTo(1);
    assertThat(returns.status(rma)).isEqualTo("RECEIVED");
    assertThat(output).contains("is not a condition").doesNotContain("ENGINE-03051").doesNotContain("ENGINE-16004");
  }

  @Test
  void closingWithoutRefundWithoutACommentIsA400AndTheTaskStaysOpen(CapturedOutput output) {
    String rma = received("pi_disputed_close"); // Stripe refuses refunds of disputed payments
    returns.inspect(rma, "NEW", "RESTOCK");
    returns.jobs().runDue(rma);
    assertThat(returns.status(rma)).isEqualTo("REFUND_FAILED");

    Http.Response refused = returns.decideRefundProblem(rma, "CLOSE_WITHOUT_REFUND", null);

    assertThat(refused.status()).as(refused.body()).isEqualTo(400);
    assertThat(refused.json().get("message").asText())
        .isEqualTo("Say why the return closes without a refund: the customer is told.");
    assertThat(engine.getTaskService().createTaskQuery().processInstanceBusinessKey(rma)
        .taskDefinitionKey(ProcessIds.TASK_RESOLVE_REFUND_PROBLEM).count()).isEqualTo(1);
    assertThat(output).contains("Say why the return closes without a refund").doesNotContain("ENGINE-03051");
  }

  /** A return of opened headphones, scanned at the warehouse: waiting for its inspection. */
  private String received(String paymentIntent) {
    String rma = returns.create(LiveReturns.openedElectronics("refused-" + System.nanoTime(),
        paymentIntent + System.nanoTime(), LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC)));
    returns.jobs().runDue(rma);
    returns.arrive(rma, clock.instant());
    return rma;
  }
}
