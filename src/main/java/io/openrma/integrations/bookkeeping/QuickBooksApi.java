package io.openrma.integrations.bookkeeping;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.function.Function;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.openrma.integrations.HttpClients;
import io.openrma.integrations.IntegrationException;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;

/**
 * The QuickBooks Online Accounting API ({@code /v3/company/{realmId}/...}, JSON, {@code minorversion}) with a
 * bearer token. Every answer is read for a {@code Fault}, which QuickBooks also sends with HTTP 200: a
 * {@code ValidationFault} is a business refusal ({@link QuickBooksRefusedException}); an
 * {@code AuthenticationFault} or a 401 refreshes the access token once and tries again; 429 and 5xx are
 * {@link IntegrationException}s the engine retries.
 */
class QuickBooksApi {

  static final String SYSTEM = "QuickBooks";

  private final QuickBooksSettings settings;
  private final QuickBooksTokens tokens;
  private final ObjectMapper json;
  private final RestClient client;

  QuickBooksApi(QuickBooksSettings settings, QuickBooksTokens tokens, ObjectMapper json) {
    this.settings = settings;
    this.tokens = tokens;
    this.json = json;
    this.client = HttpClients.restClient(settings.apiUrl(), settings.http(), json);
  }

  /** {@code GET /query?query=select * from {entity} where {field} = '{value}'}: the first match. */
  Optional<JsonNode> findOne(String entity, String field, String value) {
    String query = "select * from " + entity + " where " + field + " = '" + quoted(value) + "'";
    JsonNode answer = call("look up " + entity, token -> client.get()
        .uri("/v3/company/{realm}/query?query={query}&minorversion={minor}", settings.realmId(), query,
            settings.minorVersion())
        .header("Authorization", "Bearer " + token).accept(MediaType.APPLICATION_JSON));
    JsonNode found = answer.path("QueryResponse").path(entity);
    return found.isArray() && !found.isEmpty() ? Optional.of(found.get(0)) : Optional.empty();
  }

  /** {@code POST /{entity}?minorversion=..&requestid=..}: the created entity (or, under the same requestid, the first). */
  JsonNode create(String entity, Object body, String requestId) {
    String path = "/v3/company/{realm}/" + entity.toLowerCase(java.util.Locale.ROOT)
        + "?minorversion={minor}" + (requestId == null ? "" : "&requestid={request}");
    JsonNode answer = call("create " + entity, token -> client.post()
        .uri(path, settings.realmId(), settings.minorVersion(), requestId)
        .header("Authorization", "Bearer " + token).contentType(MediaType.APPLICATION_JSON)
        .accept(MediaType.APPLICATION_JSON).body(body));
    JsonNode created = answer.path(entity);
    if (!created.hasNonNull("Id")) {
      throw new IntegrationException(SYSTEM, "create " + entity + " answered no " + entity + " with an Id");
    }
    return created;
  }

  private JsonNode call(String what, Function<String, RestClient.RequestHeadersSpec<?>> request) {
    String token = tokens.accessToken();
    Answer answer = send(what, request.apply(token));
    if (answer.unauthorized()) {
      answer = send(what, request.apply(tokens.refreshedAfter(token)));
      if (answer.unauthorized()) {
        throw new IntegrationException(SYSTEM, what + ": the new access token was refused too ("
            + answer.status() + ")");
      }
    }
    return answer.body();
  }

  private Answer send(String what, RestClient.RequestHeadersSpec<?> request) {
    Answer answer;
    try {
      answer = request.exchange((req, response) -> {
        String text = new String(response.getBody().readAllBytes(), StandardCharsets.UTF_8);
        return new Answer(response.getStatusCode().value(), text.isBlank()
            ? json.createObjectNode()
            : json.readTree(text));
      });
    } catch (RuntimeException e) {
      throw new IntegrationException(SYSTEM, what + " did not answer: " + e.getMessage(), e);
    }
    JsonNode fault = answer.body().path("Fault");
    String type = fault.path("type").asText("");
    if (answer.status() == 401 || "AuthenticationFault".equalsIgnoreCase(type)) {
      return new Answer(401, answer.body());
    }
    if (answer.status() == 429) {
      throw new IntegrationException(SYSTEM, what + ": too many requests (429), the engine tries again later");
    }
    if (answer.status() >= 500) {
      throw new IntegrationException(SYSTEM, what + " answered HTTP " + answer.status());
    }
    if (!fault.isMissingNode()) {
      JsonNode error = fault.path("Error").path(0);
      String code = error.path("code").asText("");
      String message = error.path("Message").asText("") + (error.hasNonNull("Detail")
          ? ": " + error.path("Detail").asText()
          : "");
      if ("ValidationFault".equalsIgnoreCase(type)) {
        throw new QuickBooksRefusedException(code, what + " refused (" + code + "): " + message);
      }
      throw new IntegrationException(SYSTEM, what + ": " + type + " (" + code + "): " + message);
    }
    if (answer.status() >= 400) {
      throw new IntegrationException(SYSTEM, what + " answered HTTP " + answer.status());
    }
    return answer;
  }

  /** A value inside a query's single quotes: QuickBooks escapes a quote with a backslash. */
  static String quoted(String value) {
    return value.replace("\\", "\\\\").replace("'", "\\'");
  }

  private record Answer(int status, JsonNode body) {
    boolean unauthorized() {
      return status == 401;
    }
  }
}
