package io.openrma.webhooks;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.openrma.integrations.IntegrationMode;
import io.openrma.integrations.shipping.ShipStationSettings;
import io.openrma.support.standins.ShipStationApi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.http.HttpStatus;

/** Finding ShipStation's signing key in its JWKS (WireMock), over real HTTP. No Spring. */
class ShipStationSignaturesTest {

  @RegisterExtension
  static WireMockExtension shipStation = WireMockExtension.newInstance()
      .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1")).build();

  static final String BODY = "{\"resource_type\":\"API_TRACK\"}";
  static final ShipStationApi.Signer CURRENT = new ShipStationApi.Signer("key-2026-01");
  static final ShipStationApi.Signer ROTATED = new ShipStationApi.Signer("key-2026-07");

  private static ShipStationSignatures signatures() {
    return new ShipStationSignatures(new ShipStationSettings(IntegrationMode.LIVE, "key", shipStation.baseUrl(),
        "se-1", "fedex_ground", "carrier_default", 500, Duration.ofSeconds(2), Duration.ofSeconds(2),
        shipStation.baseUrl() + "/jwks", Duration.ofMinutes(5), new ShipStationSettings.Warehouse("Returns", null,
            null, null, null, null, null, null, null)),
        Clock.systemUTC());
  }

  private static void verify(ShipStationSignatures signatures, ShipStationApi.Signer signer) {
    String timestamp = Instant.now().toString();
    signatures.verify(signer.keyId(), signer.sign(timestamp, BODY), timestamp, BODY.getBytes(StandardCharsets.UTF_8));
  }

  private static HttpStatus refusal(Runnable call) {
    try {
      call.run();
    } catch (ShipStationSignatures.Refused refused) {
      return refused.status();
    }
    throw new AssertionError("not refused");
  }

  @Test
  void theKeySetIsFetchedOnceForManyWebhooks() {
    shipStation.stubFor(get(urlEqualTo("/jwks")).willReturn(okJson(CURRENT.jwks())));
    ShipStationSignatures signatures = signatures();

    for (int i = 0; i < 5; i++) {
      verify(signatures, CURRENT);
    }

    shipStation.verify(1, getRequestedFor(urlEqualTo("/jwks")));
  }

  @Test
  void aKeyIdItDoesNotKnowMakesItFetchTheKeySetAgainAfterARotation() {
    shipStation.stubFor(get(urlEqualTo("/jwks")).willReturn(okJson(CURRENT.jwks())));
    ShipStationSignatures signatures = signatures();
    verify(signatures, CURRENT);
    shipStation.stubFor(get(urlEqualTo("/jwks")).willReturn(okJson(ROTATED.jwks())));

    assertThatCode(() -> verify(signatures, ROTATED)).doesNotThrowAnyException();

    shipStation.verify(2, getRequestedFor(urlEqualTo("/jwks")));
  }

  @Test
  void unknownKeyIdsAreRefusedWithoutAskingShipStationForEach() {
    shipStation.stubFor(get(urlEqualTo("/jwks")).willReturn(okJson(CURRENT.jwks())));
    ShipStationSignatures signatures = signatures();
    verify(signatures, CURRENT);

    for (int i = 0; i < 5; i++) {
      assertThat(refusal(() -> verify(signatures, new ShipStationApi.Signer("forged"))))
          .isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    assertThat(shipStation.findAll(getRequestedFor(urlEqualTo("/jwks")))).hasSizeLessThanOrEqualTo(2);
  }

  @Test
  void withoutTheKeySetTheWebhookIsToBeSentAgainLater() {
    shipStation.stubFor(get(urlEqualTo("/jwks")).willReturn(aResponse().withStatus(503)));
    ShipStationSignatures signatures = signatures();

    for (int i = 0; i < 4; i++) {
      assertThat(refusal(() -> verify(signatures, CURRENT))).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
    }
  }

  @Test
  void aSignatureOfAnotherBodyIsRefused() {
    shipStation.stubFor(get(urlEqualTo("/jwks")).willReturn(okJson(CURRENT.jwks())));
    String timestamp = Instant.now().toString();

    assertThatThrownBy(() -> signatures().verify(CURRENT.keyId(), CURRENT.sign(timestamp, "{}"), timestamp,
        BODY.getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(ShipStationSignatures.Refused.class)
        .hasMessageContaining("does not match");
  }
}
