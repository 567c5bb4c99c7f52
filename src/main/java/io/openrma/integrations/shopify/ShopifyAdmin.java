package io.openrma.integrations.shopify;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import io.openrma.integrations.HttpClients;
import io.openrma.integrations.IntegrationException;
import org.springframework.http.MediaType;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

/**
 * One store's Admin GraphQL API: {@code POST {base}/admin/api/{version}/graphql.json} with the header
 * {@code X-Shopify-Access-Token}.
 *
 * <p>Shopify limits by query cost (a leaky bucket per app and store). A throttled call answers HTTP 200
 * (sometimes 429) with {@code errors[].extensions.code = "THROTTLED"} and {@code extensions.cost}
 * ({@code requestedQueryCost}, {@code throttleStatus.currentlyAvailable}, {@code restoreRate}); the call
 * waits until the bucket holds the query's cost, {@code (requested - available) / restoreRate} seconds,
 * and tries again, at most {@code max-throttle-wait} in all. Written here rather than with a retry
 * library because the wait comes from the answer's body. Any other GraphQL error is an
 * {@link IntegrationException} naming Shopify and its message.
 *
 * <p>The token is the static one, or one from the client credentials grant ({@code POST
 * /admin/oauth/access_token}, {@code grant_type=client_credentials}; it expires after {@code expires_in}
 * seconds, about 24 h): kept until shortly before it expires, and fetched anew once when Shopify answers 401.
 */
public class ShopifyAdmin {

  public static final String SYSTEM = "Shopify";
  static final String TOKEN_HEADER = "X-Shopify-Access-Token";
  /** Fetch a new token this long before the old one expires. */
  private static final Duration TOKEN_MARGIN = Duration.ofMinutes(5);

  /** Waits; the tests record the wait instead. */
  @FunctionalInterface
  public interface Sleeper {
    void sleep(Duration duration) throws InterruptedException;
  }

  private final ShopifySettings settings;
  private final ObjectMapper json;
  private final RestClient client;
  private final Sleeper sleeper;
  private final Clock clock;
  private Token token;

  public ShopifyAdmin(ShopifySettings settings, ObjectMapper json) {
    this(settings, json, duration -> Thread.sleep(duration.toMillis()), Clock.systemUTC());
  }

  public ShopifyAdmin(ShopifySettings settings, ObjectMapper json, Sleeper sleeper, Clock clock) {
    this.settings = settings;
    this.json = json;
    this.client = HttpClients.restClient(settings.endpoint(), settings.http(), json);
    this.sleeper = sleeper;
    this.clock = clock;
  }

  /**
   * Runs a query and reads its {@code data} as {@code type}.
   *
   * @param what what the query does, for messages ("look up order #1001")
   */
  public <T> T query(String what, String document, Map<String, Object> variables, Class<T> type) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("query", document);
    body.put("variables", variables);
    Duration waited = Duration.ZERO;
    boolean tokenRenewed = false;
    while (true) {
      Answer answer = post(what, body);
      if (answer.status() == 401 && settings.usesClientCredentials() && !tokenRenewed) {
        forgetToken(); // revoked or expired early: one new token, then the answer counts
        tokenRenewed = true;
        continue;
      }
      if (answer.throttled()) {
        Duration wait = answer.throttleWait();
        waited = waited.plus(wait);
        if (waited.compareTo(settings.maxThrottleWait()) > 0) {
          throw new IntegrationException(SYSTEM, what + " failed: throttled (rate limit), and waiting another "
              + wait.toMillis() + " ms would exceed openrma.shopify.max-throttle-wait " + settings.maxThrottleWait());
        }
        pause(what, wait);
        continue;
      }
      if (answer.status() < 200 || answer.status() > 299) {
        throw new IntegrationException(SYSTEM, what + " failed: HTTP " + answer.status()
            + (answer.status() == 401 ? " (the access token was refused)" : "") + answer.errorText());
      }
      if (!answer.errors().isEmpty()) {
        throw new IntegrationException(SYSTEM, what + " failed:" + answer.errorText());
      }
      JsonNode data = answer.body() == null ? null : answer.body().get("data");
      if (data == null || data.isNull()) {
        throw new IntegrationException(SYSTEM, what + " failed: answered without data");
      }
      try {
        return json.treeToValue(data, type);
      } catch (IOException e) {
        throw new IntegrationException(SYSTEM, what + " failed: an answer that does not fit the query", e);
      }
    }
  }

  private Answer post(String what, Map<String, Object> body) {
    String accessToken = accessToken();
    try {
      return client.post().uri(settings.graphqlPath())
          .header(TOKEN_HEADER, accessToken)
          .contentType(MediaType.APPLICATION_JSON).accept(MediaType.APPLICATION_JSON)
          .body(body)
          .exchange((request, response) -> new Answer(response.getStatusCode().value(), readTree(response.getBody()
              .readAllBytes())));
    } catch (RestClientException e) {
      throw new IntegrationException(SYSTEM, what + " failed: no answer (timeout or connection lost)", e);
    }
  }

  private JsonNode readTree(byte[] body) {
    try {
      return body.length == 0 ? null : json.readTree(body);
    } catch (IOException notJson) {
      return null;
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

  private synchronized String accessToken() {
    if (!settings.usesClientCredentials()) {
      return settings.accessToken();
    }
    if (token == null || !clock.instant().isBefore(token.renewAt())) {
      token = fetchToken();
    }
    return token.value();
  }

  private synchronized void forgetToken() {
    token = null;
  }

  private Token fetchToken() {
    MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
    form.add("grant_type", "client_credentials");
    form.add("client_id", settings.clientId());
    form.add("client_secret", settings.clientSecret());
    TokenAnswer answer;
    try {
      answer = client.post().uri("/admin/oauth/access_token")
          .contentType(MediaType.APPLICATION_FORM_URLENCODED).accept(MediaType.APPLICATION_JSON)
          .body(form).retrieve().body(TokenAnswer.class);
    } catch (RestClientException e) {
      throw new IntegrationException(SYSTEM, "get an access token (client credentials) failed: " + e.getMessage(), e);
    }
    if (answer == null || answer.accessToken() == null || answer.accessToken().isBlank()) {
      throw new IntegrationException(SYSTEM, "get an access token (client credentials) failed: no access_token");
    }
    Duration lifetime = Duration.ofSeconds(answer.expiresIn() == null ? 0 : answer.expiresIn());
    Duration margin = lifetime.compareTo(TOKEN_MARGIN.multipliedBy(2)) > 0 ? TOKEN_MARGIN : lifetime.dividedBy(2);
    return new Token(answer.accessToken(), clock.instant().plus(lifetime).minus(margin));
  }

  private record Token(String value, Instant renewAt) {
  }

  /** {@code {"access_token": "shpat_...", "scope": "read_orders,...", "expires_in": 86399}}. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  record TokenAnswer(String accessToken, String scope, Long expiresIn) {
  }

  /** One HTTP answer: its status and its JSON body, {@code null} when it has none or is not JSON. */
  private record Answer(int status, JsonNode body) {

    List<JsonNode> errors() {
      List<JsonNode> errors = new ArrayList<>();
      if (body != null && body.path("errors").isArray()) {
        body.path("errors").forEach(errors::add);
      }
      return errors;
    }

    boolean throttled() {
      return errors().stream().anyMatch(error -> "THROTTLED".equals(error.path("extensions").path("code").asText()))
          || (status == 429 && errors().isEmpty());
    }

    /** Until the bucket holds the query's cost; a second when the answer does not say. */
    Duration throttleWait() {
      JsonNode cost = body == null ? null : body.path("extensions").path("cost");
      double requested = cost == null ? 0 : cost.path("requestedQueryCost").asDouble(0);
      double available = cost == null ? 0 : cost.path("throttleStatus").path("currentlyAvailable").asDouble(0);
      double restoreRate = cost == null ? 0 : cost.path("throttleStatus").path("restoreRate").asDouble(0);
      if (restoreRate <= 0 || requested <= 0) {
        return Duration.ofSeconds(1);
      }
      return Duration.ofMillis((long) Math.ceil(Math.max(0, requested - available) / restoreRate * 1000));
    }

    String errorText() {
      List<String> messages = errors().stream().map(error -> {
        String code = error.path("extensions").path("code").asText("");
        return error.path("message").asText("?") + (code.isEmpty() ? "" : " (" + code + ")");
      }).toList();
      return messages.isEmpty() ? "" : " " + String.join("; ", messages);
    }
  }
}
