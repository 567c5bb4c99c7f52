package io.openrma.process;

import static io.openrma.returns.ItemCategory.GENERAL;
import static io.openrma.returns.ItemCondition.NEW;
import static io.openrma.returns.ReturnReason.NO_LONGER_NEEDED;
import static io.openrma.support.ReturnRequests.aReturn;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.openrma.returns.ReturnReason;
import io.openrma.support.FormTexts;
import io.openrma.support.Http;
import io.openrma.support.LifecycleDriver;
import io.openrma.support.WebAppTest;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * What a person reads in the forms of {@code forms/}, filled with the variables Tasklist loads for the
 * task's candidate group: labels, not the constants' names; the customer's name where the form needs it;
 * each fact once.
 */
@WebAppTest
class TaskFormsTest {

  @LocalServerPort
  int port;
  @Autowired
  LifecycleDriver lifecycle;
  Http http;

  @BeforeEach
  void setUp() {
    http = new Http(port);
  }

  @Test
  void theInspectionFormShowsTheCustomersNameAndReadableReasons() {
    String rma = lifecycle.create(aReturn().name("Ida Inspect")
        .line("SOCK-3", GENERAL, 2, 2, 2_000, 0, 639, NO_LONGER_NEEDED, NEW).build());
    lifecycle.runJobs(rma);
    lifecycle.pickedUp(rma, "pickup-" + rma);
    lifecycle.arrived(rma, "scan-" + rma);

    String form = FormTexts.render("inspect-return", formVariables("walt", lifecycle.task(rma)));

    assertThat(form).contains("Inspect return " + rma).contains("Ida Inspect")
        .contains("2 x Item SOCK-3** (SOCK-3), customer's reason: No longer needed")
        .contains("Item SOCK-3 (SOCK-3, general): No longer needed, reported: New, unopened");
    for (ReturnReason reason : ReturnReason.values()) {
      assertThat(form).doesNotContain(reason.name());
    }
  }

  @Test
  void theRefundProblemFormGivesStripesReasonOnce() {
    String rma = lifecycle.create(aReturn().paymentIntent("pi_disputed_" + System.nanoTime()).build());
    lifecycle.runJobs(rma);
    lifecycle.pickedUp(rma, "pickup-" + rma);
    lifecycle.arrived(rma, "scan-" + rma);
    lifecycle.inspect(rma, "NEW", "RESTOCK");
    lifecycle.runJobs(rma);

    String form = FormTexts.render("resolve-refund", formVariables("fiona", lifecycle.task(rma)));

    assertThat(form).contains("Refund problem for " + rma).contains("Jane Doe").contains("**Stripe:**");
    assertThat(form.split("charge_disputed", -1)).as(form).hasSize(2);
  }

  private JsonNode formVariables(String user, Task task) {
    Http.Response variables = http.as(user)
        .get("/engine-rest/task/" + task.getId() + "/form-variables?deserializeValues=false");
    assertThat(variables.status()).as(variables.toString()).isEqualTo(200);
    return variables.json();
  }
}
