package io.openrma.integrations.bookkeeping;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.openrma.integrations.IntegrationException;
import io.openrma.integrations.IntegrationMode;
import io.openrma.integrations.bookkeeping.Bookkeeping.Entry;
import io.openrma.integrations.bookkeeping.Bookkeeping.Line;
import io.openrma.integrations.bookkeeping.Bookkeeping.Posted;
import io.openrma.integrations.bookkeeping.QuickBooksSettings.DocumentType;
import io.openrma.support.standins.QuickBooksApi;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.Status;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.http.converter.json.Jackson2ObjectMapperBuilder;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * The live QuickBooks adapter against a stand-in answering like Intuit's Accounting API and OAuth server, over real
 * HTTP; the tokens in the real table (V9, on H2). No Spring context.
 */
class QuickBooksBookkeepingTest {

  @RegisterExtension
  static WireMockExtension intuit = WireMockExtension.newInstance()
      .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1")).build();

  static final String KEY = Base64.getEncoder().encodeToString("0123456789abcdef0123456789abcdef".getBytes(
      StandardCharsets.US_ASCII));
  static final String BASIC = "Basic " + Base64.getEncoder().encodeToString(
      (QuickBooksApi.CLIENT_ID + ":" + QuickBooksApi.CLIENT_SECRET).getBytes(StandardCharsets.UTF_8));
  static final String COMPANY = "/v3/company/" + QuickBooksApi.REALM;
  static final String EMAIL = "ada@shop.example";
  static final String KEY_1 = "RMA-001234:RecordRefundInBooks:1";

  private final ObjectMapper json = Jackson2ObjectMapperBuilder.json().build();
  private JdbcTemplate jdbc;
  private QuickBooksTokens tokens;

  @BeforeEach
  void database() throws Exception {
    DriverManagerDataSource dataSource = new DriverManagerDataSource("jdbc:h2:mem:qb-" + UUID.randomUUID()
        + ";DB_CLOSE_DELAY=-1");
    jdbc = new JdbcTemplate(dataSource);
    jdbc.execute(Files.readString(Path.of("src/main/resources/db/migration/V9__quickbooks_tokens.sql")));
    tokens = new QuickBooksTokens(settings(DocumentType.REFUND_RECEIPT), jdbc,
        new DataSourceTransactionManager(dataSource), json, Clock.systemUTC());
  }

  private static QuickBooksSettings settings(DocumentType type) {
    return new QuickBooksSettings(IntegrationMode.LIVE, intuit.baseUrl(), false, intuit.baseUrl(),
        "https://appcenter.intuit.com/connect/oauth2", null, QuickBooksApi.REALM,
        QuickBooksApi.CLIENT_ID, QuickBooksApi.CLIENT_SECRET, "RT-1", KEY, type, "31", "SHIPPING_ITEM_ID",
        "BONUS_ITEM_ID", "35",
        "2",
        "TAX", "NON", 75, Duration.ofSeconds(2), Duration.ofSeconds(5));
  }

  private QuickBooksBookkeeping books(DocumentType type) {
    return new QuickBooksBookkeeping(settings(type), tokens, json);
  }

  /** 1 shirt 22.50 and 2 socks 18.00, tax 7.70, fee 4.05, shipping 4.95: 49.10 EUR. */
  static Entry entry(long total) {
    return new Entry("RMA-001234", KEY_1, "EUR", "Ada Lovelace", EMAIL,
        List.of(new Line("TSHIRT-M-BLU", "T-shirt blue M", 1, 2250, true), new Line("SOCKS-3", "Socks", 2, 1800, true)),
        770, 405, 495, 0, total, "re_3QbRefund12345");
  }

  private static void refreshes(String refreshToken, String access, String next) {
    intuit.stubFor(post("/oauth2/v1/tokens/bearer").withHeader("Authorization", equalTo(BASIC))
        .withFormParam("grant_type", equalTo("refresh_token")).withFormParam("refresh_token", equalTo(refreshToken))
        .willReturn(okJson(QuickBooksApi.token(access, next))));
  }

  private static void finds(String query, String answer) {
    intuit.stubFor(get(urlPathEqualTo(COMPANY + "/query")).withQueryParam("query", equalTo(query))
        .withQueryParam("minorversion", equalTo("75")).willReturn(okJson(answer)));
  }

  private static void customerAndItems() {
    finds("select * from Customer where PrimaryEmailAddr = '" + EMAIL + "'",
        QuickBooksApi.query("Customer", QuickBooksApi.customer("58", "Ada Lovelace", EMAIL)));
    finds("select * from Item where Sku = 'TSHIRT-M-BLU'",
        QuickBooksApi.query("Item", QuickBooksApi.item("11", "T-shirt blue M", "TSHIRT-M-BLU")));
    finds("select * from Item where Sku = 'SOCKS-3'",
        QuickBooksApi.query("Item", QuickBooksApi.item("12", "Socks", "SOCKS-3")));
  }

  private static void posts(String entity, String access, int status, String answer) {
    intuit.stubFor(post(urlPathEqualTo(COMPANY + "/" + entity)).withQueryParam("minorversion", equalTo("75"))
        .withQueryParam("requestid", equalTo(KEY_1)).withHeader("Authorization", equalTo("Bearer " + access))
        .willReturn(aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody(answer)));
  }

  static final String REFUND_RECEIPT = """
      {"DocNumber": "RMA-001234", "CustomerRef": {"value": "58"},
       "Line": [
        {"DetailType": "SalesItemLineDetail", "Amount": 22.50, "Description": "T-shirt blue M",
         "SalesItemLineDetail": {"ItemRef": {"value": "11"}, "Qty": 1, "UnitPrice": 22.5, "TaxCodeRef": {"value": "TAX"}}},
        {"DetailType": "SalesItemLineDetail", "Amount": 18.00, "Description": "Socks",
         "SalesItemLineDetail": {"ItemRef": {"value": "12"}, "Qty": 2, "UnitPrice": 9, "TaxCodeRef": {"value": "TAX"}}},
        {"DetailType": "SalesItemLineDetail", "Amount": -4.05, "Description": "Restocking fee",
         "SalesItemLineDetail": {"ItemRef": {"value": "31"}, "Qty": 1, "UnitPrice": -4.05, "TaxCodeRef": {"value": "NON"}}},
        {"DetailType": "SalesItemLineDetail", "Amount": 4.95, "Description": "Shipping refunded",
         "SalesItemLineDetail": {"ItemRef": {"value": "SHIPPING_ITEM_ID"}, "Qty": 1, "UnitPrice": 4.95,
          "TaxCodeRef": {"value": "NON"}}}],
       "TxnTaxDetail": {"TotalTax": 7.70},
       "PrivateNote": "Return RMA-001234 refunded by OpenRMA (re_3QbRefund12345)",
       "DepositToAccountRef": {"value": "35"}, "PaymentMethodRef": {"value": "2"},
       "PaymentRefNum": "re_3QbRefund12345"}
      """;

  @Test
  void aRefundIsOneRefundReceiptWithEveryFieldAndTheRefundsTotal() {
    refreshes("RT-1", "AT-1", "RT-2");
    customerAndItems();
    posts("refundreceipt", "AT-1", 200, QuickBooksApi.entity("RefundReceipt",
        QuickBooksApi.document("145", "RMA-001234", 49.1, 7.7)));

    Posted posted = books(DocumentType.REFUND_RECEIPT).recordRefund(entry(4_910));

    assertThat(posted).isEqualTo(new Posted("RefundReceipt", "145", "RMA-001234", 4_910));
    intuit.verify(1, postRequestedFor(urlPathEqualTo(COMPANY + "/refundreceipt"))
        .withRequestBody(equalToJson(REFUND_RECEIPT, false, false)));
    intuit.verify(0, postRequestedFor(urlPathEqualTo(COMPANY + "/customer")));
  }

  @Test
  void storeCreditIsACreditMemoForACustomerCreatedByEmail() {
    refreshes("RT-1", "AT-1", "RT-2");
    finds("select * from Customer where PrimaryEmailAddr = '" + EMAIL + "'", QuickBooksApi.query("Customer"));
    customerAndItemsWithoutCustomer();
    intuit.stubFor(post(urlPathEqualTo(COMPANY + "/customer")).withQueryParam("minorversion", equalTo("75"))
        .withRequestBody(equalToJson("{\"DisplayName\": \"Ada Lovelace (" + EMAIL + ")\", "
            + "\"PrimaryEmailAddr\": {\"Address\": \"" + EMAIL + "\"}}"))
        .willReturn(okJson(QuickBooksApi.entity("Customer", QuickBooksApi.customer("77", "Ada Lovelace", EMAIL)))));
    posts("creditmemo", "AT-1", 200, QuickBooksApi.entity("CreditMemo",
        QuickBooksApi.document("146", "RMA-001234", 49.1, 7.7)));

    Posted posted = books(DocumentType.REFUND_RECEIPT).recordStoreCredit(entry(4_910));

    assertThat(posted.type()).isEqualTo("CreditMemo");
    assertThat(posted.id()).isEqualTo("146");
    intuit.verify(1, postRequestedFor(urlPathEqualTo(COMPANY + "/creditmemo"))
        .withRequestBody(equalToJson("{\"CustomerRef\": {\"value\": \"77\"}, \"DocNumber\": \"RMA-001234\"}", false,
            true)));
    // a credit memo pays nothing out: no deposit account, payment method or payment reference
    assertThat(intuit.findAll(postRequestedFor(urlPathEqualTo(COMPANY + "/creditmemo"))).get(0).getBodyAsString())
        .doesNotContain("DepositToAccountRef", "PaymentMethodRef", "PaymentRefNum");
  }

  @Test
  void aStoreCreditBonusIsALineOfItsOwnSoTheCreditMemoTotalsTheCredit() {
    refreshes("RT-1", "AT-1", "RT-2");
    customerAndItems();
    // 49.10 refunded + 10 % bonus 4.91 = 54.01 credited
    posts("creditmemo", "AT-1", 200, QuickBooksApi.entity("CreditMemo",
        QuickBooksApi.document("147", "RMA-001234", 54.01, 7.7)));
    Entry credit = new Entry("RMA-001234", KEY_1, "EUR", "Ada Lovelace", EMAIL, entry(4_910).lines(), 770, 405, 495,
        491, 5_401, "cbtxn_1Credit");

    Posted posted = books(DocumentType.REFUND_RECEIPT).recordStoreCredit(credit);

    assertThat(posted).isEqualTo(new Posted("CreditMemo", "147", "RMA-001234", 5_401));
    intuit.verify(1, postRequestedFor(urlPathEqualTo(COMPANY + "/creditmemo")).withRequestBody(equalToJson("""
        {"Line": [{}, {}, {}, {},
          {"DetailType": "SalesItemLineDetail", "Amount": 4.91, "Description": "Store credit bonus",
           "SalesItemLineDetail": {"ItemRef": {"value": "BONUS_ITEM_ID"}, "Qty": 1, "UnitPrice": 4.91,
            "TaxCodeRef": {"value": "NON"}}}]}
        """, false, true)));
  }

  private static void customerAndItemsWithoutCustomer() {
    finds("select * from Item where Sku = 'TSHIRT-M-BLU'",
        QuickBooksApi.query("Item", QuickBooksApi.item("11", "T-shirt blue M", "TSHIRT-M-BLU")));
    finds("select * from Item where Sku = 'SOCKS-3'",
        QuickBooksApi.query("Item", QuickBooksApi.item("12", "Socks", "SOCKS-3")));
  }

  @Test
  void anUnknownSkuIsRefusedWithWhatToDo() {
    refreshes("RT-1", "AT-1", "RT-2");
    finds("select * from Customer where PrimaryEmailAddr = '" + EMAIL + "'",
        QuickBooksApi.query("Customer", QuickBooksApi.customer("58", "Ada Lovelace", EMAIL)));
    finds("select * from Item where Sku = 'TSHIRT-M-BLU'", QuickBooksApi.query("Item"));

    assertThatThrownBy(() -> books(DocumentType.REFUND_RECEIPT).recordRefund(entry(4_910)))
        .isInstanceOf(QuickBooksRefusedException.class).hasMessageContaining("no item has the SKU TSHIRT-M-BLU");
    intuit.verify(0, postRequestedFor(urlPathEqualTo(COMPANY + "/refundreceipt")));
  }

  @Test
  void aRefusedAccessTokenIsRefreshedOnceAndTheRotatedRefreshTokenIsStoredEncrypted() {
    refreshes("RT-1", "AT-1", "RT-2");
    refreshes("RT-2", "AT-2", "RT-3");
    customerAndItems();
    // QuickBooks answers an expired token with 401 and an AuthenticationFault
    intuit.stubFor(get(urlPathEqualTo(COMPANY + "/query")).withHeader("Authorization", equalTo("Bearer AT-1"))
        .atPriority(1).willReturn(aResponse().withStatus(401).withHeader("Content-Type", "application/json")
            .withBody(QuickBooksApi.fault("AuthenticationFault", "3200", "message=AuthenticationFailed",
                "Token expired"))));
    posts("refundreceipt", "AT-2", 200, QuickBooksApi.entity("RefundReceipt",
        QuickBooksApi.document("145", "RMA-001234", 49.1, 7.7)));

    assertThat(books(DocumentType.REFUND_RECEIPT).recordRefund(entry(4_910)).id()).isEqualTo("145");

    intuit.verify(2, postRequestedFor(urlPathEqualTo("/oauth2/v1/tokens/bearer")));
    String stored = jdbc.queryForObject("SELECT refresh_token FROM rma_quickbooks_token", String.class);
    String storedAccess = jdbc.queryForObject("SELECT access_token FROM rma_quickbooks_token", String.class);
    assertThat(stored + storedAccess).doesNotContain("RT-3", "AT-2");
    assertThat(new String(Base64.getDecoder().decode(stored), StandardCharsets.ISO_8859_1)).doesNotContain("RT-3");
    assertThat(new TokenCipher(KEY).decrypt(stored, QuickBooksApi.REALM)).isEqualTo("RT-3");
  }

  @Test
  void theOldRefreshTokenIsNeverUsedAgainOnceRotated() {
    intuit.stubFor(post("/oauth2/v1/tokens/bearer").inScenario("rotation").whenScenarioStateIs(Scenario.STARTED)
        .withFormParam("refresh_token", equalTo("RT-1")).willSetStateTo("RT-1 used")
        .willReturn(okJson(QuickBooksApi.token("AT-1", "RT-2"))));
    intuit.stubFor(post("/oauth2/v1/tokens/bearer").inScenario("rotation").whenScenarioStateIs("RT-1 used")
        .withFormParam("refresh_token", equalTo("RT-1"))
        .willReturn(aResponse().withStatus(400).withHeader("Content-Type", "application/json")
            .withBody(QuickBooksApi.invalidGrant())));
    refreshes("RT-2", "AT-2", "RT-3");

    assertThat(tokens.accessToken()).isEqualTo("AT-1");
    assertThat(tokens.refreshedAfter("AT-1")).isEqualTo("AT-2"); // with RT-2: RT-1 would now be refused
    intuit.verify(1, postRequestedFor(urlPathEqualTo("/oauth2/v1/tokens/bearer"))
        .withRequestBody(equalTo("grant_type=refresh_token&refresh_token=RT-2")));
    assertThat(tokens.accessToken()).isEqualTo("AT-2"); // still valid: no refresh
    intuit.verify(2, postRequestedFor(urlPathEqualTo("/oauth2/v1/tokens/bearer")));
  }

  @Test
  void aRefusedRefreshTokenSaysReconnectQuickBooksAndIsNotTriedAgain() {
    intuit.stubFor(post("/oauth2/v1/tokens/bearer").willReturn(aResponse().withStatus(400)
        .withHeader("Content-Type", "application/json").withBody(QuickBooksApi.invalidGrant())));

    assertThatThrownBy(() -> books(DocumentType.REFUND_RECEIPT).recordRefund(entry(4_910)))
        .isInstanceOf(QuickBooksDisconnectedException.class).hasMessageContaining("reconnect QuickBooks")
        .hasMessageContaining("invalid_grant");
    assertThat(tokens.connection()).hasValueSatisfying(c -> assertThat(c.refusedAt()).isNotNull());
    assertThatThrownBy(tokens::accessToken).isInstanceOf(QuickBooksDisconnectedException.class);
    intuit.verify(1, postRequestedFor(urlPathEqualTo("/oauth2/v1/tokens/bearer")));
    Health health = new QuickBooksHealth(tokens, Clock.systemUTC()).health();
    assertThat(health.getStatus()).isEqualTo(Status.UNKNOWN);
    assertThat(health.getDetails().get("warning").toString()).startsWith("reconnect QuickBooks")
        .contains("invalid_grant");
  }

  @Test
  void aWorkingConnectionIsHealthyAndShowsWhenItsRefreshTokenExpires() {
    refreshes("RT-1", "AT-1", "RT-2");
    tokens.accessToken();

    Health health = new QuickBooksHealth(tokens, Clock.systemUTC()).health();
    assertThat(health.getStatus()).isEqualTo(Status.UP);
    assertThat(health.getDetails()).containsKey("refreshTokenExpiresAt").doesNotContainKey("warning");
  }

  @ParameterizedTest
  @ValueSource(ints = {429, 500, 503})
  void throttlingAndServerErrorsAreLeftToTheEnginesRetry(int status) {
    refreshes("RT-1", "AT-1", "RT-2");
    customerAndItems();
    posts("refundreceipt", "AT-1", status, status == 429
        ? ""
        : QuickBooksApi.fault("SystemFault", "10000",
            "An application error has occurred while processing your request", "System Failure Error"));

    assertThatThrownBy(() -> books(DocumentType.REFUND_RECEIPT).recordRefund(entry(4_910)))
        .isInstanceOf(IntegrationException.class).isNotInstanceOf(QuickBooksRefusedException.class)
        .hasMessageContaining("QuickBooks").hasMessageContaining(String.valueOf(status));
  }

  @ParameterizedTest
  @ValueSource(ints = {200, 400})
  void aValidationFaultIsARefusalWithQuickBooksMessageWhateverTheStatus(int status) {
    refreshes("RT-1", "AT-1", "RT-2");
    customerAndItems();
    posts("refundreceipt", "AT-1", status, QuickBooksApi.fault("ValidationFault", "6000",
        "A business validation error has occurred while processing your request",
        "Business Validation Error: You can't create transactions in a closed period."));

    assertThatThrownBy(() -> books(DocumentType.REFUND_RECEIPT).recordRefund(entry(4_910)))
        .isInstanceOf(QuickBooksRefusedException.class).hasMessageContaining("6000")
        .hasMessageContaining("closed period");
  }

  @Test
  void aDuplicateDocumentNumberUnderRetryIsTheDocumentAnEarlierAttemptPosted() {
    refreshes("RT-1", "AT-1", "RT-2");
    customerAndItems();
    posts("refundreceipt", "AT-1", 400, QuickBooksApi.fault("ValidationFault", "6140",
        "Duplicate Document Number Error", "Duplicate Document Number Error : You must specify a different number. "
            + "This number has already been used. DocNumber=RMA-001234 is assigned to TxnType=Refund Receipt with "
            + "TxnId=145"));
    finds("select * from RefundReceipt where DocNumber = 'RMA-001234'", QuickBooksApi.query("RefundReceipt",
        QuickBooksApi.document("145", "RMA-001234", 49.1, 7.7)));

    assertThat(books(DocumentType.REFUND_RECEIPT).recordRefund(entry(4_910)))
        .isEqualTo(new Posted("RefundReceipt", "145", "RMA-001234", 4_910));
    intuit.verify(1, postRequestedFor(urlPathEqualTo(COMPANY + "/refundreceipt")));
    intuit.verify(1, getRequestedFor(urlPathEqualTo(COMPANY + "/query"))
        .withQueryParam("query", equalTo("select * from RefundReceipt where DocNumber = 'RMA-001234'")));
  }

  @Test
  void aTotalOtherThanTheRefundIsRefusedNotRecorded() {
    refreshes("RT-1", "AT-1", "RT-2");
    customerAndItems();
    // QuickBooks computed its own tax: 49.60 instead of 49.10
    posts("refundreceipt", "AT-1", 200, QuickBooksApi.entity("RefundReceipt",
        QuickBooksApi.document("145", "RMA-001234", 49.6, 8.2)));

    assertThatThrownBy(() -> books(DocumentType.REFUND_RECEIPT).recordRefund(entry(4_910)))
        .isInstanceOf(QuickBooksRefusedException.class).hasMessageContaining("totals 49.60 EUR")
        .hasMessageContaining("not the refunded 49.10 EUR");
  }

  @Test
  void linesThatDoNotAddUpToTheRefundAreNeverPosted() {
    assertThatThrownBy(() -> books(DocumentType.REFUND_RECEIPT).recordRefund(entry(4_000)))
        .isInstanceOf(QuickBooksRefusedException.class).hasMessageContaining("would total 49.10 EUR");
    assertThat(intuit.getAllServeEvents()).isEmpty();
  }

  @Test
  void aRequestIdLongerThanQuickBooksAllowsIsHashedToFit() {
    assertThat(QuickBooksBookkeeping.requestId(KEY_1)).isEqualTo(KEY_1);
    String longKey = "RMA-00000000001234567890:RecordRefundInBooks:12345";
    assertThat(QuickBooksBookkeeping.requestId(longKey + "6")).hasSizeLessThanOrEqualTo(50)
        .isNotEqualTo(QuickBooksBookkeeping.requestId(longKey + "7"));
  }

  @Test
  void aQuoteInAQueryValueIsEscaped() {
    // the adapter's own QuickBooksApi, not the stand-in of the same simple name imported above
    assertThat(io.openrma.integrations.bookkeeping.QuickBooksApi.quoted("o'brien@shop.example"))
        .isEqualTo("o\\'brien@shop.example");
  }
}
