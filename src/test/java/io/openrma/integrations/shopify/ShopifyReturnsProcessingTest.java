package io.openrma.integrations.shopify;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.notContaining;
import static io.openrma.support.standins.ShopifyReturnsApi.refund;
import static io.openrma.support.standins.ShopifyReturnsApi.refused;
import static io.openrma.support.standins.ShopifyReturnsApi.returnForProcessing;
import static io.openrma.support.standins.ShopifyReturnsApi.returnLineItem;
import static io.openrma.support.standins.ShopifyReturnsApi.returnProcessed;
import static io.openrma.support.standins.ShopifyReturnsApi.reverseDelivery;
import static io.openrma.support.standins.ShopifyReturnsApi.reverseDeliveryCreated;
import static io.openrma.support.standins.ShopifyReturnsApi.reverseFulfillment;
import static io.openrma.support.standins.ShopifyReturnsApi.reverseFulfillmentOrder;
import static io.openrma.support.standins.ShopifyReturnsApi.reverseLine;
import static io.openrma.support.standins.ShopifyReturnsApi.userError;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import io.openrma.integrations.IntegrationException;
import io.openrma.integrations.shopify.ShopifyReturns.LineDisposition;
import io.openrma.integrations.shopify.ShopifyReturns.Processed;
import io.openrma.integrations.shopify.ShopifyReturns.Refund;
import io.openrma.integrations.shopify.ShopifyReturns.Shipment;
import org.junit.jupiter.api.Test;

/**
 * Processing a return in Shopify (dispositions, the refund) and adding the return label, against the stand-in
 * for the Admin GraphQL API over real HTTP.
 */
class ShopifyReturnsProcessingTest extends ShopifyReturnsStandIn {

  private static final String RETURN_LINE = "gid://shopify/ReturnLineItem/600";
  private static final String REVERSE_LINE = "gid://shopify/ReverseFulfillmentOrderLineItem/700";
  private static final Shipment LABEL = new Shipment("1Z999AA10123456784",
      "https://www.ups.com/track?tracknum=1Z999AA10123456784", "ups", "https://labels.example.com/rma-000123.pdf");

  private static List<LineDisposition> oneRestockedOneNot() {
    return List.of(new LineDisposition(SHIRT, 1, "RESTOCKED"), new LineDisposition(SHIRT, 1, "NOT_RESTOCKED"));
  }

  private static void unprocessedShirts(List<Map<String, Object>> refunds) {
    answer("query ReturnForProcessing", returnForProcessing(RETURN, List.of(returnLineItem(RETURN_LINE, SHIRT, 2, 0)),
        List.of(reverseLine(REVERSE_LINE, SHIRT, 2)), refunds));
  }

  @Test
  void dispositionsAndTheRefundGoToReturnProcessWithTheLocationAndShopifysDecimalAmounts() {
    unprocessedShirts(List.of(refund("gid://shopify/Refund/1", "SUCCESS")));
    answer("mutation ReturnProcess", returnProcessed(RETURN, List.of(refund("gid://shopify/Refund/1", "SUCCESS"),
        refund("gid://shopify/Refund/2", "SUCCESS"))));

    Processed processed = client().process(RETURN, oneRestockedOneNot(), new Refund(CAPTURE, 4_990, 490, "EUR"));

    assertThat(processed).isEqualTo(new Processed("gid://shopify/Refund/2", "SUCCEEDED"));
    shopify.verify(sent("query ReturnForProcessing").withRequestBody(matchingJsonPath("$.variables.id",
        equalTo(RETURN))));
    String input = "$.variables.input.";
    shopify.verify(sent("mutation ReturnProcess")
        .withRequestBody(matchingJsonPath(input + "returnId", equalTo(RETURN)))
        .withRequestBody(matchingJsonPath(input + "returnLineItems[0].id", equalTo(RETURN_LINE)))
        .withRequestBody(matchingJsonPath(input + "returnLineItems[0].quantity", equalTo("2")))
        .withRequestBody(
            matchingJsonPath(input + "returnLineItems[0].dispositions[0].reverseFulfillmentOrderLineItemId",
                equalTo(REVERSE_LINE)))
        .withRequestBody(matchingJsonPath(input + "returnLineItems[0].dispositions[0].quantity", equalTo("1")))
        .withRequestBody(matchingJsonPath(input + "returnLineItems[0].dispositions[0].dispositionType",
            equalTo("RESTOCKED")))
        .withRequestBody(matchingJsonPath(input + "returnLineItems[0].dispositions[0].locationId", equalTo(LOCATION)))
        .withRequestBody(matchingJsonPath(input + "returnLineItems[0].dispositions[1].dispositionType",
            equalTo("NOT_RESTOCKED")))
        .withRequestBody(matchingJsonPath(input + "financialTransfer.issueRefund.orderTransactions[0].parentId",
            equalTo(CAPTURE)))
        .withRequestBody(matchingJsonPath(
            input + "financialTransfer.issueRefund.orderTransactions[0].transactionAmount.amount", equalTo("49.90")))
        .withRequestBody(matchingJsonPath(
            input + "financialTransfer.issueRefund.orderTransactions[0].transactionAmount.currencyCode",
            equalTo("EUR")))
        .withRequestBody(matchingJsonPath(input + "refundShipping.shippingRefundAmount.amount", equalTo("4.90")))
        .withRequestBody(matchingJsonPath(input + "refundShipping.shippingRefundAmount.currencyCode", equalTo("EUR")))
        .withRequestBody(matchingJsonPath(input + "notifyCustomer", equalTo("false"))));
  }

  @Test
  void aRefundInYenHasNoDecimalsNoShippingRefundAndIsPendingWhileItsTransactionIs() {
    unprocessedShirts(List.of());
    answer("mutation ReturnProcess", returnProcessed(RETURN, List.of(refund("gid://shopify/Refund/3", "PENDING"))));

    Processed processed = client().process(RETURN, oneRestockedOneNot(), new Refund(CAPTURE, 1_200, 0, "JPY"));

    assertThat(processed).isEqualTo(new Processed("gid://shopify/Refund/3", "PENDING"));
    shopify.verify(sent("mutation ReturnProcess")
        .withRequestBody(matchingJsonPath(
            "$.variables.input.financialTransfer.issueRefund.orderTransactions[0].transactionAmount.amount",
            equalTo("1200")))
        .withRequestBody(notContaining("refundShipping")));
  }

  @Test
  void withoutARefundNoFinancialTransferIsSent() {
    unprocessedShirts(List.of());
    answer("mutation ReturnProcess", returnProcessed(RETURN, List.of()));

    Processed processed = client(null).process(RETURN, List.of(new LineDisposition(SHIRT, 2, "NOT_RESTOCKED")),
        null);

    assertThat(processed).isEqualTo(new Processed(null, null));
    shopify.verify(sent("mutation ReturnProcess")
        .withRequestBody(matchingJsonPath("$.variables.input.returnLineItems[0].dispositions[0].dispositionType",
            equalTo("NOT_RESTOCKED")))
        .withRequestBody(notContaining("financialTransfer")).withRequestBody(notContaining("refundShipping"))
        .withRequestBody(notContaining("locationId")));
  }

  @Test
  void aReturnWithNothingUnprocessedIsNotSentAgainAndAnswersTheRefundAlreadyMade() {
    answer("query ReturnForProcessing", returnForProcessing(RETURN, List.of(returnLineItem(RETURN_LINE, SHIRT, 2, 2)),
        List.of(reverseLine(REVERSE_LINE, SHIRT, 2)), List.of(refund("gid://shopify/Refund/7", "SUCCESS"))));

    Processed processed = client().process(RETURN, oneRestockedOneNot(), new Refund(CAPTURE, 4_990, 490, "EUR"));

    assertThat(processed).isEqualTo(new Processed("gid://shopify/Refund/7", "SUCCEEDED"));
    shopify.verify(0, sent("mutation ReturnProcess"));
  }

  @Test
  void restockingWithoutALocationFailsNamingTheSettingAndSendsNothing() {
    unprocessedShirts(List.of());

    assertThatThrownBy(() -> client(null).process(RETURN, oneRestockedOneNot(), null))
        .isInstanceOf(IntegrationException.class)
        .hasMessageContaining("openrma.shopify.restock-location-id").hasMessageContaining(RETURN);
    shopify.verify(0, anyMutation());
  }

  @Test
  void aRefusedReturnProcessIsAShopifyRefusedException() {
    unprocessedShirts(List.of());
    answer("mutation ReturnProcess", refused("returnProcess", userError(List.of("input", "financialTransfer",
        "issueRefund", "orderTransactions", "0", "transactionAmount"),
        "Refund amount exceeds the maximum refundable amount.", "INVALID")));

    assertThatThrownBy(() -> client().process(RETURN, oneRestockedOneNot(), new Refund(CAPTURE, 99_999, 0, "EUR")))
        .isInstanceOf(ShopifyRefusedException.class)
        .hasMessage("Shopify refused returnProcess: Refund amount exceeds the maximum refundable amount.");
  }

  @Test
  void refundStatusesFollowTheRefundsTransactions() {
    assertThat(ShopifyReturnProcessing.status(refundOf("SUCCESS", "SUCCESS"))).isEqualTo("SUCCEEDED");
    assertThat(ShopifyReturnProcessing.status(refundOf("SUCCESS", "PENDING"))).isEqualTo("PENDING");
    assertThat(ShopifyReturnProcessing.status(refundOf("AWAITING_RESPONSE"))).isEqualTo("PENDING");
    assertThat(ShopifyReturnProcessing.status(refundOf("SUCCESS", "FAILURE"))).isEqualTo("FAILED");
    assertThat(ShopifyReturnProcessing.status(refundOf("ERROR"))).isEqualTo("FAILED");
  }

  private static ReturnAnswers.Refund refundOf(String... statuses) {
    return new ReturnAnswers.Refund("gid://shopify/Refund/1", new ReturnAnswers.Nodes<>(
        Arrays.stream(statuses).map(ReturnAnswers.Transaction::new).toList()));
  }

  @Test
  void theLabelBecomesAReverseDeliveryOfTheReturnedLinesWithoutTellingTheCustomer() {
    answer("query ReturnReverseFulfillment", reverseFulfillment(RETURN, reverseFulfillmentOrder(
        "gid://shopify/ReverseFulfillmentOrder/8001", List.of(reverseLine(REVERSE_LINE, SHIRT, 2),
            reverseLine("gid://shopify/ReverseFulfillmentOrderLineItem/701", CHINOS, 1)),
        List.of())));
    answer("mutation ReverseDeliveryCreateWithShipping", reverseDeliveryCreated("gid://shopify/ReverseDelivery/900"));

    assertThat(client().addReverseDelivery(RETURN, List.of(SHIRT), LABEL))
        .isEqualTo("gid://shopify/ReverseDelivery/900");

    shopify.verify(sent("query ReturnReverseFulfillment").withRequestBody(matchingJsonPath("$.variables.id",
        equalTo(RETURN))));
    shopify.verify(sent("mutation ReverseDeliveryCreateWithShipping")
        .withRequestBody(matchingJsonPath("$.variables.reverseFulfillmentOrderId",
            equalTo("gid://shopify/ReverseFulfillmentOrder/8001")))
        .withRequestBody(matchingJsonPath("$.variables.reverseDeliveryLineItems.length()", equalTo("1")))
        .withRequestBody(matchingJsonPath("$.variables.reverseDeliveryLineItems[0].reverseFulfillmentOrderLineItemId",
            equalTo(REVERSE_LINE)))
        .withRequestBody(matchingJsonPath("$.variables.reverseDeliveryLineItems[0].quantity", equalTo("2")))
        .withRequestBody(matchingJsonPath("$.variables.trackingInput.number", equalTo("1Z999AA10123456784")))
        .withRequestBody(matchingJsonPath("$.variables.trackingInput.url", equalTo(LABEL.trackingUrl())))
        .withRequestBody(matchingJsonPath("$.variables.labelInput.fileUrl", equalTo(LABEL.labelUrl())))
        .withRequestBody(matchingJsonPath("$.variables.notifyCustomer", equalTo("false"))));
  }

  @Test
  void aLabelWhoseTrackingNumberTheReturnHasIsNotAddedAgain() {
    answer("query ReturnReverseFulfillment", reverseFulfillment(RETURN, reverseFulfillmentOrder(
        "gid://shopify/ReverseFulfillmentOrder/8001", List.of(reverseLine(REVERSE_LINE, SHIRT, 2)),
        List.of(reverseDelivery("gid://shopify/ReverseDelivery/899", "1Z999AA10123456784", LABEL.trackingUrl())))));

    assertThat(client().addReverseDelivery(RETURN, List.of(SHIRT), LABEL))
        .isEqualTo("gid://shopify/ReverseDelivery/899");
    shopify.verify(0, anyMutation());
  }

  @Test
  void aRefusedReverseDeliveryIsAShopifyRefusedException() {
    answer("query ReturnReverseFulfillment", reverseFulfillment(RETURN, reverseFulfillmentOrder(
        "gid://shopify/ReverseFulfillmentOrder/8001", List.of(reverseLine(REVERSE_LINE, SHIRT, 2)), List.of())));
    answer("mutation ReverseDeliveryCreateWithShipping", reverseDeliveryCreated(null, userError(
        List.of("reverseDeliveryLineItems", "0", "quantity"), "Quantity must be less than or equal to 2.",
        "INVALID")));

    assertThatThrownBy(() -> client().addReverseDelivery(RETURN, List.of(SHIRT), LABEL))
        .isInstanceOf(ShopifyRefusedException.class)
        .hasMessage("Shopify refused reverseDeliveryCreateWithShipping: Quantity must be less than or equal to 2.");
  }
}
