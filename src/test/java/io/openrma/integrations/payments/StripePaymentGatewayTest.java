package io.openrma.integrations.payments;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.stripe.Stripe;
import io.openrma.integrations.IntegrationException;
import io.openrma.integrations.IntegrationMode;
import io.openrma.integrations.payments.PaymentGateway.RefundCommand;
import io.openrma.integrations.payments.PaymentGateway.RefundResult;
import io.openrma.support.standins.StripeApi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The live Stripe adapter against a stand-in that answers like Stripe's API, over real HTTP. No Spring. */
class StripePaymentGatewayTest {

  @RegisterExtension
  static WireMockExtension stripe = WireMockExtension.newInstance()
      .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1")).build();

  private static final Map<String, String> METADATA = metadata();

  private static StripePaymentGateway gateway(StripeSettings.Subscription subscription, Duration readTimeout) {
    return new StripePaymentGateway(new StripeSettings(IntegrationMode.LIVE, StripeApi.SECRET_KEY,
        StripeApi.WEBHOOK_SECRET, stripe.baseUrl(), Duration.ofSeconds(2), readTimeout, 0,
        Duration.ofMinutes(5), subscription));
  }

  private static StripePaymentGateway gateway(StripeSettings.Subscription subscription) {
    return gateway(subscription, Duration.ofSeconds(10));
  }

  private static StripePaymentGateway gateway() {
    return gateway(new StripeSettings.Subscription(false, false, false));
  }

  private static RefundCommand refundOf(long amount) {
    return new RefundCommand("RMA-004711", "pi_3QxStandin", amount, "EUR", "requested_by_customer", METADATA,
        "RMA-004711:RefundPayment:1");
  }

  private static MappingBuilder refunds() {
    return post(urlEqualTo("/v1/refunds"))
        .withHeader("Authorization", equalTo("Bearer " + StripeApi.SECRET_KEY))
        .withHeader("Stripe-Version", equalTo(Stripe.API_VERSION));
  }

  @Test
  void refundSendsAmountReasonMetadataAndTheStepsIdempotencyKey() {
    stripe.stubFor(refunds().willReturn(okJson(StripeApi.refund("re_3QxA1", "pi_3QxStandin", 2500, "succeeded", null,
        METADATA))));

    RefundResult result = gateway().refund(refundOf(2500));

    assertThat(result).isEqualTo(new RefundResult("re_3QxA1", "SUCCEEDED", null));
    stripe.verify(1, postRequestedFor(urlEqualTo("/v1/refunds"))
        .withHeader("Idempotency-Key", equalTo("RMA-004711:RefundPayment:1"))
        .withFormParam("payment_intent", equalTo("pi_3QxStandin"))
        .withFormParam("amount", equalTo("2500"))
        .withFormParam("reason", equalTo("requested_by_customer"))
        .withFormParam("metadata[rma_number]", equalTo("RMA-004711"))
        .withFormParam("metadata[lines]", equalTo("1xSKU-RED-M,2xSKU-BLU-L")));
  }

  @ParameterizedTest
  @CsvSource({"pending, PENDING", "requires_action, REQUIRES_ACTION", "failed, FAILED", "canceled, CANCELED"})
  void aRefundThatIsNotSucceededIsNotCalledDone(String stripeStatus, String status) {
    stripe.stubFor(refunds().willReturn(okJson(StripeApi.refund("re_3QxA2", "pi_3QxStandin", 2500, stripeStatus,
        "failed".equals(stripeStatus) ? "expired_or_canceled_card" : null, METADATA))));

    RefundResult result = gateway().refund(refundOf(2500));

    assertThat(result.status()).isEqualTo(status);
    assertThat(result.succeeded()).isFalse();
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "charge_already_refunded | | Charge ch_3QxStandin has already been refunded.",
      "charge_disputed | | Charge ch_3QxStandin has been charged back; cannot issue a refund.",
      " | amount | Refund amount (€30.00) is greater than unrefunded amount on charge (€25.00)"})
  void stripesRefusalsForGoodGoToFinance(String code, String param, String message) {
    stripe.stubFor(refunds().willReturn(aResponse().withStatus(400).withHeader("Content-Type", "application/json")
        .withHeader("Request-Id", "req_standin")
        .withBody(StripeApi.error("invalid_request_error", code, param, message))));

    assertThatThrownBy(() -> gateway().refund(refundOf(3000)))
        .isInstanceOf(PaymentRefusedException.class)
        .hasMessage(message)
        .satisfies(
            e -> assertThat(((PaymentRefusedException) e).code()).isEqualTo(code == null ? "invalid_request" : code));
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "500 | api_error | | An unknown error occurred",
      "503 | api_error | | Stripe is temporarily unavailable",
      "429 | invalid_request_error | rate_limit | Too many requests hit the API too quickly.",
      "401 | invalid_request_error | | Invalid API Key provided: sk_test_****dgin"})
  void serverErrorsRateLimitsAndBadKeysAreTechnicalFailuresTheEngineRetries(int status, String type, String code,
      String message) {
    stripe.stubFor(refunds().willReturn(aResponse().withStatus(status).withHeader("Content-Type", "application/json")
        .withBody(StripeApi.error(type, code, null, message))));

    assertThatThrownBy(() -> gateway().refund(refundOf(2500)))
        .isInstanceOf(IntegrationException.class)
        .isNotInstanceOf(PaymentRefusedException.class)
        .hasMessageContaining("HTTP " + status)
        .hasMessageContaining(message);
    // no retries inside the step: the engine retries with the same key
    stripe.verify(1, postRequestedFor(urlEqualTo("/v1/refunds")));
  }

  @Test
  void aTimeoutIsATechnicalFailure() {
    stripe.stubFor(refunds().willReturn(okJson(StripeApi.refund("re_3QxA3", "pi_3QxStandin", 2500, "succeeded", null,
        METADATA)).withFixedDelay(1500)));

    assertThatThrownBy(() -> gateway(new StripeSettings.Subscription(false, false, false), Duration.ofMillis(500))
        .refund(refundOf(2500)))
        .isInstanceOf(IntegrationException.class)
        .hasMessageContaining("no answer");
  }

  @Test
  void aConnectionResetIsATechnicalFailure() {
    stripe.stubFor(refunds().willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));

    assertThatThrownBy(() -> gateway().refund(refundOf(2500)))
        .isInstanceOf(IntegrationException.class)
        .hasMessageContaining("no answer");
  }

  @Test
  void paymentSummaryReadsCapturedAndRefundedFromTheLatestCharge() {
    stripe.stubFor(get(urlPathEqualTo("/v1/payment_intents/pi_3QxSummary"))
        .withQueryParam("expand[0]", equalTo("latest_charge"))
        .willReturn(okJson(StripeApi.paymentIntent("pi_3QxSummary", 10_000, 3_000))));

    assertThat(gateway().paymentSummary("pi_3QxSummary"))
        .isEqualTo(new PaymentGateway.PaymentSummary("pi_3QxSummary", "EUR", 10_000, 3_000));
  }

  @Test
  void aPaymentNotCapturedYetAllowsNoRefund() {
    stripe.stubFor(get(urlPathEqualTo("/v1/payment_intents/pi_3QxHeld"))
        .willReturn(okJson(StripeApi.uncapturedPaymentIntent("pi_3QxHeld", 10_000))));

    assertThat(gateway().paymentSummary("pi_3QxHeld").amountCaptured()).isZero();
  }

  @Test
  void aSubscriptionIsCancelledNowWithTheConfiguredProrationAndTheStepsKey() {
    stripe.stubFor(get(urlEqualTo("/v1/subscriptions/sub_1QxA")).willReturn(okJson(
        StripeApi.subscription("sub_1QxA", "active", false))));
    stripe.stubFor(delete(urlPathEqualTo("/v1/subscriptions/sub_1QxA"))
        .withQueryParam("prorate", equalTo("true")).withQueryParam("invoice_now", equalTo("true"))
        .willReturn(okJson(StripeApi.subscription("sub_1QxA", "canceled", false))));

    PaymentGateway.SubscriptionResult result = gateway(new StripeSettings.Subscription(false, true, true))
        .cancelSubscription("sub_1QxA", "RMA-004711:CancelStripeSubscription");

    assertThat(result).isEqualTo(new PaymentGateway.SubscriptionResult("sub_1QxA", "canceled", false));
    stripe.verify(1, deleteRequestedFor(urlPathEqualTo("/v1/subscriptions/sub_1QxA"))
        .withHeader("Idempotency-Key", equalTo("RMA-004711:CancelStripeSubscription")));
  }

  @Test
  void aCancelledSubscriptionIsNotCancelledAgain() {
    stripe.stubFor(get(urlEqualTo("/v1/subscriptions/sub_1QxB")).willReturn(okJson(
        StripeApi.subscription("sub_1QxB", "canceled", false))));

    PaymentGateway.SubscriptionResult result = gateway().cancelSubscription("sub_1QxB", "RMA-004711:Cancel");

    assertThat(result.alreadyCancelled()).isTrue();
    stripe.verify(0, deleteRequestedFor(urlPathEqualTo("/v1/subscriptions/sub_1QxB")));
  }

  @Test
  void atPeriodEndTheSubscriptionIsMarkedToCancelThen() {
    stripe.stubFor(get(urlEqualTo("/v1/subscriptions/sub_1QxC")).willReturn(okJson(
        StripeApi.subscription("sub_1QxC", "active", false))));
    stripe.stubFor(post(urlEqualTo("/v1/subscriptions/sub_1QxC")).withFormParam("cancel_at_period_end", equalTo("true"))
        .willReturn(okJson(StripeApi.subscription("sub_1QxC", "active", true))));

    PaymentGateway.SubscriptionResult result = gateway(new StripeSettings.Subscription(true, false, false))
        .cancelSubscription("sub_1QxC", "RMA-004711:Cancel");

    assertThat(result.alreadyCancelled()).isFalse();
    stripe.verify(1, postRequestedFor(urlEqualTo("/v1/subscriptions/sub_1QxC"))
        .withHeader("Idempotency-Key", equalTo("RMA-004711:Cancel")));
  }

  @Test
  void storeCreditIsANegativeBalanceTransactionOfTheCustomer() {
    stripe.stubFor(post(urlEqualTo("/v1/customers/cus_QxA/balance_transactions"))
        .withFormParam("amount", equalTo("-2500")).withFormParam("currency", equalTo("eur"))
        .withHeader("Idempotency-Key", equalTo("RMA-004711:IssueStoreCredit"))
        .willReturn(okJson(StripeApi.balanceTransaction("cbtxn_1QxA", "cus_QxA", -2500, "RMA-004711"))));

    String id = gateway().issueStoreCredit(new PaymentGateway.StoreCreditCommand("RMA-004711", "cus_QxA", 2500, "EUR",
        "Store credit for return RMA-004711", "RMA-004711:IssueStoreCredit"));

    assertThat(id).isEqualTo("cbtxn_1QxA");
  }

  private static Map<String, String> metadata() {
    Map<String, String> metadata = new LinkedHashMap<>();
    metadata.put("rma_number", "RMA-004711");
    metadata.put("order_id", "SO-4711");
    metadata.put("lines", "1xSKU-RED-M,2xSKU-BLU-L");
    return metadata;
  }
}
