package io.openrma.integrations;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.openrma.support.Http;
import io.openrma.support.Jobs;
import io.openrma.support.LiveIntegrationsInitializer;
import io.openrma.support.LiveIntegrationsTest;
import io.openrma.support.LiveReturns;
import io.openrma.support.ReturnBodies;
import io.openrma.support.StandIns;
import io.openrma.support.standins.StripeApi;
import io.openrma.support.standins.Stubs;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Whole returns through the REST API with every integration live against its stand-in: Stripe,
 * ShipStation, Zendesk and Slack over HTTP, email over SMTP into GreenMail.
 */
@LiveIntegrationsTest
class LiveLifecycleTest {

  @LocalServerPort
  int port;
  @Autowired
  ProcessEngine engine;

  Jobs jobs;
  LiveReturns returns;

  @BeforeEach
  void setUp() {
    Stubs.reset();
    jobs = new Jobs(engine);
    returns = new LiveReturns(port, jobs);
  }

  @Test
  void aReturnRunsFromRequestToRefundedAndClosedThroughEveryLiveSystem() throws Exception {
    String paymentIntent = LiveReturns.id("pi_");
    String subscription = LiveReturns.id("sub_");
    String ticket = String.valueOf(System.nanoTime() % 1_000_000_000L);
    Stubs.payment(paymentIntent, 9_000, 0);
    Stubs.subscription(subscription);
    Stubs.ticket(ticket);
    String rma = returns.create(ReturnBodies.refundReturn(paymentIntent, ticket, subscription));
    String tracking = Stubs.label(rma);
    Stubs.refund(paymentIntent, ReturnBodies.REFUND_OF_DEFAULT_RETURN, "re_" + rma, "succeeded", rma);

    returns.shipAndInspect(rma, tracking);
    jobs.runUntilWaiting(rma);

    JsonNode record = returns.get(rma);
    assertThat(record.get("status").asText()).isEqualTo("CLOSED");
    assertThat(returns.statuses(rma)).containsSubsequence("LABEL_ISSUED", "IN_TRANSIT", "RECEIVED", "INSPECTED",
        "REFUNDED", "CLOSED");
    assertThat(record.get("refund").get("total").asLong()).isEqualTo(ReturnBodies.REFUND_OF_DEFAULT_RETURN);
    assertThat(record.get("refund").get("refundId").asText()).isEqualTo("re_" + rma);
    assertThat(record.get("refund").get("status").asText()).isEqualTo("SUCCEEDED");
    assertThat(record.get("label").get("trackingNumber").asText()).isEqualTo(tracking);
    assertThat(record.get("subscriptionCancelled").asBoolean()).isTrue();

    // one refund of the right amount, with the step's idempotency key
    StandIns.API.verify(1, postRequestedFor(urlEqualTo("/stripe/v1/refunds")));
    StandIns.API.verify(1, postRequestedFor(urlEqualTo("/stripe/v1/refunds"))
        .withHeader("Idempotency-Key", equalTo(rma + ":RefundPayment:1"))
        .withFormParam("amount", equalTo(String.valueOf(ReturnBodies.REFUND_OF_DEFAULT_RETURN)))
        .withFormParam("metadata[rma_number]", equalTo(rma)));
    // one label, one cancelled subscription
    StandIns.API.verify(1, postRequestedFor(urlEqualTo("/shipstation/v2/labels")));
    StandIns.API.verify(1, deleteRequestedFor(urlPathEqualTo("/stripe/v1/subscriptions/" + subscription)));
    // two ticket updates: the label as a public comment, then the tracking number with tag and field
    StandIns.API.verify(2, putRequestedFor(urlEqualTo("/zendesk/api/v2/tickets/" + ticket)));
    StandIns.API.verify(1, putRequestedFor(urlEqualTo("/zendesk/api/v2/tickets/" + ticket))
        .withRequestBody(matchingJsonPath("$.ticket.comment.uploads[0]", equalTo("tok" + ticket)))
        .withRequestBody(matchingJsonPath("$.ticket.comment.public", equalTo("true"))));
    StandIns.API.verify(1, putRequestedFor(urlEqualTo("/zendesk/api/v2/tickets/" + ticket))
        .withRequestBody(matchingJsonPath("$.ticket.additional_tags[0]", equalTo("rma")))
        .withRequestBody(matchingJsonPath("$.ticket.custom_fields[0].id",
            equalTo(String.valueOf(LiveIntegrationsInitializer.TRACKING_FIELD_ID))))
        .withRequestBody(matchingJsonPath("$.ticket.custom_fields[0].value", equalTo(tracking))));
    // the label email with the PDF, then the refund confirmation
    List<MimeMessage> emails = emailsAbout(rma);
    assertThat(emails).extracting(MimeMessage::getMessageID)
        .containsExactly("<" + rma + ".return-label@openrma>", "<" + rma + ".outcome@openrma>");
    List<Part> attachments = new ArrayList<>();
    for (MimeMessage email : emails) {
      attachments.addAll(attachments(email));
    }
    assertThat(attachments).hasSize(1);
    assertThat(attachments.get(0).getFileName()).isEqualTo("return-label-" + rma + ".pdf");
    assertThat(bytes(attachments.get(0))).isEqualTo(Stubs.labelPdf(tracking));
    // every email carries the signed link to the return's status page, and the link opens it
    for (MimeMessage email : emails) {
      assertThat(text(email)).contains("Follow your return: http://localhost:8080/returns/status/" + rma + ".");
    }
    java.util.regex.Matcher link = java.util.regex.Pattern.compile("/returns/status/\\S+").matcher(text(emails.get(0)));
    assertThat(link.find()).isTrue();
    Http.Response status = new Http(port).get(link.group());
    assertThat(status.status()).isEqualTo(200);
    assertThat(status.body()).contains(rma);
  }

  @Test
  void aPendingRefundWaitsForStripesWebhookAndThenCloses() {
    String paymentIntent = LiveReturns.id("pi_");
    Stubs.payment(paymentIntent, 9_000, 0);
    String rma = returns.create(ReturnBodies.refundReturn(paymentIntent, null, null));
    String tracking = Stubs.label(rma);
    Stubs.refund(paymentIntent, ReturnBodies.REFUND_OF_DEFAULT_RETURN, "re_" + rma, "pending", rma);
    returns.shipAndInspect(rma, tracking);
    jobs.runUntilWaiting(rma);
    assertThat(returns.status(rma)).isEqualTo("REFUND_PENDING");

    String event = StripeApi.event(LiveReturns.id("evt_"), "refund.updated", StripeApi.refund("re_" + rma,
        paymentIntent, ReturnBodies.REFUND_OF_DEFAULT_RETURN, "succeeded", null, Map.of("rma_number", rma,
            "attempt", "1")));
    Http.Response delivered = returns.stripeEvent(event);
    Http.Response replayed = returns.stripeEvent(event);
    jobs.runUntilWaiting(rma);

    assertThat(delivered.status()).isEqualTo(200);
    assertThat(delivered.json().get("outcome").asText()).isEqualTo("DELIVERED");
    assertThat(replayed.json().get("outcome").asText()).isEqualTo("DUPLICATE");
    JsonNode record = returns.get(rma);
    assertThat(record.get("status").asText()).isEqualTo("CLOSED");
    assertThat(record.get("refund").get("status").asText()).isEqualTo("SUCCEEDED");
    assertThat(returns.statuses(rma)).containsSubsequence("REFUND_PENDING", "REFUNDED", "CLOSED");
    StandIns.API.verify(1, postRequestedFor(urlEqualTo("/stripe/v1/refunds")));
  }

  @Test
  void aRefundThatFailsAfterTheReturnClosedGoesToFinance() {
    String rma = closedThenRefundFailed(LiveReturns.id("pi_")); // the webhook answered REFUND_PROBLEM_STARTED

    JsonNode record = returns.get(rma);
    assertThat(record.get("status").asText()).isEqualTo("REFUND_FAILED");
    assertThat(record.get("refund").get("status").asText()).isEqualTo("FAILED");
    assertThat(record.get("refund").get("failure").asText()).isEqualTo("expired_or_canceled_card");
    JsonNode tasks = returns.http().as("fiona").get("/engine-rest/task?processInstanceBusinessKey=" + rma).json();
    assertThat(tasks).hasSize(1);
    assertThat(tasks.get(0).get("taskDefinitionKey").asText()).isEqualTo("ResolveRefundProblem");
    await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> StandIns.API.verify(1,
        postRequestedFor(urlEqualTo(StandIns.SLACK_HOOK))
            .withRequestBody(containing("Resolve refund problem: " + rma))));
  }

  @Test
  void aFailureThatComesWhileTheReturnIsStillClosingIsTakenOnceItIsClosed() {
    String paymentIntent = LiveReturns.id("pi_");
    Stubs.payment(paymentIntent, 9_000, 0);
    String rma = returns.create(ReturnBodies.refundReturn(paymentIntent, null, null));
    String tracking = Stubs.label(rma);
    Stubs.refund(paymentIntent, ReturnBodies.REFUND_OF_DEFAULT_RETURN, "re_" + rma, "succeeded", rma);
    returns.shipAndInspect(rma, tracking);
    jobs.run(rma, "CalculateRefund");
    jobs.run(rma, "RefundPayment");
    assertThat(returns.status(rma)).isEqualTo("REFUNDED"); // "Notify customer" has not run yet
    String failed = StripeApi.event(LiveReturns.id("evt_"), "refund.failed", StripeApi.refund("re_" + rma,
        paymentIntent, ReturnBodies.REFUND_OF_DEFAULT_RETURN, "failed", "expired_or_canceled_card",
        Map.of("rma_number", rma, "attempt", "1")));

    Http.Response tooEarly = returns.stripeEvent(failed);
    jobs.runUntilWaiting(rma);
    Http.Response again = returns.stripeEvent(failed);

    assertThat(tooEarly.status()).isEqualTo(503);
    assertThat(tooEarly.header("Retry-After")).isEqualTo("60");
    assertThat(tooEarly.header("Content-Type")).startsWith("application/problem+json");
    assertThat(again.json().get("outcome").asText()).as(again.body()).isEqualTo("REFUND_PROBLEM_STARTED");
    assertThat(returns.statuses(rma)).containsSubsequence("REFUNDED", "CLOSED", "REFUND_FAILED");
  }

  @Test
  void aRefundMadeInStripesDashboardLeavesLessToRefundSoFinanceDecidesAndTheRestIsRefundedOnce() throws Exception {
    String paymentIntent = LiveReturns.id("pi_");
    String rma = returns.create(ReturnBodies.refundReturn(paymentIntent, null, null));
    String tracking = Stubs.label(rma);
    // someone refunded 50.00 of the 90.00 in Stripe's dashboard: 40.00 are left
    Stubs.payment(paymentIntent, 9_000, 5_000);
    Stubs.refund(paymentIntent, 4_000, "re_" + rma, "succeeded", rma);
    String event = StripeApi.event(LiveReturns.id("evt_"), "charge.refunded", StripeApi.charge(paymentIntent, 9_000,
        5_000));

    Http.Response recorded = returns.stripeEvent(event);
    Http.Response replayed = returns.stripeEvent(event);
    returns.shipAndInspect(rma, tracking);
    jobs.runUntilWaiting(rma);

    assertThat(recorded.json().get("outcome").asText()).as(recorded.body()).isEqualTo("RECORDED");
    assertThat(replayed.json().get("outcome").asText()).isEqualTo("DUPLICATE");
    assertThat(returns.timelineEvents(rma).stream().filter("REFUNDED_OUTSIDE"::equals)).hasSize(1);
    // not closed quietly with 40.00: finance sees both figures, and nothing was refunded or told yet
    assertThat(returns.status(rma)).isEqualTo("REFUND_FAILED");
    assertThat(engine.getRuntimeService().getVariable(jobs.processInstanceId(rma), "refundProblem"))
        .asString().contains("only 40.00 EUR left", "calculated 69.02 EUR");
    StandIns.API.verify(0, postRequestedFor(urlEqualTo("/stripe/v1/refunds")));
    assertThat(emailsAbout(rma)).extracting(MimeMessage::getMessageID)
        .containsExactly("<" + rma + ".return-label@openrma>");

    returns.resolveRefundProblem(rma, "RETRY", "Refund what is left");
    jobs.runUntilWaiting(rma);

    JsonNode record = returns.get(rma);
    assertThat(record.get("status").asText()).isEqualTo("CLOSED");
    assertThat(record.get("refund").get("total").asLong()).isEqualTo(4_000);
    assertThat(record.get("refund").get("capped").asBoolean()).isTrue();
    StandIns.API.verify(1, postRequestedFor(urlEqualTo("/stripe/v1/refunds")));
    StandIns.API.verify(1, postRequestedFor(urlEqualTo("/stripe/v1/refunds")).withFormParam("amount", equalTo("4000")));
    assertThat(details(rma, "EMAIL_SENT")).last().asString().isEqualTo("Customer told: refunded 40.00 EUR, after a "
        + "refund problem");
  }

  @Test
  void financeRetryingARefundThatFailedAfterClosingTellsTheCustomerOfTheNewRefund() throws Exception {
    String paymentIntent = LiveReturns.id("pi_");
    String rma = closedThenRefundFailed(paymentIntent);
    Stubs.refund(paymentIntent, ReturnBodies.REFUND_OF_DEFAULT_RETURN, "re_again_" + rma, "succeeded", rma);

    returns.resolveRefundProblem(rma, "RETRY", null);
    jobs.runUntilWaiting(rma);

    assertThat(returns.status(rma)).isEqualTo("CLOSED");
    assertThat(emailsAbout(rma)).extracting(MimeMessage::getMessageID).containsExactly(
        "<" + rma + ".return-label@openrma>", "<" + rma + ".outcome@openrma>",
        "<" + rma + ".outcome.refunded-re_again_" + rma.toLowerCase() + "@openrma>");
    assertThat(text(emailsAbout(rma).get(2))).contains("did not go through", "we have refunded 69.02 EUR");
    assertThat(details(rma, "EMAIL_SENT")).containsSubsequence("Customer told: refunded 69.02 EUR",
        "Customer told: refunded 69.02 EUR, after a refund problem");
  }

  @Test
  void financeClosingWithoutRefundAfterAFailureSendsTheirCommentToTheCustomer() throws Exception {
    String rma = closedThenRefundFailed(LiveReturns.id("pi_"));

    returns.resolveRefundProblem(rma, "CLOSE_WITHOUT_REFUND", "We paid you back by bank transfer on 2 December.");
    jobs.runUntilWaiting(rma);

    assertThat(returns.status(rma)).isEqualTo("CLOSED");
    List<MimeMessage> emails = emailsAbout(rma);
    assertThat(emails).hasSize(3);
    assertThat(emails.get(2).getSubject()).isEqualTo("Your return " + rma + " is closed");
    assertThat(text(emails.get(2))).contains("closed without a refund",
        "We paid you back by bank transfer on 2 December.");
    assertThat(details(rma, "EMAIL_SENT")).last().asString()
        .isEqualTo("Customer told: closed without refund: We paid you back by bank transfer on 2 December.");
  }

  /** A return refunded and closed, whose refund Stripe then reports failed: it waits for finance. */
  private String closedThenRefundFailed(String paymentIntent) {
    Stubs.payment(paymentIntent, 9_000, 0);
    String rma = returns.create(ReturnBodies.refundReturn(paymentIntent, null, null));
    String tracking = Stubs.label(rma);
    Stubs.refund(paymentIntent, ReturnBodies.REFUND_OF_DEFAULT_RETURN, "re_" + rma, "succeeded", rma);
    returns.shipAndInspect(rma, tracking);
    jobs.runUntilWaiting(rma);
    assertThat(returns.status(rma)).isEqualTo("CLOSED");
    Http.Response failed = returns.stripeEvent(StripeApi.event(LiveReturns.id("evt_"), "refund.failed",
        StripeApi.refund("re_" + rma, paymentIntent, ReturnBodies.REFUND_OF_DEFAULT_RETURN, "failed",
            "expired_or_canceled_card", Map.of("rma_number", rma, "attempt", "1"))));
    assertThat(failed.json().get("outcome").asText()).as(failed.body()).isEqualTo("REFUND_PROBLEM_STARTED");
    return rma;
  }

  /** The details of the return's timeline entries of one kind, in order. */
  private List<String> details(String rma, String event) {
    List<String> details = new ArrayList<>();
    returns.get(rma).get("timeline").forEach(entry -> {
      if (entry.get("event").asText().equals(event)) {
        details.add(entry.get("detail").asText());
      }
    });
    return details;
  }

  /** The plain-text part of an email. */
  static String text(Part part) throws Exception {
    if (part.isMimeType("text/plain")) {
      return part.getContent().toString();
    }
    if (part.getContent() instanceof Multipart multipart) {
      for (int i = 0; i < multipart.getCount(); i++) {
        String found = text(multipart.getBodyPart(i));
        if (found != null) {
          return found;
        }
      }
    }
    return null;
  }

  static List<MimeMessage> emailsAbout(String rma) throws Exception {
    List<MimeMessage> emails = new ArrayList<>();
    for (MimeMessage email : StandIns.MAIL.getReceivedMessages()) {
      if (email.getMessageID().startsWith("<" + rma + ".")) {
        emails.add(email);
      }
    }
    return emails;
  }

  static List<Part> attachments(Part part) throws Exception {
    List<Part> found = new ArrayList<>();
    if (part.getContent() instanceof Multipart multipart) {
      for (int i = 0; i < multipart.getCount(); i++) {
        found.addAll(attachments(multipart.getBodyPart(i)));
      }
    } else if (Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())) {
      found.add(part);
    }
    return found;
  }

  static byte[] bytes(Part part) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    part.getInputStream().transferTo(out);
    return out.toByteArray();
  }
}
