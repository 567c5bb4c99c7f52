package io.openrma.outbound;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;

import org.springframework.stereotype.Component;

/**
 * Posts one signed event to one subscriber. Redirects are not followed (a signed event goes where it
 * was configured to go, or fails); any 2xx answer counts as delivered.
 */
@Component
public class WebhookClient {

  private final OutboundSettings settings;
  private final Clock clock;
  private final HttpClient http;

  public WebhookClient(OutboundSettings settings, Clock clock) {
    this.settings = settings;
    this.clock = clock;
    this.http = HttpClient.newBuilder()
        .connectTimeout(settings.getTimeout())
        .followRedirects(HttpClient.Redirect.NEVER)
        .build();
  }

  /** What one attempt got: the HTTP status, or the error that prevented an answer. */
  public record Outcome(Instant at, Integer httpStatus, String error, long durationMillis) {
    public boolean delivered() {
      return httpStatus != null && httpStatus >= 200 && httpStatus < 300;
    }

    public String describe() {
      return httpStatus == null ? error : "HTTP " + httpStatus + (error == null ? "" : ": " + error);
    }
  }

  public Outcome post(OutboundSettings.Subscriber subscriber, String eventId, String body) {
    Instant at = clock.instant();
    long timestamp = at.getEpochSecond();
    HttpRequest request = HttpRequest.newBuilder(subscriber.getUrl())
        .timeout(settings.getTimeout())
        .header("Content-Type", "application/json")
        .header("User-Agent", "OpenRMA-Webhooks/1")
        .header(WebhookSignature.EVENT_ID_HEADER, eventId)
        .header(WebhookSignature.TIMESTAMP_HEADER, Long.toString(timestamp))
        .header(WebhookSignature.SIGNATURE_HEADER, WebhookSignature.sign(subscriber.getSecret(), timestamp, body))
        .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
        .build();
    long started = System.nanoTime();
    try {
      HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
      String error = response.statusCode() / 100 == 2 ? null : abbreviate(response.body());
      return new Outcome(at, response.statusCode(), error, millisSince(started));
    } catch (IOException e) {
      return new Outcome(at, null, e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()),
          millisSince(started));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new Outcome(at, null, "interrupted", millisSince(started));
    }
  }

  private static long millisSince(long started) {
    return (System.nanoTime() - started) / 1_000_000;
  }

  private static String abbreviate(String body) {
    if (body == null || body.isBlank()) {
      return null;
    }
    String oneLine = body.replaceAll("\\s+", " ").trim();
    return oneLine.length() > 200 ? oneLine.substring(0, 200) + "..." : oneLine;
  }
}
