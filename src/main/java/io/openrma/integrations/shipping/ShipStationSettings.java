package io.openrma.integrations.shipping;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.openrma.integrations.HttpSettings;
import io.openrma.integrations.IntegrationMode;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code openrma.shipstation.*}: return labels through ShipStation API v2 (FedEx, UPS, USPS and the
 * other carriers connected to the account). The API key comes from {@code SHIPSTATION_API_KEY}.
 *
 * @param apiKey           header {@code API-Key}; without it labels are simulated
 * @param baseUrl          ShipStation's API, changed only for tests
 * @param carrierId        the connected carrier account labels are bought from ({@code se-...})
 * @param serviceCode      e.g. {@code fedex_ground}, {@code ups_ground}
 * @param chargeEvent      when the return label is paid: {@code carrier_default}, {@code on_creation} or
 *                         {@code on_carrier_acceptance}
 * @param itemWeightGrams  weight of one returned unit, for the parcel's weight
 * @param jwksUrl          public keys that verify the signature of tracking webhooks
 * @param webhookTolerance how far a webhook's signed timestamp may be from now
 * @param warehouse        where returns go (the label's ship-to)
 */
@ConfigurationProperties("openrma.shipstation")
public record ShipStationSettings(
    @DefaultValue("AUTO") IntegrationMode mode,
    String apiKey,
    @DefaultValue("https://api.shipstation.com") String baseUrl,
    String carrierId,
    @DefaultValue("fedex_ground") String serviceCode,
    @DefaultValue("carrier_default") String chargeEvent,
    @DefaultValue("500") int itemWeightGrams,
    @DefaultValue("PT5S") Duration connectTimeout,
    @DefaultValue("PT30S") Duration readTimeout,
    @DefaultValue("https://api.shipengine.com/jwks") String jwksUrl,
    @DefaultValue("PT5M") Duration webhookTolerance,
    @DefaultValue Warehouse warehouse) {

  /** The returns warehouse, as it appears on the label. */
  public record Warehouse(@DefaultValue("Returns") String name, String companyName, String phone, String line1,
      String line2, String city, String state, String postalCode, String country) {

    boolean complete() {
      return present(line1) && present(city) && present(postalCode) && present(country);
    }
  }

  public boolean hasApiKey() {
    return present(apiKey);
  }

  /** What a live label purchase needs besides the key; empty when all is there. */
  public List<String> missingForLive() {
    List<String> missing = new ArrayList<>();
    if (!present(apiKey)) {
      missing.add("openrma.shipstation.api-key (SHIPSTATION_API_KEY)");
    }
    if (!present(carrierId)) {
      missing.add("openrma.shipstation.carrier-id");
    }
    if (warehouse == null || !warehouse.complete()) {
      missing.add("openrma.shipstation.warehouse.line1, city, postal-code, country");
    }
    return missing;
  }

  public HttpSettings http() {
    return new HttpSettings(connectTimeout, readTimeout);
  }

  private static boolean present(String value) {
    return value != null && !value.isBlank();
  }
}
