package io.openrma.integrations.helpdesk;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.function.Function;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.openrma.integrations.HttpClients;
import io.openrma.integrations.IntegrationException;
import org.springframework.http.HttpHeaders;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;
import org.springframework.web.client.RestClientResponseException;

/**
 * Gorgias' REST API as {@link GorgiasHelpdesk} calls it: HTTP Basic (account email and API key) on every request,
 * errors turned into {@link IntegrationException}s that name Gorgias, and its rate limit (40 requests per 20 s per
 * key) honoured: a 429 is retried after its {@code Retry-after} as long as the step's waiting budget
 * ({@code max-rate-limit-wait}) lasts, then the step fails into the engine's retry. Written by hand because the
 * waits must count against one budget per step and be testable without sleeping, which a generic retry library
 * does not give with {@link RestClient}.
 */
final class GorgiasClient {

  static final String SYSTEM = "Gorgias";

  /** Waits for the rate limit; tests record the wait instead of sleeping. */
  interface Sleeper {
    void sleep(Duration duration) throws InterruptedException;
  }

  private final RestClient client;
  private final ObjectMapper json;
  private final Sleeper sleeper;
  private final Duration maxRateLimitWait;

  GorgiasClient(GorgiasSettings settings, ObjectMapper json, Sleeper sleeper) {
    String authorization = "Basic " + Base64.getEncoder().encodeToString(
        (settings.email() + ":" + settings.apiKey()).getBytes(StandardCharsets.UTF_8));
    this.client = HttpClients.restClient(settings.apiBase(), settings.http(), json).mutate()
        .defaultHeader(HttpHeaders.AUTHORIZATION, authorization)
        .build();
    this.json = json;
    this.sleeper = sleeper;
    this.maxRateLimitWait = settings.maxRateLimitWait();
  }

  /** The waiting budget of one step: every 429 of the step waits from it. */
  Budget budget() {
    return new Budget(maxRateLimitWait);
  }

  /** Makes {@code call}, again after each 429 while the budget lasts. */
  <T> T send(Budget budget, String what, Function<RestClient, T> call) {
    while (true) {
      try {
        return call.apply(client);
      } catch (RestClientResponseException e) {
        if (e.getStatusCode().value() != 429) {
          throw failure(what, e);
        }
        Duration wait = retryAfter(e);
        if (wait.compareTo(budget.left) > 0) {
          throw new IntegrationException(SYSTEM, what + " failed: HTTP 429 rate limited (40 requests per 20 s per "
              + "API key), still limited after waiting " + budget.waited().toSeconds() + " s of at most "
              + maxRateLimitWait.toSeconds() + " s (openrma.gorgias.max-rate-limit-wait)", e);
        }
        pause(what, wait);
        budget.left = budget.left.minus(wait);
      } catch (ResourceAccessException e) {
        throw new IntegrationException(SYSTEM, what + " failed: no answer (timeout or connection lost)", e);
      } catch (RestClientException e) {
        // the message may quote the URL, whose query can hold the customer's email: leave the query out
        String message = String.valueOf(e.getMessage()).replaceAll("\\?[^\\s\"]*", "?...");
        throw new IntegrationException(SYSTEM, what + " failed: " + message, e);
      }
    }
  }

  private static Duration retryAfter(RestClientResponseException e) {
    String header = e.getResponseHeaders() == null ? null : e.getResponseHeaders().getFirst("Retry-after");
    try {
      return Duration.ofSeconds(Math.max(1, Long.parseLong(header == null ? "1" : header.trim())));
    } catch (NumberFormatException notSeconds) {
      return Duration.ofSeconds(1);
    }
  }

  private void pause(String what, Duration wait) {
    try {
      sleeper.sleep(wait);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IntegrationException(SYSTEM, what + " interrupted while waiting for the rate limit", e);
    }
  }

  private IntegrationException failure(String what, RestClientResponseException e) {
    int status = e.getStatusCode().value();
    String detail = switch (status) {
      case 401 -> "the account email and API key are not accepted (openrma.gorgias.email, GORGIAS_API_KEY)";
      case 403 -> "the API key may not do this";
      case 404 -> "not found";
      default -> errorOf(e);
    };
    return new IntegrationException(SYSTEM, what + " failed: HTTP " + status + " " + detail, e);
  }

  /** Gorgias' error: {@code {"error": {"msg": ..., "data": {...}}}} or a plain message. */
  private String errorOf(RestClientResponseException e) {
    try {
      JsonNode body = json.readTree(e.getResponseBodyAsString());
      JsonNode error = body.path("error");
      String message = error.isTextual() ? error.asText() : error.path("msg").asText(body.path("message").asText(""));
      JsonNode data = error.path("data");
      return (message + (data.isMissingNode() || data.isNull() ? "" : " " + data)).trim();
    } catch (Exception notJson) {
      return "";
    }
  }

  /** How long a step may still wait for the rate limit. */
  static final class Budget {
    private final Duration total;
    private Duration left;

    private Budget(Duration total) {
      this.total = total;
      this.left = total;
    }

    Duration waited() {
      return total.minus(left);
    }
  }
}
