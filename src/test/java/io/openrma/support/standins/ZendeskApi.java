package io.openrma.support.standins;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Zendesk Support's REST API as the stand-in answers it, in the shapes of Zendesk's API reference. */
public final class ZendeskApi {

  public static final String EMAIL = "returns-bot@shop.example";
  public static final String API_TOKEN = "zd_openrma_standin";

  private ZendeskApi() {
  }

  public static String upload(String token, String fileName, long attachmentId) {
    Map<String, Object> attachment = attachment(attachmentId, fileName);
    return StripeApi.json(Map.of("upload", Map.of("token", token, "expires_at", "2026-01-08T10:00:00Z",
        "attachment", attachment, "attachments", List.of(attachment))));
  }

  public static Map<String, Object> attachment(long id, String fileName) {
    Map<String, Object> attachment = new LinkedHashMap<>();
    attachment.put("id", id);
    attachment.put("file_name", fileName);
    attachment.put("content_url", "https://shop.zendesk.com/attachments/token/x/?name=" + fileName);
    attachment.put("content_type", "application/pdf");
    attachment.put("size", 1234);
    attachment.put("inline", false);
    return attachment;
  }

  public static Map<String, Object> comment(long id, String body, boolean isPublic,
      List<Map<String, Object>> attachments) {
    Map<String, Object> comment = new LinkedHashMap<>();
    comment.put("id", id);
    comment.put("type", "Comment");
    comment.put("author_id", 424242);
    comment.put("body", body);
    comment.put("html_body", "<div class=\"zd-comment\"><p>" + body + "</p></div>");
    comment.put("plain_body", body);
    comment.put("public", isPublic);
    comment.put("attachments", attachments);
    comment.put("audit_id", id + 1);
    comment.put("created_at", "2026-01-05T10:00:00Z");
    return comment;
  }

  @SafeVarargs
  public static String comments(Map<String, Object>... comments) {
    return StripeApi.json(Map.of("comments", List.of(comments), "next_page", "", "previous_page", "",
        "count", comments.length));
  }

  public static String ticket(String ticketId) {
    Map<String, Object> ticket = new LinkedHashMap<>();
    ticket.put("id", Long.parseLong(ticketId));
    ticket.put("subject", "Return request");
    ticket.put("status", "open");
    ticket.put("tags", List.of("return"));
    return StripeApi.json(Map.of("ticket", ticket, "audit", Map.of("id", 9001, "ticket_id", Long.parseLong(ticketId),
        "events", List.of())));
  }

  public static String error(String error, String description) {
    return StripeApi.json(Map.of("error", error, "description", description));
  }
}
