package io.openrma.integrations.shopify;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.notContaining;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static io.openrma.support.standins.ShopifyReturnsApi.refused;
import static io.openrma.support.standins.ShopifyReturnsApi.returnPayload;
import static io.openrma.support.standins.ShopifyReturnsApi.returnStatus;
import static io.openrma.support.standins.ShopifyReturnsApi.userError;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;

import io.openrma.integrations.shopify.ShopifyReturns.OpenReturn;
import io.openrma.integrations.shopify.ShopifyReturns.OrderPayment;
import io.openrma.integrations.shopify.ShopifyReturns.ReturnedLine;
import io.openrma.support.standins.ShopifyReturnsApi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The Shopify returns client against a stand-in that answers like Shopify's Admin GraphQL API, over real HTTP:
 * opening, approving, declining, cancelling and closing a return and reading the order's payment; for each what
 * it sends, what a refusal ({@code userErrors}) becomes, and what it skips when Shopify already has it. No
 * Spring. Processing and labels: {@link ShopifyReturnsProcessingTest}.
 */
class ShopifyReturnsClientTest extends ShopifyReturnsStandIn {

  private static OpenReturn rma123() {
    return new OpenReturn(ORDER, "RMA-000123", List.of(new ReturnedLine(SHIRT, 2, "DOES_NOT_FIT", " Too small "),
        new ReturnedLine(CHINOS, 1, "DEFECTIVE", null)), Instant.parse("2026-03-01T10:00:00Z"));
  }

  private static void noEarlierReturnsAndShippedUnits() {
    answer("query OrderReturns", ShopifyReturnsApi.orderReturns(ORDER,
        ShopifyReturnsApi.returnWithNotes("gid://shopify/Return/1", "OPEN", "RMA-0001234: another return")));
    // the shirt came in two parcels: one unit in each
    answer("query ReturnableFulfillments", ShopifyReturnsApi.returnableFulfillments(
        ShopifyReturnsApi.returnable("gid://shopify/FulfillmentLineItem/501", SHIRT, 1),
        ShopifyReturnsApi.returnable("gid://shopify/FulfillmentLineItem/502", SHIRT, 1),
        ShopifyReturnsApi.returnable("gid://shopify/FulfillmentLineItem/503", CHINOS, 1)));
  }

  @Test
  void aReturnRequestNamesEachUnitByItsFulfillmentLineItemWithShopifysReasonAndTheRmaNumberInTheNote() {
    noEarlierReturnsAndShippedUnits();
    answer("mutation ReturnRequest", returnPayload("returnRequest", RETURN, "REQUESTED"));

    assertThat(client().open(rma123(), false)).isEqualTo(RETURN);

    shopify.verify(sent("query ReturnableFulfillments").withRequestBody(matchingJsonPath("$.variables.orderId",
        equalTo(ORDER))));
    shopify.verify(sent("mutation ReturnRequest")
        .withRequestBody(matchingJsonPath("$.variables.input.orderId", equalTo(ORDER)))
        .withRequestBody(matchingJsonPath("$.variables.input.returnLineItems[0].fulfillmentLineItemId",
            equalTo("gid://shopify/FulfillmentLineItem/501")))
        .withRequestBody(matchingJsonPath("$.variables.input.returnLineItems[0].quantity", equalTo("1")))
        .withRequestBody(matchingJsonPath("$.variables.input.returnLineItems[0].returnReason", equalTo("OTHER")))
        .withRequestBody(matchingJsonPath("$.variables.input.returnLineItems[0].customerNote",
            equalTo("RMA-000123: Too small")))
        .withRequestBody(matchingJsonPath("$.variables.input.returnLineItems[1].fulfillmentLineItemId",
            equalTo("gid://shopify/FulfillmentLineItem/502")))
        .withRequestBody(matchingJsonPath("$.variables.input.returnLineItems[2].fulfillmentLineItemId",
            equalTo("gid://shopify/FulfillmentLineItem/503")))
        .withRequestBody(matchingJsonPath("$.variables.input.returnLineItems[2].returnReason", equalTo("DEFECTIVE")))
        .withRequestBody(matchingJsonPath("$.variables.input.returnLineItems[2].customerNote",
            equalTo("RMA-000123")))
        .withRequestBody(notContaining("returnReasonNote")).withRequestBody(notContaining("requestedAt")));
  }

  @Test
  void anApprovedReturnIsCreatedOpenWithTheRmaNumberInTheReasonNoteAndWhenTheCustomerAsked() {
    noEarlierReturnsAndShippedUnits();
    answer("mutation ReturnCreate", returnPayload("returnCreate", RETURN, "OPEN"));

    assertThat(client().open(rma123(), true)).isEqualTo(RETURN);

    shopify.verify(sent("mutation ReturnCreate")
        .withRequestBody(matchingJsonPath("$.variables.returnInput.orderId", equalTo(ORDER)))
        .withRequestBody(matchingJsonPath("$.variables.returnInput.requestedAt", equalTo("2026-03-01T10:00:00Z")))
        .withRequestBody(matchingJsonPath("$.variables.returnInput.returnLineItems[0].returnReasonNote",
            equalTo("RMA-000123: Too small")))
        .withRequestBody(matchingJsonPath("$.variables.returnInput.returnLineItems[2].returnReason",
            equalTo("DEFECTIVE")))
        .withRequestBody(notContaining("customerNote")));
  }

  @Test
  void openingAgainAnswersTheReturnThatCarriesTheRmaNumberAndSendsNothing() {
    answer("query OrderReturns", ShopifyReturnsApi.orderReturns(ORDER,
        ShopifyReturnsApi.returnWithNotes("gid://shopify/Return/1", "OPEN", "RMA-0001234: another return"),
        ShopifyReturnsApi.returnWithNotes(RETURN, "REQUESTED", "RMA-000123: Too small", "RMA-000123")));

    assertThat(client().open(rma123(), false)).isEqualTo(RETURN);

    shopify.verify(sent("query OrderReturns").withRequestBody(matchingJsonPath("$.variables.id", equalTo(ORDER))));
    shopify.verify(0, sent("query ReturnableFulfillments"));
    shopify.verify(0, anyMutation());
  }

  @Test
  void aRefusedReturnRequestIsAShopifyRefusedExceptionWithShopifysMessage() {
    noEarlierReturnsAndShippedUnits();
    answer("mutation ReturnRequest", refused("returnRequest", userError(List.of("input", "returnLineItems", "0",
        "quantity"), "Quantity is not available for return.", "INVALID")));

    assertThatThrownBy(() -> client().open(rma123(), false)).isInstanceOf(ShopifyRefusedException.class)
        .hasMessage("Shopify refused returnRequest: Quantity is not available for return.");
  }

  @Test
  void unitsShopifyCannotTakeBackAreRefusedBeforeAnythingIsSent() {
    answer("query OrderReturns", ShopifyReturnsApi.orderReturns(ORDER));
    answer("query ReturnableFulfillments", ShopifyReturnsApi.returnableFulfillments(
        ShopifyReturnsApi.returnable("gid://shopify/FulfillmentLineItem/501", SHIRT, 1)));

    assertThatThrownBy(() -> client().open(rma123(), true)).isInstanceOf(ShopifyRefusedException.class)
        .satisfies(e -> assertThat(((ShopifyRefusedException) e).mutation()).isEqualTo("returnCreate"))
        .hasMessageContaining(SHIRT + ": 1 of 2 units").hasMessageContaining(CHINOS + ": 1 of 1 units");
    shopify.verify(0, anyMutation());
  }

  @Test
  void aRequestedReturnIsApprovedWithoutTellingTheCustomer() {
    answer("query ReturnStatus", returnStatus(RETURN, "REQUESTED"));
    answer("mutation ReturnApproveRequest", returnPayload("returnApproveRequest", RETURN, "OPEN"));

    client().approve(RETURN);

    shopify.verify(sent("query ReturnStatus").withRequestBody(matchingJsonPath("$.variables.id", equalTo(RETURN))));
    shopify.verify(sent("mutation ReturnApproveRequest")
        .withRequestBody(matchingJsonPath("$.variables.input.id", equalTo(RETURN)))
        .withRequestBody(matchingJsonPath("$.variables.input.notifyCustomer", equalTo("false"))));
  }

  @ParameterizedTest
  @ValueSource(strings = {"OPEN", "CLOSED"})
  void aReturnApprovedBeforeIsNotApprovedAgain(String status) {
    answer("query ReturnStatus", returnStatus(RETURN, status));

    client().approve(RETURN);

    shopify.verify(0, sent("mutation ReturnApproveRequest"));
  }

  @Test
  void aRefusedApprovalIsAShopifyRefusedException() {
    answer("query ReturnStatus", returnStatus(RETURN, "DECLINED"));
    answer("mutation ReturnApproveRequest", refused("returnApproveRequest", userError(List.of("input", "id"),
        "Return is not approvable. Only returns with status REQUESTED can be approved.", "INVALID_STATE")));

    assertThatThrownBy(() -> client().approve(RETURN)).isInstanceOf(ShopifyRefusedException.class)
        .hasMessageContaining("returnApproveRequest").hasMessageContaining("Only returns with status REQUESTED");
  }

  @Test
  void anApprovalRefusedBecauseTheReturnWasApprovedMeanwhileIsDone() {
    shopify.stubFor(operation("query ReturnStatus").inScenario("approved in the admin").whenScenarioStateIs(STARTED)
        .willReturn(okJson(returnStatus(RETURN, "REQUESTED"))).willSetStateTo("approved"));
    shopify.stubFor(operation("query ReturnStatus").inScenario("approved in the admin")
        .whenScenarioStateIs("approved").willReturn(okJson(returnStatus(RETURN, "OPEN"))));
    answer("mutation ReturnApproveRequest", refused("returnApproveRequest", userError(List.of("input", "id"),
        "Return is not approvable. Only returns with status REQUESTED can be approved.", "INVALID_STATE")));

    client().approve(RETURN);

    shopify.verify(1, sent("mutation ReturnApproveRequest"));
    shopify.verify(2, sent("query ReturnStatus"));
  }

  @Test
  void aDeclinedReturnIsNotDeclinedAgain() {
    answer("query ReturnStatus", returnStatus(RETURN, "DECLINED"));

    client().decline(RETURN, "FINAL_SALE", "Final-sale items cannot be returned.");

    shopify.verify(0, anyMutation());
  }

  @Test
  void aRequestedReturnIsDeclinedWithTheReasonAndTheNote() {
    answer("query ReturnStatus", returnStatus(RETURN, "REQUESTED"));
    answer("mutation ReturnDeclineRequest", returnPayload("returnDeclineRequest", RETURN, "DECLINED"));

    client().decline(RETURN, "FINAL_SALE", "Final-sale items cannot be returned.");

    shopify.verify(sent("mutation ReturnDeclineRequest")
        .withRequestBody(matchingJsonPath("$.variables.input.id", equalTo(RETURN)))
        .withRequestBody(matchingJsonPath("$.variables.input.declineReason", equalTo("FINAL_SALE")))
        .withRequestBody(matchingJsonPath("$.variables.input.declineNote",
            equalTo("Final-sale items cannot be returned.")))
        .withRequestBody(matchingJsonPath("$.variables.input.notifyCustomer", equalTo("false"))));
  }

  @Test
  void aRefusedDeclineIsAShopifyRefusedException() {
    answer("query ReturnStatus", returnStatus(RETURN, "OPEN"));
    answer("mutation ReturnDeclineRequest", refused("returnDeclineRequest", userError(List.of("input", "id"),
        "Return is not declinable. Only non-refunded returns with status REQUESTED can be declined.",
        "INVALID_STATE")));

    assertThatThrownBy(() -> client().decline(RETURN, "OTHER", null)).isInstanceOf(ShopifyRefusedException.class)
        .hasMessageContaining("Only non-refunded returns with status REQUESTED can be declined.");
  }

  @Test
  void cancellingARequestedReturnDeclinesItWithTheNote() {
    answer("query ReturnStatus", returnStatus(RETURN, "REQUESTED"));
    answer("mutation ReturnDeclineRequest", returnPayload("returnDeclineRequest", RETURN, "DECLINED"));

    client().cancel(RETURN, "The customer withdrew the return.");

    shopify.verify(sent("mutation ReturnDeclineRequest")
        .withRequestBody(matchingJsonPath("$.variables.input.declineReason", equalTo("OTHER")))
        .withRequestBody(matchingJsonPath("$.variables.input.declineNote",
            equalTo("The customer withdrew the return."))));
    shopify.verify(0, sent("mutation ReturnCancel"));
  }

  @Test
  void anOpenReturnIsCancelled() {
    answer("query ReturnStatus", returnStatus(RETURN, "OPEN"));
    answer("mutation ReturnCancel", returnPayload("returnCancel", RETURN, "CANCELED"));

    client().cancel(RETURN, "The customer withdrew the return.");

    shopify.verify(sent("mutation ReturnCancel").withRequestBody(matchingJsonPath("$.variables.id",
        equalTo(RETURN))));
  }

  @ParameterizedTest
  @ValueSource(strings = {"CANCELED", "DECLINED", "CLOSED"})
  void aSettledReturnIsNotCancelled(String status) {
    answer("query ReturnStatus", returnStatus(RETURN, status));

    client().cancel(RETURN, "The customer withdrew the return.");

    shopify.verify(0, anyMutation());
  }

  @Test
  void aRefusedCancelIsAShopifyRefusedException() {
    answer("query ReturnStatus", returnStatus(RETURN, "OPEN"));
    answer("mutation ReturnCancel", refused("returnCancel", userError(List.of("id"),
        "Return cannot be canceled because it has been refunded.", "INVALID_STATE")));

    assertThatThrownBy(() -> client().cancel(RETURN, null)).isInstanceOf(ShopifyRefusedException.class)
        .hasMessage("Shopify refused returnCancel: Return cannot be canceled because it has been refunded.");
  }

  @Test
  void anOpenReturnIsClosed() {
    answer("query ReturnStatus", returnStatus(RETURN, "OPEN"));
    answer("mutation ReturnClose", returnPayload("returnClose", RETURN, "CLOSED"));

    client().close(RETURN);

    shopify.verify(sent("mutation ReturnClose").withRequestBody(matchingJsonPath("$.variables.id", equalTo(RETURN))));
  }

  @Test
  void aClosedReturnIsNotClosedAgain() {
    answer("query ReturnStatus", returnStatus(RETURN, "CLOSED"));

    client().close(RETURN);

    shopify.verify(0, sent("mutation ReturnClose"));
  }

  @Test
  void aRefusedCloseIsAShopifyRefusedException() {
    answer("query ReturnStatus", returnStatus(RETURN, "REQUESTED"));
    answer("mutation ReturnClose", refused("returnClose", userError(List.of("id"),
        "Return must be open to be closed.", "INVALID_STATE")));

    assertThatThrownBy(() -> client().close(RETURN)).isInstanceOf(ShopifyRefusedException.class)
        .hasMessage("Shopify refused returnClose: Return must be open to be closed.");
  }

  @Test
  void theOrdersPaymentIsWhatItReceivedAndRefundedInThePresentmentCurrency() {
    answer("query OrderPayment", ShopifyReturnsApi.orderPayment(ORDER, "EUR", "JPY", "134.63", "21500.0", "24.90",
        "3980"));

    assertThat(client().payment(ORDER)).isEqualTo(new OrderPayment("JPY", 21_500, 3_980));

    shopify.verify(sent("query OrderPayment").withRequestBody(matchingJsonPath("$.variables.id", equalTo(ORDER))));
  }
}
