package io.openrma.integrations.helpdesk;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.function.Supplier;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.openrma.integrations.HttpClients;
import io.openrma.integrations.IntegrationException;
import org.springframework.http.MediaType;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;
import org.springframework.web.client.RestClientResponseException;

/**
 * Zendesk Support over its REST API with a plain {@link RestClient}. Zendesk has no idempotency
 * keys, so each update first reads the ticket's newest comments: a comment that carries the label
 * PDF (by file name) or mentions the tracking number means an earlier attempt got through and its
 * answer was lost, and nothing is posted again.
 */
public class ZendeskHelpdesk implements Helpdesk {

  static final String SYSTEM = "Zendesk";

  private final ZendeskSettings settings;
  private final ObjectMapper json;
  private final RestClient client;
  private final String authorization;

  public ZendeskHelpdesk(ZendeskSettings settings, ObjectMapper json) {
    this.settings = settings;
    this.json = json;
    this.client = HttpClients.restClient(settings.baseUrl(), settings.http(), json);
    this.authorization = "Basic " + Base64.getEncoder().encodeToString(
        (settings.email() + "/token:" + settings.apiToken()).getBytes(StandardCharsets.UTF_8));
  }

  @Override
  public String name() {
    return SYSTEM;
  }

  @Override
  public String attachLabel(Ticket ticket, String fileName, byte[] pdf, String comment) {
    if (!ticket.hasId()) {
      return null; // Zendesk is only reached with the ticket the return came with
    }
    String ticketId = ticket.id();
    String rmaNumber = ticket.rmaNumber();
    if (hasComment(ticketId, c -> c.attachmentNames().contains(fileName))) {
      return ticketId; // attached by an earlier attempt
    }
    String token = upload(fileName, pdf);
    Map<String, Object> body = Map.of("ticket", Map.of("comment",
        ordered("body", comment, "public", true, "uploads", List.of(token))));
    updateTicket(ticketId, body, "attach the label of " + rmaNumber);
    return ticketId;
  }

  @Override
  public String updateTracking(Ticket ticket, String carrier, String trackingNumber) {
    if (!ticket.hasId()) {
      return null;
    }
    String ticketId = ticket.id();
    String rmaNumber = ticket.rmaNumber();
    if (hasComment(ticketId, c -> c.body() != null && c.body().contains(trackingNumber))) {
      return ticketId; // the comment, tag and field went in together in an earlier attempt
    }
    Map<String, Object> update = ordered(
        "comment", ordered("body", "Return " + rmaNumber + " ships with " + carrier + ", tracking number "
            + trackingNumber + ".", "public", settings.trackingCommentPublic()),
        "additional_tags", List.of(settings.tag()));
    if (settings.trackingFieldId() != null) {
      update.put("custom_fields", List.of(ordered("id", settings.trackingFieldId(), "value", trackingNumber)));
    }
    updateTicket(ticketId, Map.of("ticket", update), "add tracking of " + rmaNumber);
    return ticketId;
  }

  private boolean hasComment(String ticketId, Predicate<Comment> matches) {
    Comments page = send("read the comments of ticket " + ticketId, () -> client.get()
        .uri("/api/v2/tickets/{id}/comments?sort_order=desc", ticketId)
        .header("Authorization", authorization).accept(MediaType.APPLICATION_JSON)
        .retrieve().body(Comments.class));
    return page != null && page.comments() != null && page.comments().stream().anyMatch(matches);
  }

  private String upload(String fileName, byte[] pdf) {
    Upload answer = send("upload " + fileName, () -> client.post()
        .uri("/api/v2/uploads?filename={name}", fileName)
        .header("Authorization", authorization)
        .contentType(MediaType.APPLICATION_PDF).accept(MediaType.APPLICATION_JSON)
        .body(pdf)
        .retrieve().body(Upload.class));
    String token = answer == null || answer.upload() == null ? null : answer.upload().token();
    if (token == null || token.isBlank()) {
      throw new IntegrationException(SYSTEM, "the upload of " + fileName + " returned no token");
    }
    return token;
  }

  private void updateTicket(String ticketId, Map<String, Object> body, String what) {
    send(what + " (ticket " + ticketId + ")", () -> client.put()
        .uri("/api/v2/tickets/{id}", ticketId)
        .header("Authorization", authorization)
        .contentType(MediaType.APPLICATION_JSON).accept(MediaType.APPLICATION_JSON)
        .body(body)
        .retrieve().toBodilessEntity());
  }

  private <T> T send(String what, Supplier<T> call) {
    try {
      return call.get();
    } catch (RestClientResponseException e) {
      String retryAfter = e.getResponseHeaders() == null ? null : e.getResponseHeaders().getFirst("Retry-After");
      String detail = switch (e.getStatusCode().value()) {
        case 401, 403 -> "the API token is not accepted";
        case 404 -> "not found";
        case 429 -> "rate limited" + (retryAfter == null ? "" : ", retry after " + retryAfter + " s");
        default -> errorOf(e);
      };
      throw new IntegrationException(SYSTEM, what + " failed: HTTP " + e.getStatusCode().value() + " " + detail, e);
    } catch (ResourceAccessException e) {
      throw new IntegrationException(SYSTEM, what + " failed: no answer (timeout or connection lost)", e);
    } catch (RestClientException e) {
      throw new IntegrationException(SYSTEM, what + " failed: " + e.getMessage(), e);
    }
  }

  /** Zendesk's error: {@code "error"} is a word, or an object with title and message. */
  private String errorOf(RestClientResponseException e) {
    try {
      JsonNode body = json.readTree(e.getResponseBodyAsString());
      String error = body.path("error").isTextual()
          ? body.path("error").asText()
          : body.path("error").path("title").asText("");
      String description = body.path("description").asText(body.path("error").path("message").asText(""));
      return (error + " " + description).trim();
    } catch (Exception notJson) {
      return "";
    }
  }

  private static Map<String, Object> ordered(Object... keysAndValues) {
    Map<String, Object> map = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      map.put((String) keysAndValues[i], keysAndValues[i + 1]);
    }
    return map;
  }

  /** The parts of Zendesk's answers this adapter reads. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  record Comments(List<Comment> comments) {
  }

  @JsonIgnoreProperties(ignoreUnknown = true)
  record Comment(String body, List<Attachment> attachments) {
    List<String> attachmentNames() {
      return attachments == null ? List.of() : attachments.stream().map(Attachment::fileName).toList();
    }
  }

  @JsonIgnoreProperties(ignoreUnknown = true)
  record Attachment(@JsonProperty("file_name") String fileName) {
  }

  @JsonIgnoreProperties(ignoreUnknown = true)
  record Upload(Token upload) {
  }

  @JsonIgnoreProperties(ignoreUnknown = true)
  record Token(String token) {
  }
}
