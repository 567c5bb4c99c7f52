package io.openrma.integrations.shipping;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;

import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.openrma.integrations.IntegrationException;
import io.openrma.integrations.IntegrationMode;
import io.openrma.integrations.shipping.ReturnLabelProvider.LabelRequest;
import io.openrma.integrations.shipping.ReturnLabelProvider.ParcelItem;
import io.openrma.integrations.shipping.ReturnLabelProvider.ReturnLabel;
import io.openrma.returns.Address;
import io.openrma.support.standins.ShipStationApi;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.http.converter.json.Jackson2ObjectMapperBuilder;

/** The live ShipStation API v2 adapter against a stand-in that answers like ShipStation, over real HTTP. No Spring. */
class ShipStationLabelProviderTest {

  @RegisterExtension
  static WireMockExtension shipStation = WireMockExtension.newInstance()
      .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1")).build();

  static final byte[] PDF = SimplePdf.page(List.of("FEDEX GROUND RETURN", "794698437521"));
  static final Address CUSTOMER = new Address("1600 Amphitheatre Pkwy", null, "Mountain View", "CA", "94043", "US");
  static final LabelRequest REQUEST = new LabelRequest("RMA-004711", "Ada Lovelace", "+1 650 555 0100", CUSTOMER,
      List.of(new ParcelItem("SKU-RED-M", "Red shirt M", 1), new ParcelItem("SKU-BLU-L", "Blue shirt L", 2)),
      "RMA-004711:GenerateReturnLabel");
  static final String EXTERNAL_ID = ShipStationLabelProvider.externalShipmentId(REQUEST);

  private static ShipStationLabelProvider provider(Duration readTimeout) {
    return new ShipStationLabelProvider(new ShipStationSettings(IntegrationMode.LIVE, ShipStationApi.API_KEY,
        shipStation.baseUrl(), "se-123456", "fedex_ground", "carrier_default", 500, Duration.ofSeconds(2), readTimeout,
        shipStation.baseUrl() + "/jwks", Duration.ofMinutes(5), new ShipStationSettings.Warehouse("Returns desk",
            "Shop Inc.", "+1 512 555 0199", "4009 Marathon Blvd", null, "Austin", "TX", "78756", "US")),
        Jackson2ObjectMapperBuilder.json().build());
  }

  private static ShipStationLabelProvider provider() {
    return provider(Duration.ofSeconds(10));
  }

  @BeforeEach
  void noShipmentYet() {
    shipStation.stubFor(get(urlEqualTo("/v2/shipments/external_shipment_id/" + EXTERNAL_ID))
        .willReturn(aResponse().withStatus(404).withHeader("Content-Type", "application/json")
            .withBody(ShipStationApi.error("system", "not_found", null, "Shipment not found"))));
  }

  @Test
  void buysAReturnLabelFromTheCustomerToTheWarehouseAndDownloadsItsPdf() {
    String pdfUrl = shipStation.baseUrl() + "/v2/downloads/10/Xq5bJRkp1E6uJ1CNb-JBZA/label-7997012.pdf";
    shipStation.stubFor(post(urlEqualTo("/v2/labels"))
        .withHeader("API-Key", equalTo(ShipStationApi.API_KEY))
        .withRequestBody(matchingJsonPath("$.is_return_label", equalTo("true")))
        .withRequestBody(matchingJsonPath("$.rma_number", equalTo("RMA-004711")))
        .withRequestBody(matchingJsonPath("$.label_format", equalTo("pdf")))
        .withRequestBody(matchingJsonPath("$.shipment.carrier_id", equalTo("se-123456")))
        .withRequestBody(matchingJsonPath("$.shipment.service_code", equalTo("fedex_ground")))
        .withRequestBody(matchingJsonPath("$.shipment.external_shipment_id", equalTo(EXTERNAL_ID)))
        .withRequestBody(matchingJsonPath("$.shipment.ship_from.postal_code", equalTo("94043")))
        .withRequestBody(matchingJsonPath("$.shipment.ship_from.name", equalTo("Ada Lovelace")))
        .withRequestBody(matchingJsonPath("$.shipment.ship_to.postal_code", equalTo("78756")))
        .withRequestBody(matchingJsonPath("$.shipment.ship_to.company_name", equalTo("Shop Inc.")))
        .withRequestBody(matchingJsonPath("$.shipment.items[1].sku", equalTo("SKU-BLU-L")))
        .withRequestBody(matchingJsonPath("$.shipment.packages[0].weight.value", equalTo("1500")))
        .withRequestBody(matchingJsonPath("$.shipment.packages[0].weight.unit", equalTo("gram")))
        .willReturn(okJson(ShipStationApi.label("se-7997012", "se-1013119", "794698437521", "RMA-004711", pdfUrl))));
    shipStation
        .stubFor(get(urlPathMatching("/v2/downloads/10/.*")).withHeader("API-Key", equalTo(ShipStationApi.API_KEY))
            .willReturn(aResponse().withHeader("Content-Type", "application/pdf").withBody(PDF)));

    ReturnLabel label = provider().createReturnLabel(REQUEST);

    assertThat(label.labelId()).isEqualTo("se-7997012");
    assertThat(label.trackingNumber()).isEqualTo("794698437521");
    assertThat(label.carrier()).isEqualTo("fedex");
    assertThat(label.service()).isEqualTo("fedex_ground");
    assertThat(label.labelUrl()).isEqualTo(pdfUrl);
    assertThat(label.pdf()).isEqualTo(PDF);
  }

  @Test
  void aLabelBoughtByAnEarlierAttemptIsTakenInsteadOfBuyingASecond() {
    String pdfUrl = shipStation.baseUrl() + "/v2/downloads/10/earlier/label-1.pdf";
    shipStation.stubFor(get(urlEqualTo("/v2/shipments/external_shipment_id/" + EXTERNAL_ID))
        .willReturn(okJson(ShipStationApi.shipment("se-1013119", EXTERNAL_ID))));
    shipStation.stubFor(get(urlEqualTo("/v2/labels?shipment_id=se-1013119")).willReturn(okJson(
        ShipStationApi.labels(ShipStationApi.label("se-1", "se-1013119", "794698437500", "RMA-004711", pdfUrl)))));
    shipStation.stubFor(get(urlPathMatching("/v2/downloads/10/.*"))
        .willReturn(aResponse().withHeader("Content-Type", "application/pdf").withBody(PDF)));

    ReturnLabel label = provider().createReturnLabel(REQUEST);

    assertThat(label.trackingNumber()).isEqualTo("794698437500");
    shipStation.verify(0, postRequestedFor(urlEqualTo("/v2/labels")));
  }

  @Test
  void aCorrectedAddressGetsAShipmentIdOfItsOwn() {
    LabelRequest corrected = new LabelRequest("RMA-004711", "Ada Lovelace", null,
        new Address("1600 Amphitheatre Parkway", null, "Mountain View", "CA", "94043", "US"), REQUEST.items(),
        REQUEST.idempotencyKey());

    assertThat(ShipStationLabelProvider.externalShipmentId(corrected))
        .startsWith("RMA-004711-GenerateReturnLabel-")
        .isNotEqualTo(EXTERNAL_ID)
        .hasSizeLessThanOrEqualTo(50);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "carrier | address_not_found | | Address not found",
      "validation | invalid_address | shipment.ship_from.postal_code | Invalid postal code for the state CA"})
  void anAddressTheCarrierRefusesBecomesFixReturnAddress(String type, String code, String field, String message) {
    shipStation.stubFor(post(urlEqualTo("/v2/labels")).willReturn(aResponse().withStatus(400)
        .withHeader("Content-Type", "application/json").withBody(ShipStationApi.error(type, code, field, message))));

    assertThatThrownBy(() -> provider().createReturnLabel(REQUEST))
        .isInstanceOf(InvalidAddressException.class)
        .hasMessageContaining(message);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "400 | validation | invalid_field_value | shipment.carrier_id | carrier_id se-123456 not found",
      "401 | security | unauthorized | | The API key is invalid",
      "429 | system | rate_limit_exceeded | | You have exceeded the rate limit",
      "500 | system | unspecified | | An unknown error occurred",
      "503 | system | unspecified | | Service unavailable"})
  void otherErrorsAreTechnicalFailuresTheEngineRetries(int status, String type, String code, String field,
      String message) {
    shipStation.stubFor(post(urlEqualTo("/v2/labels")).willReturn(aResponse().withStatus(status)
        .withHeader("Content-Type", "application/json").withBody(ShipStationApi.error(type, code, field, message))));

    assertThatThrownBy(() -> provider().createReturnLabel(REQUEST))
        .isInstanceOf(IntegrationException.class)
        .hasMessageContaining("HTTP " + status)
        .hasMessageContaining(code);
  }

  @ParameterizedTest
  @CsvSource({
      "true,,Request for refund submitted.,true,",
      "false,label_already_voided,This label has already been voided.,true,",
      "false,label_already_used,The label was scanned by the carrier.,false,label_already_used"})
  void aLabelIsVoidedOrTheCarriersRefusalIsAnAnswer(boolean approved, String reasonCode, String message,
      boolean voided, String refusal) {
    shipStation.stubFor(put(urlEqualTo("/v2/labels/se-7997012/void")).withHeader("API-Key",
        equalTo(ShipStationApi.API_KEY)).willReturn(okJson(ShipStationApi.voidAnswer(approved, message, reasonCode))));

    ReturnLabelProvider.VoidResult result = provider().voidLabel("se-7997012");

    assertThat(result.voided()).isEqualTo(voided);
    assertThat(result.reasonCode()).isEqualTo(refusal);
    shipStation.verify(1, putRequestedFor(urlEqualTo("/v2/labels/se-7997012/void")));
  }

  @Test
  void aServerErrorWhileVoidingIsATechnicalFailureToRetry() {
    shipStation.stubFor(put(urlEqualTo("/v2/labels/se-1/void")).willReturn(aResponse().withStatus(500)
        .withHeader("Content-Type", "application/json")
        .withBody(ShipStationApi.error("shipstation", "system", "unspecified", "Internal error"))));

    assertThatThrownBy(() -> provider().voidLabel("se-1")).isInstanceOf(IntegrationException.class)
        .hasMessageContaining("void label se-1");
  }

  @Test
  void aTimeoutIsATechnicalFailure() {
    shipStation.stubFor(post(urlEqualTo("/v2/labels")).willReturn(okJson(ShipStationApi.label("se-2", "se-3", "7946",
        "RMA-004711", shipStation.baseUrl() + "/x.pdf")).withFixedDelay(1500)));

    assertThatThrownBy(() -> provider(Duration.ofMillis(500)).createReturnLabel(REQUEST))
        .isInstanceOf(IntegrationException.class)
        .hasMessageContaining("no answer");
  }

  @Test
  void aConnectionResetIsATechnicalFailure() {
    shipStation
        .stubFor(post(urlEqualTo("/v2/labels")).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));

    assertThatThrownBy(() -> provider().createReturnLabel(REQUEST))
        .isInstanceOf(IntegrationException.class)
        .hasMessageContaining("no answer");
  }

  @Test
  void aDownloadThatIsNoPdfIsATechnicalFailure() {
    String pdfUrl = shipStation.baseUrl() + "/v2/downloads/10/broken/label.pdf";
    shipStation.stubFor(post(urlEqualTo("/v2/labels")).willReturn(okJson(ShipStationApi.label("se-4", "se-5",
        "794698437599", "RMA-004711", pdfUrl))));
    shipStation.stubFor(get(urlPathMatching("/v2/downloads/10/broken/.*"))
        .willReturn(aResponse().withHeader("Content-Type", "text/html").withBody("<html>maintenance</html>")));

    assertThatThrownBy(() -> provider().createReturnLabel(REQUEST))
        .isInstanceOf(IntegrationException.class)
        .hasMessageContaining("not a PDF");
  }
}
