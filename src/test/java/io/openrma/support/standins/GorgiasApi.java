package io.openrma.support.standins;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Gorgias' REST API as the stand-in answers it, in the shapes of Gorgias' API reference: lists as
 * {@code {"data": [...], "meta": {"prev_cursor", "next_cursor"}, "object": "list", "uri"}}, uploads as a list of
 * File objects ({@code url, name, size, content_type}), tickets and messages as their objects.
 */
public final class GorgiasApi {

  public static final String EMAIL = "returns-bot@shop.example";
  public static final String API_KEY = "gorgias_openrma_standin";
  public static final String AGENT = "returns@shop.example";

  private GorgiasApi() {
  }

  public static String list(String uri, List<Map<String, Object>> data) {
    Map<String, Object> meta = new LinkedHashMap<>();
    meta.put("prev_cursor", null);
    meta.put("next_cursor", null);
    Map<String, Object> list = new LinkedHashMap<>();
    list.put("data", data);
    list.put("meta", meta);
    list.put("object", "list");
    list.put("uri", uri);
    return StripeApi.json(list);
  }

  public static Map<String, Object> customer(long id, String email) {
    Map<String, Object> customer = new LinkedHashMap<>();
    customer.put("id", id);
    customer.put("email", email);
    customer.put("name", "Jane Doe");
    customer.put("firstname", "Jane");
    customer.put("lastname", "Doe");
    customer.put("channels", List.of(Map.of("id", id * 10, "type", "email", "address", email, "preferred", true)));
    customer.put("external_id", null);
    customer.put("created_datetime", "2026-01-02T09:00:00+00:00");
    customer.put("updated_datetime", "2026-01-05T10:00:00+00:00");
    return customer;
  }

  public static Map<String, Object> ticket(long id, String status, String externalId, String customerEmail) {
    Map<String, Object> ticket = new LinkedHashMap<>();
    ticket.put("id", id);
    ticket.put("uri", "/api/tickets/" + id + "/");
    ticket.put("external_id", externalId);
    ticket.put("channel", "email");
    ticket.put("via", "email");
    ticket.put("from_agent", false);
    ticket.put("status", status);
    ticket.put("subject", "Return request");
    ticket.put("customer", Map.of("id", 901, "email", customerEmail, "name", "Jane Doe"));
    ticket.put("tags", List.of());
    ticket.put("created_datetime", "2026-01-05T10:00:00+00:00");
    ticket.put("updated_datetime", "2026-01-05T10:00:00+00:00");
    return ticket;
  }

  public static Map<String, Object> message(long id, long ticketId, String channel, boolean fromAgent, String text) {
    Map<String, Object> message = new LinkedHashMap<>();
    message.put("id", id);
    message.put("uri", "/api/tickets/" + ticketId + "/messages/" + id + "/");
    message.put("ticket_id", ticketId);
    message.put("channel", channel);
    message.put("via", fromAgent ? "api" : "email");
    message.put("from_agent", fromAgent);
    message.put("public", !"internal-note".equals(channel));
    message.put("sender", fromAgent ? Map.of("id", 7, "email", AGENT) : Map.of("id", 901, "email", "jane@example.com"));
    message.put("body_text", text);
    message.put("body_html", "<div>" + text + "</div>");
    message.put("attachments", List.of());
    message.put("created_datetime", "2026-01-05T10:00:00+00:00");
    message.put("sent_datetime", "2026-01-05T10:00:00+00:00");
    return message;
  }

  public static String json(Map<String, Object> object) {
    return StripeApi.json(object);
  }

  /** The answer to {@code POST /api/upload?type=attachment}: the uploaded files. */
  public static String uploaded(String name, long size) {
    Map<String, Object> file = new LinkedHashMap<>();
    file.put("url", "https://uploads.gorgias.io/shop/" + name);
    file.put("name", name);
    file.put("size", size);
    file.put("content_type", "application/pdf");
    return StripeApi.json(List.of(file));
  }

  public static String error(String message) {
    return StripeApi.json(Map.of("error", Map.of("msg", message)));
  }
}
