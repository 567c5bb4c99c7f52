package io.openrma.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.openrma.integrations.notifications.TeamChat;
import io.openrma.integrations.payments.PaymentGateway;
import io.openrma.integrations.payments.SimulatedPaymentGateway;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/** Beans of the {@link OpsTest} context: a clock the tests move, Slack over HTTP, a Stripe that can fail. */
@TestConfiguration(proxyBeanMethods = false)
public class OpsTestBeans {

  /**
   * Each test class sets its own months so that their data never overlap: the daily report January and
   * February 2026 (before everything else, so no other test's return can be "waiting" at report time),
   * metrics May, webhooks June, incidents July, logs August, history cleanup September.
   */
  @Bean
  @Primary
  MutableClock opsClock() {
    return new MutableClock(Instant.parse("2026-01-01T08:00:00Z"));
  }

  /**
   * Slack's incoming webhook as the live adapter would call it ({@code {"text": ...}}), pointed at
   * WireMock. Stands in until the live Slack adapter is merged; then point that adapter's URL here.
   */
  @Bean
  @Primary
  TeamChat slackOverHttp(@Value("${openrma.test.slack-webhook-url}") String url) {
    HttpClient client = HttpClient.newHttpClient();
    ObjectMapper json = new ObjectMapper();
    return text -> {
      try {
        HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create(url))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json.createObjectNode().put("text", text).toString()))
            .build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
          throw new IllegalStateException("Slack answered " + response.statusCode());
        }
      } catch (IOException e) {
        throw new IllegalStateException("Slack is unreachable: " + e.getMessage(), e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    };
  }

  /** The simulator, except that a PaymentIntent id containing {@code outage} meets a network failure. */
  @Bean
  @Primary
  PaymentGateway stripeWithOutages() {
    SimulatedPaymentGateway simulator = new SimulatedPaymentGateway();
    return new PaymentGateway() {
      @Override
      public PaymentSummary paymentSummary(String paymentIntentId) {
        return simulator.paymentSummary(paymentIntentId);
      }

      @Override
      public RefundResult refund(RefundCommand command) {
        if (command.paymentIntentId().contains("outage")) {
          throw new IllegalStateException("Connection reset while calling api.stripe.com (jane@example.com)");
        }
        return simulator.refund(command);
      }

      @Override
      public SubscriptionResult cancelSubscription(String subscriptionId, String idempotencyKey) {
        return simulator.cancelSubscription(subscriptionId, idempotencyKey);
      }

      @Override
      public String issueStoreCredit(StoreCreditCommand command) {
        return simulator.issueStoreCredit(command);
      }
    };
  }
}
