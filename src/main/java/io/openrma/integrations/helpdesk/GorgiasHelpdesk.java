package io.openrma.integrations.helpdesk;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.openrma.integrations.IntegrationException;
import io.openrma.integrations.helpdesk.GorgiasClient.Budget;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.util.HtmlUtils;

/**
 * Gorgias over its REST API ({@code https://{domain}.gorgias.com/api/}). The ticket is the return's, else the
 * customer's most recent open one, else (when configured) one it opens with {@code external_id} = RMA number.
 * Gorgias has no idempotency keys, so every message OpenRMA posts ends with the step's marker
 * ({@code [RMA-000123:label]}) and each step first looks for it in the ticket's messages: found, an earlier
 * attempt got through and nothing is posted again. The tracking step sets tag and custom field (both repeatable)
 * before its message, so the marker is the last thing written.
 */
public class GorgiasHelpdesk implements Helpdesk {

  private final GorgiasSettings settings;
  private final GorgiasClient api;

  public GorgiasHelpdesk(GorgiasSettings settings, ObjectMapper json) {
    this(settings, json, duration -> Thread.sleep(duration.toMillis()));
  }

  GorgiasHelpdesk(GorgiasSettings settings, ObjectMapper json, GorgiasClient.Sleeper sleeper) {
    this.settings = settings;
    this.api = new GorgiasClient(settings, json, sleeper);
  }

  @Override
  public String name() {
    return GorgiasClient.SYSTEM;
  }

  @Override
  public boolean reaches(String ticketId) {
    return (ticketId != null && !ticketId.isBlank()) || settings.findCustomerTicket()
        || settings.createTicketWhenMissing();
  }

  @Override
  public String attachLabel(Ticket ticket, String fileName, byte[] pdf, String comment) {
    Budget budget = api.budget();
    Long id = ticketOf(ticket, budget);
    if (id == null) {
      return null;
    }
    String marker = marker(ticket, "label");
    if (!hasMessageWith(id, marker, budget)) {
      JsonNode file = upload(fileName, pdf, budget);
      Map<String, Object> attachment = ordered("url", file.path("url").asText(), "name", file.path("name").asText(),
          "size", file.path("size").asLong(), "content_type", file.path("content_type").asText());
      postMessage(id, ticket, comment, marker, List.of(attachment), budget);
    }
    return String.valueOf(id);
  }

  @Override
  public String updateTracking(Ticket ticket, String carrier, String trackingNumber) {
    Budget budget = api.budget();
    Long id = ticketOf(ticket, budget);
    if (id == null) {
      return null;
    }
    String marker = marker(ticket, "tracking");
    if (!hasMessageWith(id, marker, budget)) {
      api.send(budget, "tag ticket " + id, http -> http.post().uri("/api/tickets/{id}/tags", id)
          .contentType(MediaType.APPLICATION_JSON).body(Map.of("names", List.of(settings.tag())))
          .retrieve().toBodilessEntity());
      if (settings.trackingFieldId() != null) {
        String value = ticket.rmaNumber() + ": " + carrier + " " + trackingNumber;
        api.send(budget, "set the tracking field of ticket " + id, http -> http.put()
            .uri("/api/tickets/{id}/custom-fields", id).contentType(MediaType.APPLICATION_JSON)
            .body(List.of(ordered("id", settings.trackingFieldId(), "value", value)))
            .retrieve().toBodilessEntity());
      }
      postMessage(id, ticket, "Return " + ticket.rmaNumber() + " ships with " + carrier + ", tracking number "
          + trackingNumber + ".", marker, List.of(), budget);
    }
    return String.valueOf(id);
  }

  /** The return's ticket, else the customer's (see the class comment); {@code null} when there is none. */
  private Long ticketOf(Ticket ticket, Budget budget) {
    if (ticket.hasId()) {
      try {
        return Long.valueOf(ticket.id().trim());
      } catch (NumberFormatException e) {
        throw new IntegrationException(name(), "ticket id " + ticket.id() + " of " + ticket.rmaNumber()
            + " is not a Gorgias ticket id (a number)", e);
      }
    }
    String email = ticket.customerEmail();
    if (email == null || email.isBlank()) {
      return null;
    }
    JsonNode customers = api.send(budget, "look up the customer of " + ticket.rmaNumber(), http -> http.get()
        .uri("/api/customers?email={email}", email).accept(MediaType.APPLICATION_JSON)
        .retrieve().body(JsonNode.class));
    JsonNode customer = customers == null ? null : customers.path("data").path(0);
    if (customer != null && customer.hasNonNull("id")) {
      Long found = customersTicket(customer.path("id").asLong(), ticket, budget);
      if (found != null) {
        return found;
      }
    }
    return settings.createTicketWhenMissing() ? createTicket(ticket, budget) : null;
  }

  /** The ticket an earlier attempt opened for this return, else the customer's most recent open one. */
  private Long customersTicket(long customerId, Ticket ticket, Budget budget) {
    JsonNode tickets = api.send(budget, "list the tickets of the customer of " + ticket.rmaNumber(), http -> http.get()
        .uri("/api/tickets?customer_id={id}&order_by=created_datetime:desc", customerId)
        .accept(MediaType.APPLICATION_JSON).retrieve().body(JsonNode.class));
    JsonNode open = null;
    for (JsonNode each : tickets == null ? List.<JsonNode>of() : tickets.path("data")) {
      if (ticket.rmaNumber().equals(each.path("external_id").asText(null))) {
        return each.path("id").asLong();
      }
      if (open == null && "open".equals(each.path("status").asText())) {
        open = each;
      }
    }
    return open != null && settings.findCustomerTicket() ? open.path("id").asLong() : null;
  }

  private Long createTicket(Ticket ticket, Budget budget) {
    String note = "OpenRMA opened this ticket for return " + ticket.rmaNumber() + ".";
    Map<String, Object> body = ordered("customer", Map.of("email", ticket.customerEmail()),
        "external_id", ticket.rmaNumber(), "subject", "Return " + ticket.rmaNumber(), "channel", "api", "via", "api",
        "status", "open", "messages", List.of(ordered("channel", "internal-note", "via", "api", "from_agent", true,
            "sender", sender(), "body_text", note, "body_html", "<p>" + HtmlUtils.htmlEscape(note) + "</p>")));
    JsonNode created = api.send(budget, "open a ticket for " + ticket.rmaNumber(), http -> http.post()
        .uri("/api/tickets").contentType(MediaType.APPLICATION_JSON).accept(MediaType.APPLICATION_JSON)
        .body(body).retrieve().body(JsonNode.class));
    if (created == null || !created.hasNonNull("id")) {
      throw new IntegrationException(name(), "opening a ticket for " + ticket.rmaNumber() + " returned no ticket id");
    }
    return created.path("id").asLong();
  }

  private boolean hasMessageWith(long ticketId, String marker, Budget budget) {
    JsonNode messages = api.send(budget, "read the messages of ticket " + ticketId, http -> http.get()
        .uri("/api/tickets/{id}/messages?limit=100&order_by=created_datetime:desc", ticketId)
        .accept(MediaType.APPLICATION_JSON).retrieve().body(JsonNode.class));
    for (JsonNode message : messages == null ? List.<JsonNode>of() : messages.path("data")) {
      if (message.path("body_text").asText("").contains(marker) || message.path("body_html").asText("")
          .contains(marker)) {
        return true;
      }
    }
    return false;
  }

  private JsonNode upload(String fileName, byte[] pdf, Budget budget) {
    HttpHeaders part = new HttpHeaders();
    part.setContentType(MediaType.APPLICATION_PDF);
    part.setContentDisposition(ContentDisposition.formData().name("file").filename(fileName).build());
    MultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
    form.add("file", new HttpEntity<>(new ByteArrayResource(pdf), part));
    JsonNode answer = api.send(budget, "upload " + fileName, http -> http.post().uri("/api/upload?type=attachment")
        .contentType(MediaType.MULTIPART_FORM_DATA).accept(MediaType.APPLICATION_JSON)
        .body(form).retrieve().body(JsonNode.class));
    JsonNode file = answer != null && answer.isArray() ? answer.path(0) : answer;
    if (file == null || file.path("url").asText("").isBlank()) {
      throw new IntegrationException(name(), "the upload of " + fileName + " returned no file URL");
    }
    return file;
  }

  /** An internal note, or with {@code public-reply} an email to the customer; never with {@code sent_datetime}. */
  private void postMessage(long ticketId, Ticket ticket, String text, String marker, List<Map<String, Object>> files,
      Budget budget) {
    Map<String, Object> message = ordered("channel", "internal-note", "via", "api", "from_agent", true,
        "sender", sender());
    if (settings.publicReply()) {
      String to = recipient(ticketId, ticket, budget);
      message.put("channel", "email");
      message.put("receiver", Map.of("email", to));
      message.put("source", ordered("type", "email", "from", Map.of("address", settings.agentEmail()),
          "to", List.of(Map.of("address", to))));
      message.put("subject", "Your return " + ticket.rmaNumber());
    }
    message.put("body_text", text + "\n\n" + marker);
    message.put("body_html", "<p>" + HtmlUtils.htmlEscape(text) + "</p><p>" + marker + "</p>");
    message.put("attachments", files);
    api.send(budget, "post a message on ticket " + ticketId + " for " + ticket.rmaNumber(), http -> http.post()
        .uri("/api/tickets/{id}/messages", ticketId).contentType(MediaType.APPLICATION_JSON)
        .accept(MediaType.APPLICATION_JSON).body(message).retrieve().toBodilessEntity());
  }

  /** Who a public reply goes to: the return's customer, else the ticket's. */
  private String recipient(long ticketId, Ticket ticket, Budget budget) {
    if (ticket.customerEmail() != null && !ticket.customerEmail().isBlank()) {
      return ticket.customerEmail();
    }
    JsonNode found = api.send(budget, "read ticket " + ticketId, http -> http.get().uri("/api/tickets/{id}", ticketId)
        .accept(MediaType.APPLICATION_JSON).retrieve().body(JsonNode.class));
    String email = found == null ? "" : found.path("customer").path("email").asText("");
    if (email.isBlank()) {
      throw new IntegrationException(name(), "ticket " + ticketId + " has no customer email to reply to");
    }
    return email;
  }

  private Map<String, Object> sender() {
    return settings.agentId() != null ? Map.of("id", settings.agentId()) : Map.of("email", settings.agentEmail());
  }

  private static String marker(Ticket ticket, String step) {
    return "[" + ticket.rmaNumber() + ":" + step + "]";
  }

  private static Map<String, Object> ordered(Object... keysAndValues) {
    Map<String, Object> map = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      map.put((String) keysAndValues[i], keysAndValues[i + 1]);
    }
    return map;
  }
}
