package io.openrma.orders;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.openrma.integrations.IntegrationException;
import io.openrma.integrations.IntegrationMode;
import io.openrma.integrations.shopify.ShopifyAdmin;
import io.openrma.integrations.shopify.ShopifySettings;
import io.openrma.returns.ItemCategory;
import io.openrma.support.MutableClock;
import io.openrma.support.standins.ShopifyApi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.http.converter.json.Jackson2ObjectMapperBuilder;

/**
 * The Shopify order source against a stand-in that answers like Shopify's Admin GraphQL API, over real
 * HTTP. No Spring.
 */
class ShopifyOrderSourceTest {

  @RegisterExtension
  static WireMockExtension shopify = WireMockExtension.newInstance()
      .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1")).build();

  private final List<Duration> waits = new ArrayList<>();
  private final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T12:00:00Z"));

  private ShopifyOrderSource source(String accessToken, String clientId, String clientSecret, Duration readTimeout) {
    ShopifySettings settings = new ShopifySettings(IntegrationMode.LIVE, "openrma-test", shopify.baseUrl(),
        ShopifyApi.API_VERSION, accessToken, clientId, clientSecret, Duration.ofSeconds(2), readTimeout,
        Duration.ofSeconds(10), null, Duration.ofHours(6));
    ShopifyAdmin admin = new ShopifyAdmin(settings, Jackson2ObjectMapperBuilder.json().build(), waits::add, clock);
    return new ShopifyOrderSource(admin, new OrdersProperties(Period.ofDays(30), "final-sale", false));
  }

  private ShopifyOrderSource source() {
    return source(ShopifyApi.ACCESS_TOKEN, null, null, Duration.ofSeconds(5));
  }

  /** Every call carried a token and named the API version. */
  @AfterEach
  void everyGraphqlCallCarriedTheTokenAndTheApiVersion() {
    for (LoggedRequest request : shopify.findAll(anyRequestedFor(anyUrl()))) {
      if (request.getUrl().equals(ShopifyApi.TOKEN_PATH)) {
        continue;
      }
      assertThat(request.getUrl()).isEqualTo(ShopifyApi.GRAPHQL);
      assertThat(request.getHeader("X-Shopify-Access-Token")).isNotBlank();
    }
  }

  @Test
  void anOrderFoundByNumberAndEmailCarriesPricesAfterDiscountsTaxFulfilmentDeliveryReturnsAndPayment() {
    shopify.stubFor(post(urlEqualTo(ShopifyApi.GRAPHQL))
        .withHeader("X-Shopify-Access-Token", equalTo(ShopifyApi.ACCESS_TOKEN))
        .withRequestBody(matchingJsonPath("$.variables.query", equalTo("name:\"#1001\"")))
        .withRequestBody(matchingJsonPath("$.query", com.github.tomakehurst.wiremock.client.WireMock
            .containing("orders(first: 1, query: $query)")))
        .willReturn(okJson(ShopifyApi.orders(ShopifyApi.order1001()))));

    Order order = source().find("1001", " Jane.Doe@Example.com ").orElseThrow();

    assertThat(order.source()).isEqualTo("shopify");
    assertThat(order.orderId()).isEqualTo("gid://shopify/Order/5678901234");
    assertThat(order.orderNumber()).isEqualTo("#1001");
    assertThat(order.placedAt()).isEqualTo(Instant.parse("2026-02-10T09:15:00Z"));
    assertThat(order.currency()).isEqualTo("EUR");
    assertThat(order.shipping()).isEqualTo(490);
    // the later fulfillment has no delivery event: its creation counts
    assertThat(order.deliveredAt()).isEqualTo(Instant.parse("2026-02-14T08:00:00Z"));
    assertThat(order.customer()).isEqualTo(new Order.Customer("gid://shopify/Customer/7001", "Jane Doe",
        "jane.doe@example.com", "+49 30 12341001",
        new Order.Address("Hauptstr. 1", null, "Berlin", null, "10115", "DE")));
    assertThat(order.lines()).containsExactly(
        // one unit in an open Shopify return; the declined one does not count
        new Order.Line("gid://shopify/LineItem/111", "TSHIRT-MERINO-M", "Merino T-shirt - M", 2, 2, 1, 2_250, 855,
            Set.of("apparel"), ItemCategory.APPAREL),
        new Order.Line("gid://shopify/LineItem/112", "CHINO-SLIM-3232", "Slim chinos - 32/32", 1, 1, 0, 5_990, 1_138,
            Set.of("Apparel", "bottoms"), ItemCategory.APPAREL),
        // its only fulfillment was cancelled
        new Order.Line("gid://shopify/LineItem/113", "SCARF-SILK", "Silk scarf", 1, 0, 0, 1_900, 361,
            Set.of("final-sale"), ItemCategory.FINAL_SALE));
    // the capture, not the authorization before it nor the failed sale
    assertThat(order.payment()).isEqualTo(new Order.Payment("stripe", "pi_3Shop1001",
        "gid://shopify/OrderTransaction/9002", 13_463));
  }

  @Test
  void aLineCanBeExchangedForTheOtherVariantsOfItsProductThatAreForSale() {
    shopify.stubFor(post(urlEqualTo(ShopifyApi.GRAPHQL))
        .withRequestBody(matchingJsonPath("$.variables.query", equalTo("name:\"#1001\"")))
        .willReturn(okJson(ShopifyApi.orders(ShopifyApi.order1001()))));
    shopify.stubFor(post(urlEqualTo(ShopifyApi.GRAPHQL))
        .withRequestBody(matchingJsonPath("$.variables.id", equalTo("gid://shopify/LineItem/111")))
        .withRequestBody(matchingJsonPath("$.query", com.github.tomakehurst.wiremock.client.WireMock
            .containing("node(id: $id)")))
        .willReturn(okJson(ShopifyApi.data(Map.of("node", Map.of("variant", Map.of(
            "id", "gid://shopify/ProductVariant/5002",
            "product", Map.of("variants", Map.of("nodes", List.of(
                variant("5001", "S", "TSHIRT-MERINO-S", true),
                variant("5002", "M", "TSHIRT-MERINO-M", true), // the one ordered
                variant("5003", "L", "TSHIRT-MERINO-L", true),
                variant("5004", "XL", "TSHIRT-MERINO-XL", false)))))))))));
    ShopifyOrderSource source = source();
    Order order = source.find("#1001", "jane.doe@example.com").orElseThrow();

    assertThat(source.exchangeVariants(order, "gid://shopify/LineItem/111")).containsExactly(
        new Order.Variant("gid://shopify/ProductVariant/5001", "S", "TSHIRT-MERINO-S"),
        new Order.Variant("gid://shopify/ProductVariant/5003", "L", "TSHIRT-MERINO-L"));
    assertThat(source.exchangeVariants(order, "gid://shopify/LineItem/999")).as("not a line of this order").isEmpty();
    shopify.verify(1, postRequestedFor(urlEqualTo(ShopifyApi.GRAPHQL))
        .withRequestBody(matchingJsonPath("$.variables.id")));
  }

  @Test
  void aLineWhoseProductIsGoneHasNothingToExchangeFor() {
    shopify.stubFor(post(urlEqualTo(ShopifyApi.GRAPHQL))
        .withRequestBody(matchingJsonPath("$.variables.query", equalTo("name:\"#1001\"")))
        .willReturn(okJson(ShopifyApi.orders(ShopifyApi.order1001()))));
    shopify.stubFor(post(urlEqualTo(ShopifyApi.GRAPHQL))
        .withRequestBody(matchingJsonPath("$.variables.id", equalTo("gid://shopify/LineItem/112")))
        .willReturn(okJson(ShopifyApi.data(Map.of("node", Map.of("variant", Map.of()))))));
    ShopifyOrderSource source = source();
    Order order = source.find("#1001", "jane.doe@example.com").orElseThrow();

    assertThat(source.exchangeVariants(order, "gid://shopify/LineItem/112")).isEmpty();
  }

  private static Map<String, Object> variant(String id, String title, String sku, boolean availableForSale) {
    return Map.of("id", "gid://shopify/ProductVariant/" + id, "title", title, "sku", sku, "availableForSale",
        availableForSale);
  }

  @Test
  void theUnitsOfTheShopifyReturnBeingTakenOverDoNotCountAsReturnedBefore() {
    shopify.stubFor(post(urlEqualTo(ShopifyApi.GRAPHQL)).willReturn(okJson(ShopifyApi.orders(ShopifyApi.order1001()))));
    Order order = source().find("#1001", "jane.doe@example.com").orElseThrow();

    // the declined return holds nothing; the open one holds the shirt it is about
    assertThat(order.unitsInSourceReturns()).isEqualTo(Map.of("gid://shopify/Return/9101",
        Map.of("gid://shopify/LineItem/111", 1)));
    assertThat(order.withoutSourceReturn("gid://shopify/Return/9101").line("gid://shopify/LineItem/111")
        .orElseThrow().returnedAtSource()).isZero();
    assertThat(order.withoutSourceReturn("gid://shopify/Return/9999").line("gid://shopify/LineItem/111")
        .orElseThrow().returnedAtSource()).isEqualTo(1);
  }

  @Test
  void theShippingPostalCodeProvesTheOrderAsWellAsTheEmail() {
    shopify.stubFor(post(urlEqualTo(ShopifyApi.GRAPHQL)).willReturn(okJson(ShopifyApi.orders(ShopifyApi.order1001()))));

    assertThat(source().find("#1001", "101 15")).map(Order::orderNumber).contains("#1001");
  }

  @Test
  void aWrongEmailAnswersEmptyExactlyAsAnUnknownOrder() {
    shopify.stubFor(post(urlEqualTo(ShopifyApi.GRAPHQL))
        .withRequestBody(matchingJsonPath("$.variables.query", equalTo("name:\"#1001\"")))
        .willReturn(okJson(ShopifyApi.orders(ShopifyApi.order1001()))));
    shopify.stubFor(post(urlEqualTo(ShopifyApi.GRAPHQL))
        .withRequestBody(matchingJsonPath("$.variables.query", equalTo("name:\"#9999\"")))
        .willReturn(okJson(ShopifyApi.orders())));

    assertThat(source().find("#1001", "max.mustermann@example.com")).isEmpty();
    assertThat(source().find("#9999", "jane.doe@example.com")).isEmpty();
  }

  @Test
  void anOrderIsReadByItsShopifyId() {
    shopify.stubFor(post(urlEqualTo(ShopifyApi.GRAPHQL))
        .withRequestBody(matchingJsonPath("$.variables.id", equalTo("gid://shopify/Order/5678901234")))
        .willReturn(okJson(ShopifyApi.order(ShopifyApi.order1001()))));
    shopify.stubFor(post(urlEqualTo(ShopifyApi.GRAPHQL))
        .withRequestBody(matchingJsonPath("$.variables.id", equalTo("gid://shopify/Order/1")))
        .willReturn(okJson(ShopifyApi.order(null))));

    assertThat(source().get("5678901234")).map(Order::orderNumber).contains("#1001");
    assertThat(source().get("gid://shopify/Order/1")).isEmpty();
  }

  @Test
  void anOrderWithMoreThanAHundredLinesIsReadPageByPage() {
    Map<String, Object> order = ShopifyApi.order1001();
    List<Map<String, Object>> first = new ArrayList<>();
    for (int i = 0; i < 100; i++) {
      first.add(ShopifyApi.lineItem("gid://shopify/LineItem/" + (1000 + i), "SOCK-" + i, "Sock", "Sock " + i, 1, "5.0",
          List.of("0.95"), List.of()));
    }
    order.put("lineItems", ShopifyApi.lineItems(first, "cursor-100", true));
    shopify.stubFor(post(urlEqualTo(ShopifyApi.GRAPHQL)).withRequestBody(matchingJsonPath("$.variables.query"))
        .willReturn(okJson(ShopifyApi.orders(order))));
    shopify.stubFor(post(urlEqualTo(ShopifyApi.GRAPHQL))
        .withRequestBody(matchingJsonPath("$.variables.after", equalTo("cursor-100")))
        .withRequestBody(matchingJsonPath("$.variables.id", equalTo("gid://shopify/Order/5678901234")))
        .willReturn(okJson(ShopifyApi.moreLines(List.of(ShopifyApi.lineItem("gid://shopify/LineItem/2000", "HAT",
            "Hat", "Hat", 1, "15.0", List.of("2.85"), List.of("apparel"))), "cursor-101", false))));

    Order found = source().find("#1001", "jane.doe@example.com").orElseThrow();

    assertThat(found.lines()).hasSize(101);
    assertThat(found.line("gid://shopify/LineItem/2000")).map(Order.Line::unitPrice).contains(1_500L);
    shopify.verify(2, postRequestedFor(urlEqualTo(ShopifyApi.GRAPHQL)));
  }

  @Test
  void aWrongEmailReadsNoFurtherPagesOfTheOrder() {
    Map<String, Object> order = ShopifyApi.order1001();
    order.put("lineItems", ShopifyApi.lineItems(List.of(), "cursor-100", true));
    shopify.stubFor(post(urlEqualTo(ShopifyApi.GRAPHQL)).willReturn(okJson(ShopifyApi.orders(order))));

    assertThat(source().find("#1001", "someone.else@example.com")).isEmpty();
    shopify.verify(1, postRequestedFor(urlEqualTo(ShopifyApi.GRAPHQL)));
  }

  @Test
  void anOrderWithoutShippingAddressShipsTheLabelFromItsBillingAddress() {
    Map<String, Object> order = ShopifyApi.order1001();
    order.put("shippingAddress", null);
    Map<String, Object> billing = ShopifyApi.address();
    billing.put("address1", "Rechnungsweg 5");
    order.put("billingAddress", billing);
    shopify.stubFor(post(urlEqualTo(ShopifyApi.GRAPHQL)).willReturn(okJson(ShopifyApi.orders(order))));

    Order found = source().find("#1001", "jane.doe@example.com").orElseThrow();

    assertThat(found.customer().shippingAddress().line1()).isEqualTo("Rechnungsweg 5");
  }

  @Test
  void pricesAreWhatTheCustomerPaidInTheirCurrencyNotTheShopsBookkeepingCurrency() {
    Map<String, Object> order = ShopifyApi.order1001();
    order.put("presentmentCurrencyCode", "CHF");
    Map<String, Object> line = ShopifyApi.lineItem("gid://shopify/LineItem/111", "TSHIRT-MERINO-M", "Merino T-shirt",
        "Merino T-shirt - M", 1, "22.5", List.of(), List.of("apparel"));
    line.put("discountedUnitPriceAfterAllDiscountsSet", ShopifyApi.moneyBag("22.5", "EUR", "21.9", "CHF"));
    order.put("lineItems", Map.of("nodes", List.of(line)));
    shopify.stubFor(post(urlEqualTo(ShopifyApi.GRAPHQL)).willReturn(okJson(ShopifyApi.orders(order))));

    Order found = source().find("#1001", "jane.doe@example.com").orElseThrow();

    assertThat(found.currency()).isEqualTo("CHF");
    assertThat(found.lines().get(0).unitPrice()).isEqualTo(2_190);
  }

  @Test
  void aThrottledCallWaitsUntilTheBucketHoldsItsCostAndTriesAgain() {
    shopify.stubFor(post(urlEqualTo(ShopifyApi.GRAPHQL)).inScenario("bucket").whenScenarioStateIs(STARTED)
        .willReturn(okJson(ShopifyApi.throttled(112, 12, 100))).willSetStateTo("refilled"));
    shopify.stubFor(post(urlEqualTo(ShopifyApi.GRAPHQL)).inScenario("bucket").whenScenarioStateIs("refilled")
        .willReturn(okJson(ShopifyApi.orders(ShopifyApi.order1001()))));

    assertThat(source().find("#1001", "jane.doe@example.com")).isPresent();

    assertThat(waits).containsExactly(Duration.ofSeconds(1)); // (112 - 12) / 100 points per second
    shopify.verify(2, postRequestedFor(urlEqualTo(ShopifyApi.GRAPHQL)));
  }

  @Test
  void aThrottled429AlsoWaitsAndAWaitBeyondTheLimitFails() {
    shopify.stubFor(post(urlEqualTo(ShopifyApi.GRAPHQL)).willReturn(aResponse().withStatus(429)
        .withHeader("Content-Type", "application/json").withBody(ShopifyApi.throttled(1000, 0, 50))));

    assertThatThrownBy(() -> source().find("#1001", "jane.doe@example.com"))
        .isInstanceOf(IntegrationException.class)
        .hasMessageContaining("Shopify").hasMessageContaining("throttled");
    assertThat(waits).isEmpty(); // 20 s is beyond max-throttle-wait of 10 s: fail now, the engine retries later
  }

  @Test
  void aGraphqlErrorIsAnIntegrationExceptionNamingShopifyAndTheMessage() {
    shopify.stubFor(post(urlEqualTo(ShopifyApi.GRAPHQL)).willReturn(okJson(
        ShopifyApi.error("Field 'returns' doesn't exist on type 'Order'", "undefinedField"))));

    assertThatThrownBy(() -> source().find("#1001", "jane.doe@example.com"))
        .isInstanceOf(IntegrationException.class)
        .hasMessageContaining("Shopify: look up order #1001 failed")
        .hasMessageContaining("Field 'returns' doesn't exist on type 'Order'");
  }

  @Test
  void aRefusedStaticTokenIsAnIntegrationException() {
    shopify.stubFor(post(urlEqualTo(ShopifyApi.GRAPHQL)).willReturn(aResponse().withStatus(401)
        .withHeader("Content-Type", "application/json")
        .withBody("{\"errors\":\"[API] Invalid API key or access token (unrecognized login or wrong password)\"}")));

    assertThatThrownBy(() -> source().find("#1001", "jane.doe@example.com"))
        .isInstanceOf(IntegrationException.class).hasMessageContaining("HTTP 401");
    shopify.verify(1, postRequestedFor(urlEqualTo(ShopifyApi.GRAPHQL)));
  }

  @Test
  void clientCredentialsFetchATokenKeepItAndFetchOneMoreAfterA401() {
    shopify.stubFor(post(urlEqualTo(ShopifyApi.TOKEN_PATH)).inScenario("tokens").whenScenarioStateIs(STARTED)
        .withHeader("Content-Type", com.github.tomakehurst.wiremock.client.WireMock.containing(
            "application/x-www-form-urlencoded"))
        .withFormParam("grant_type", equalTo("client_credentials"))
        .withFormParam("client_id", equalTo(ShopifyApi.CLIENT_ID))
        .withFormParam("client_secret", equalTo(ShopifyApi.CLIENT_SECRET))
        .willReturn(okJson(ShopifyApi.token("shpat_first", 86_399))).willSetStateTo("second"));
    shopify.stubFor(post(urlEqualTo(ShopifyApi.TOKEN_PATH)).inScenario("tokens").whenScenarioStateIs("second")
        .willReturn(okJson(ShopifyApi.token("shpat_second", 86_399))));
    shopify.stubFor(post(urlEqualTo(ShopifyApi.GRAPHQL)).withHeader("X-Shopify-Access-Token", equalTo("shpat_first"))
        .willReturn(aResponse().withStatus(401).withHeader("Content-Type", "application/json")
            .withBody(
                "{\"errors\":\"[API] Invalid API key or access token (unrecognized login or wrong password)\"}")));
    shopify.stubFor(post(urlEqualTo(ShopifyApi.GRAPHQL)).withHeader("X-Shopify-Access-Token", equalTo("shpat_second"))
        .willReturn(okJson(ShopifyApi.orders(ShopifyApi.order1001()))));
    ShopifyOrderSource source = source(null, ShopifyApi.CLIENT_ID, ShopifyApi.CLIENT_SECRET, Duration.ofSeconds(5));

    assertThat(source.find("#1001", "jane.doe@example.com")).isPresent();
    assertThat(source.find("#1001", "jane.doe@example.com")).isPresent();

    shopify.verify(2, postRequestedFor(urlEqualTo(ShopifyApi.TOKEN_PATH))); // the second is kept
    shopify.verify(3, postRequestedFor(urlEqualTo(ShopifyApi.GRAPHQL)));
  }

  @Test
  void aClientCredentialsTokenIsRenewedBeforeItExpires() {
    shopify.stubFor(post(urlEqualTo(ShopifyApi.TOKEN_PATH)).willReturn(okJson(ShopifyApi.token("shpat_x", 86_399))));
    shopify.stubFor(post(urlEqualTo(ShopifyApi.GRAPHQL)).willReturn(okJson(ShopifyApi.orders(ShopifyApi.order1001()))));
    ShopifyOrderSource source = source(null, ShopifyApi.CLIENT_ID, ShopifyApi.CLIENT_SECRET, Duration.ofSeconds(5));

    source.find("#1001", "jane.doe@example.com");
    clock.advance(Duration.ofHours(23));
    source.find("#1001", "jane.doe@example.com");
    shopify.verify(1, postRequestedFor(urlEqualTo(ShopifyApi.TOKEN_PATH)));

    clock.advance(Duration.ofMinutes(56)); // within five minutes of the end of its 24 hours
    source.find("#1001", "jane.doe@example.com");
    shopify.verify(2, postRequestedFor(urlEqualTo(ShopifyApi.TOKEN_PATH)));
  }

  @Test
  void aTimeoutIsAnIntegrationException() {
    shopify.stubFor(post(urlEqualTo(ShopifyApi.GRAPHQL))
        .willReturn(okJson(ShopifyApi.orders(ShopifyApi.order1001())).withFixedDelay(1_500)));

    assertThatThrownBy(() -> source(ShopifyApi.ACCESS_TOKEN, null, null, Duration.ofMillis(300))
        .find("#1001", "jane.doe@example.com"))
        .isInstanceOf(IntegrationException.class)
        .hasMessageContaining("Shopify").hasMessageContaining("timeout");
  }

  @Test
  void aVersionBeforeTheFirstWithReturnProcessIsRefused() {
    ShopifySettings old = new ShopifySettings(IntegrationMode.LIVE, "shop", null, "2025-04", "shpat_x", null, null,
        Duration.ofSeconds(5), Duration.ofSeconds(30), Duration.ofSeconds(10), null, Duration.ofHours(6));
    assertThat(old.missingForLive()).singleElement().asString().contains("api-version 2025-07 or later");
    assertThat(old.endpoint()).isEqualTo("https://shop.myshopify.com");
  }
}
