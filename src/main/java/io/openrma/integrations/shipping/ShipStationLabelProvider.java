package io.openrma.integrations.shipping;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import io.openrma.integrations.HttpClients;
import io.openrma.integrations.IntegrationException;
import io.openrma.returns.Address;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;
import org.springframework.web.client.RestClientResponseException;
import org.springframework.web.client.UnknownContentTypeException;

/**
 * Return labels from ShipStation API v2 ({@code POST /v2/labels} with {@code is_return_label}), from
 * the customer's address to the warehouse, and the label PDF downloaded right away.
 *
 * <p>ShipStation has no idempotency keys. Each label's shipment carries an
 * {@code external_shipment_id} made of the step's idempotency key and the address, and before
 * buying, the provider asks whether a shipment with that id already has a label: a retry after a
 * timeout (the label was bought, the answer got lost) takes that label instead of buying a second one.
 * After a corrected address the id changes, so the new address gets its own label. A label that will
 * not be used (the return was cancelled) is voided ({@code PUT /v2/labels/{label_id}/void}).
 *
 * <p>Over 300 lines because the look-up, the purchase, the PDF download, the void and the records the
 * API's answers bind to belong to one label's life at ShipStation, and each error answer is mapped here.
 */
public class ShipStationLabelProvider implements ReturnLabelProvider {

  static final String SYSTEM = "ShipStation";

  /** Error codes that mean the customer's address needs fixing by a person. */
  private static final Set<String> ADDRESS_ERRORS = Set.of("invalid_address", "address_not_found",
      "minimum_postal_code_verification_failed", "invalid_postal_code", "invalid_country_code",
      "invalid_state_province");

  private final ShipStationSettings settings;
  private final ObjectMapper json;
  private final RestClient client;

  public ShipStationLabelProvider(ShipStationSettings settings, ObjectMapper json) {
    this.settings = settings;
    this.json = json;
    this.client = HttpClients.restClient(settings.baseUrl(), settings.http(), json);
  }

  @Override
  public ReturnLabel createReturnLabel(LabelRequest request) {
    String externalId = externalShipmentId(request);
    Label label = findBoughtLabel(externalId).orElseGet(() -> buy(request, externalId));
    String pdfUrl = label.pdfUrl();
    if (pdfUrl == null || blank(label.trackingNumber())) {
      throw new IntegrationException(SYSTEM, "label " + orUnknown(label.labelId()) + " for " + request.rmaNumber()
          + " came without tracking number or PDF (status " + orUnknown(label.status()) + ")");
    }
    return new ReturnLabel(label.labelId(), label.carrierCode(), label.serviceCode(), label.trackingNumber(), pdfUrl,
        download(pdfUrl));
  }

  /** {@code PUT /v2/labels/{label_id}/void}: 200 with {@code approved}, else {@code reason_code} and a message. */
  @Override
  public VoidResult voidLabel(String labelId) {
    VoidAnswer answer;
    try {
      answer = client.put().uri("/v2/labels/{id}/void", labelId).header("API-Key", settings.apiKey())
          .accept(MediaType.APPLICATION_JSON).retrieve().body(VoidAnswer.class);
    } catch (RestClientException e) {
      throw technical("void label " + labelId, e);
    }
    if (answer == null) {
      throw new IntegrationException(SYSTEM, "void label " + labelId + " answered without a body");
    }
    if (answer.approved() || "label_already_voided".equals(answer.reasonCode())) {
      return new VoidResult(true, null, answer.message());
    }
    return new VoidResult(false, answer.reasonCode() == null ? "unknown" : answer.reasonCode(), answer.message());
  }

  /** The id that ties a label to the return, the step and the address (ShipStation allows 50 characters). */
  static String externalShipmentId(LabelRequest request) {
    // letters, digits and dashes only: the id travels in a URL path when it is looked up
    String id = request.idempotencyKey().replaceAll("[^A-Za-z0-9-]", "-") + "-" + fingerprint(request.shipFrom());
    if (id.length() > 50) {
      throw new IllegalArgumentException(
          "external_shipment_id '" + id + "' is longer than ShipStation's 50 characters");
    }
    return id;
  }

  private Optional<Label> findBoughtLabel(String externalId) {
    Shipment shipment;
    try {
      shipment = client.get().uri("/v2/shipments/external_shipment_id/{id}", externalId)
          .header("API-Key", settings.apiKey()).accept(MediaType.APPLICATION_JSON)
          .retrieve().body(Shipment.class);
    } catch (RestClientResponseException e) {
      if (e.getStatusCode().value() == 404) {
        return Optional.empty(); // never bought
      }
      throw technical("look up shipment " + externalId, e);
    } catch (RestClientException e) {
      throw technical("look up shipment " + externalId, e);
    }
    if (shipment == null || blank(shipment.shipmentId())) {
      return Optional.empty();
    }
    Labels labels;
    try {
      labels = client.get().uri("/v2/labels?shipment_id={id}", shipment.shipmentId())
          .header("API-Key", settings.apiKey()).accept(MediaType.APPLICATION_JSON)
          .retrieve().body(Labels.class);
    } catch (RestClientException e) {
      throw technical("list labels of shipment " + shipment.shipmentId(), e);
    }
    return labels == null || labels.labels() == null
        ? Optional.empty()
        : labels.labels().stream()
            .filter(label -> "completed".equals(label.status()) && !label.voided())
            .findFirst();
  }

  private Label buy(LabelRequest request, String externalId) {
    Label label;
    try {
      label = client.post().uri("/v2/labels")
          .header("API-Key", settings.apiKey())
          .contentType(MediaType.APPLICATION_JSON).accept(MediaType.APPLICATION_JSON)
          .body(labelBody(request, externalId))
          .retrieve().body(Label.class);
    } catch (RestClientResponseException e) {
      Optional<String> addressProblem = addressProblem(e);
      if (addressProblem.isPresent()) {
        throw new InvalidAddressException(addressProblem.get());
      }
      throw technical("buy the return label for " + request.rmaNumber(), e);
    } catch (RestClientException e) {
      throw technical("buy the return label for " + request.rmaNumber(), e);
    }
    return label == null ? Label.NONE : label;
  }

  Map<String, Object> labelBody(LabelRequest request, String externalId) {
    ShipStationSettings.Warehouse warehouse = settings.warehouse();
    int units = request.items().stream().mapToInt(ParcelItem::quantity).sum();
    List<Map<String, Object>> items = new ArrayList<>();
    for (ParcelItem item : request.items()) {
      items.add(ordered("name", item.description(), "sku", item.sku(), "quantity", item.quantity()));
    }
    Map<String, Object> shipFrom = address(request.customerName(), null,
        request.customerPhone() == null || request.customerPhone().isBlank()
            ? warehouse.phone()
            : request.customerPhone(),
        request.shipFrom(), "unknown");
    Map<String, Object> shipTo = address(warehouse.name(), warehouse.companyName(), warehouse.phone(),
        new Address(warehouse.line1(), warehouse.line2(), warehouse.city(), warehouse.state(), warehouse.postalCode(),
            warehouse.country()),
        "no");
    Map<String, Object> pkg = ordered(
        "weight", ordered("value", Math.max(1, units) * settings.itemWeightGrams(), "unit", "gram"),
        "label_messages", ordered("reference1", request.rmaNumber()));
    Map<String, Object> shipment = ordered(
        "carrier_id", settings.carrierId(),
        "service_code", settings.serviceCode(),
        "external_shipment_id", externalId,
        "validate_address", "validate_and_clean",
        "ship_from", shipFrom,
        "ship_to", shipTo,
        "items", items,
        "packages", List.of(pkg));
    return ordered(
        "is_return_label", true,
        "rma_number", request.rmaNumber(),
        "charge_event", settings.chargeEvent(),
        "label_format", "pdf",
        "label_layout", "4x6",
        "label_download_type", "url",
        "shipment", shipment);
  }

  private byte[] download(String url) {
    URI uri = URI.create(url);
    boolean ours = url.startsWith(settings.baseUrl());
    byte[] pdf;
    try {
      RestClient.RequestHeadersSpec<?> spec = client.get().uri(uri).accept(MediaType.APPLICATION_PDF, MediaType.ALL);
      if (ours) {
        spec = spec.header("API-Key", settings.apiKey());
      }
      pdf = spec.retrieve().body(byte[].class);
    } catch (RestClientException e) {
      throw technical("download the label PDF", e);
    }
    if (pdf == null || pdf.length < 5 || !new String(pdf, 0, 5, StandardCharsets.ISO_8859_1).equals("%PDF-")) {
      throw new IntegrationException(SYSTEM, "the label download is not a PDF (" + (pdf == null ? 0 : pdf.length)
          + " bytes)");
    }
    return pdf;
  }

  /** The error messages of a 400 that is about an address, if it is. */
  private Optional<String> addressProblem(RestClientResponseException e) {
    if (!e.getStatusCode().is4xxClientError()) {
      return Optional.empty();
    }
    List<String> messages = new ArrayList<>();
    for (ApiError error : errors(e)) {
      String code = Objects.requireNonNullElse(error.errorCode(), "");
      String field = Objects.requireNonNullElse(error.fieldName(), "");
      if (ADDRESS_ERRORS.contains(code) || field.startsWith("shipment.ship_from") || field.startsWith("ship_from")) {
        messages.add(error.message() == null ? code : error.message());
      }
    }
    return messages.isEmpty()
        ? Optional.empty()
        : Optional.of("The carrier refuses the return address: " + String.join("; ", messages));
  }

  /** ShipStation's errors, none when the body is not its error JSON. */
  private List<ApiError> errors(RestClientResponseException response) {
    try {
      Errors errors = json.readValue(response.getResponseBodyAsByteArray(), Errors.class);
      return errors == null || errors.errors() == null ? List.of() : errors.errors();
    } catch (IOException notJson) {
      return List.of();
    }
  }

  private static Map<String, Object> address(String name, String company, String phone, Address address,
      String residential) {
    Map<String, Object> map = ordered("name", name, "phone", phone == null ? "" : phone);
    if (company != null && !company.isBlank()) {
      map.put("company_name", company);
    }
    map.put("address_line1", address.line1());
    if (address.line2() != null && !address.line2().isBlank()) {
      map.put("address_line2", address.line2());
    }
    map.put("city_locality", address.city());
    if (address.state() != null && !address.state().isBlank()) {
      map.put("state_province", address.state());
    }
    map.put("postal_code", address.postalCode());
    map.put("country_code", address.country());
    map.put("address_residential_indicator", residential);
    return map;
  }

  private static Map<String, Object> ordered(Object... keysAndValues) {
    Map<String, Object> map = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      map.put((String) keysAndValues[i], keysAndValues[i + 1]);
    }
    return map;
  }

  private static String fingerprint(Address address) {
    try {
      byte[] hash = MessageDigest.getInstance("SHA-256").digest(address.oneLine().getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(hash, 0, 4);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static boolean blank(String value) {
    return value == null || value.isBlank();
  }

  private static String orUnknown(String value) {
    return value == null ? "?" : value;
  }

  private IntegrationException technical(String what, RestClientException e) {
    if (e instanceof RestClientResponseException response) {
      HttpStatusCode status = response.getStatusCode();
      List<String> errors = errors(response).stream()
          .map(error -> orUnknown(error.errorCode()) + ": " + Objects.requireNonNullElse(error.message(), "")).toList();
      return new IntegrationException(SYSTEM, what + " failed: HTTP " + status.value()
          + (errors.isEmpty() ? "" : " " + String.join("; ", errors)), e);
    }
    if (e instanceof UnknownContentTypeException || e.getCause() instanceof HttpMessageNotReadableException) {
      return new IntegrationException(SYSTEM, what + " failed: answered with something that is not JSON", e);
    }
    String kind = e instanceof ResourceAccessException ? "no answer (timeout or connection lost)" : e.getMessage();
    return new IntegrationException(SYSTEM, what + " failed: " + kind, e);
  }

  /** ShipStation's answer to voiding a label. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  record VoidAnswer(boolean approved, String message, String reasonCode) {
  }

  /** The parts of ShipStation's label the provider reads. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  record Label(String labelId, String status, boolean voided, String carrierCode, String serviceCode,
      String trackingNumber, Download labelDownload) {

    static final Label NONE = new Label(null, null, false, null, null, null, null);

    String pdfUrl() {
      return labelDownload == null ? null : labelDownload.pdf();
    }
  }

  @JsonIgnoreProperties(ignoreUnknown = true)
  record Download(String pdf) {
  }

  @JsonIgnoreProperties(ignoreUnknown = true)
  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  record Shipment(String shipmentId) {
  }

  @JsonIgnoreProperties(ignoreUnknown = true)
  record Labels(List<Label> labels) {
  }

  /** ShipStation's error body: {@code {"errors": [{"error_code", "field_name", "message"}]}}. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  record Errors(List<ApiError> errors) {
  }

  @JsonIgnoreProperties(ignoreUnknown = true)
  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  record ApiError(String errorCode, String fieldName, String message) {
  }
}
