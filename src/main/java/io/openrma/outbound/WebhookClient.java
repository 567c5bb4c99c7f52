package io.openrma.outbound;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;

import io.openrma.integrations.HttpClients;
import io.openrma.integrations.HttpSettings;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.util.StreamUtils;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;

/**
 * Posts one signed event to one subscriber. Redirects are not followed (a signed event goes where it
 * was configured to go, or fails); any 2xx answer counts as delivered. The configured timeout applies
 * to connecting and, again, to the answer.
 */
@Component
public class WebhookClient {

  private final Clock clock;
  private final RestClient client;

  public WebhookClient(OutboundSettings settings, Clock clock) {
    this.clock = clock;
    this.client = HttpClients.withoutRedirects(new HttpSettings(settings.getTimeout(), settings.getTimeout()));
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
    long started = System.nanoTime();
    try {
      // exchange, not retrieve: a non-2xx answer is an outcome to log, not an exception
      return client.post().uri(subscriber.getUrl())
          .contentType(MediaType.APPLICATION_JSON)
          .header("User-Agent", "OpenRMA-Webhooks/1")
          .header(WebhookSignature.EVENT_ID_HEADER, eventId)
          .header(WebhookSignature.TIMESTAMP_HEADER, Long.toString(timestamp))
          .header(WebhookSignature.SIGNATURE_HEADER, WebhookSignature.sign(subscriber.getSecret(), timestamp, body))
          // the signed bytes exactly, never re-encoded by a message converter
          .body(body.getBytes(StandardCharsets.UTF_8))
          .exchange((request, response) -> {
            int status = response.getStatusCode().value();
            String error = status / 100 == 2
                ? null
                : abbreviate(StreamUtils.copyToString(response.getBody(),
                    charset(response.getHeaders().getContentType())));
            return new Outcome(at, status, error, millisSince(started));
          });
    } catch (ResourceAccessException e) {
      return new Outcome(at, null, describe(e), millisSince(started));
    }
  }

  /** The I/O error itself (e.g. {@code HttpTimeoutException: Request timed out}), not Spring's wrapper. */
  private static String describe(ResourceAccessException e) {
    Throwable cause = e.getCause() instanceof IOException io ? io : e;
    if (cause.getCause() instanceof InterruptedException) {
      return "interrupted";
    }
    return cause.getClass().getSimpleName() + (cause.getMessage() == null ? "" : ": " + cause.getMessage());
  }

  private static Charset charset(MediaType contentType) {
    return contentType == null || contentType.getCharset() == null ? StandardCharsets.UTF_8 : contentType.getCharset();
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
