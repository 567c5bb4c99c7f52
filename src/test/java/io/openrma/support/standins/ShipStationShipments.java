package io.openrma.support.standins;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import io.openrma.support.StandIns;

/**
 * ShipStation with a memory, as the real API has one: a label bought for a shipment with an
 * {@code external_shipment_id} is found again by that id ({@code GET /v2/shipments/external_shipment_id/{id}}
 * and {@code GET /v2/labels?shipment_id=}), so an adapter that retries after a timeout takes the label it
 * already bought instead of buying a second one. Stubs opt in with {@code .withTransformers(NAME)}.
 */
public class ShipStationShipments implements ResponseDefinitionTransformerV2 {

  public static final String NAME = "shipstation-shipments";
  private static final ObjectMapper JSON = new ObjectMapper();

  /** external_shipment_id to the RMA number of the label bought for it. */
  private final Map<String, String> bought = new ConcurrentHashMap<>();

  @Override
  public String getName() {
    return NAME;
  }

  /** Only for stubs that ask for it: WireMock applies transformers to every stub by default. */
  @Override
  public boolean applyGlobally() {
    return false;
  }

  @Override
  public ResponseDefinition transform(ServeEvent event) {
    String method = event.getRequest().getMethod().getName();
    String url = event.getRequest().getUrl();
    try {
      if ("POST".equals(method) && url.endsWith("/v2/labels")) {
        JsonNode body = JSON.readTree(event.getRequest().getBodyAsString());
        String rma = body.path("rma_number").asText();
        bought.put(body.path("shipment").path("external_shipment_id").asText(), rma);
        return json(200, label(rma));
      }
      if ("GET".equals(method) && url.contains("/v2/shipments/external_shipment_id/")) {
        String externalId = url.substring(url.lastIndexOf('/') + 1);
        String rma = bought.get(externalId);
        return rma == null
            ? json(404, ShipStationApi.error("system", "not_found", null, "Shipment not found"))
            : json(200, ShipStationApi.shipment("se-shp-" + rma, externalId));
      }
      if ("GET".equals(method) && url.contains("/v2/labels?shipment_id=se-shp-")) {
        String rma = url.substring(url.indexOf("se-shp-") + "se-shp-".length());
        return json(200, ShipStationApi.labels(label(rma)));
      }
    } catch (Exception e) {
      return json(500, ShipStationApi.error("system", "unspecified", null, e.getMessage()));
    }
    return event.getResponseDefinition();
  }

  public int bought() {
    return bought.size();
  }

  private static String label(String rma) {
    return ShipStationApi.label("se-" + rma, "se-shp-" + rma, "1Z" + rma, rma,
        StandIns.url("/shipstation/v2/downloads/cluster/" + rma + "/label.pdf"));
  }

  private static ResponseDefinition json(int status, String body) {
    return new ResponseDefinitionBuilder().withStatus(status).withHeader("Content-Type", "application/json")
        .withBody(body).build();
  }
}
