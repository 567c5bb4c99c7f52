package io.openrma.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** A small HTTP client for tests that talk to the running app the way users and partners do. */
public final class Http {

  private static final ObjectMapper JSON = com.fasterxml.jackson.databind.json.JsonMapper.builder().findAndAddModules()
      .disable(com.fasterxml.jackson.databind.SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).build();
  private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final String baseUrl;
  private String user;
  private String password;
  private final Map<String, String> headers = new LinkedHashMap<>();

  public Http(int port) {
    this("http://localhost:" + port);
  }

  public Http(String baseUrl) {
    this.baseUrl = baseUrl;
  }

  /** Same base URL, logged in as {@code user} with password {@code password}. */
  public Http as(String user, String password) {
    Http other = new Http(baseUrl);
    other.user = user;
    other.password = password;
    other.headers.putAll(headers);
    return other;
  }

  /** Demo users' passwords are their names. */
  public Http as(String demoUser) {
    return as(demoUser, demoUser);
  }

  public Http header(String name, String value) {
    Http other = as(user, password);
    other.headers.put(name, value);
    return other;
  }

  public Response get(String path) {
    return send(request(path).GET());
  }

  public Response post(String path, Object body) {
    return send(request(path).header("Content-Type", "application/json").POST(bodyOf(body)));
  }

  public Response put(String path, Object body) {
    return send(request(path).header("Content-Type", "application/json").PUT(bodyOf(body)));
  }

  public Response delete(String path) {
    return send(request(path).DELETE());
  }

  public Response send(HttpRequest.Builder builder) {
    try {
      HttpResponse<String> response = client.send(builder.build(), HttpResponse.BodyHandlers.ofString());
      return new Response(response);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  public HttpRequest.Builder request(String path) {
    HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(60));
    if (user != null) {
      builder.header("Authorization", "Basic " + Base64.getEncoder()
          .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
    }
    headers.forEach(builder::header);
    return builder;
  }

  private static HttpRequest.BodyPublisher bodyOf(Object body) {
    try {
      String text = body instanceof String s ? s : JSON.writeValueAsString(body);
      return HttpRequest.BodyPublishers.ofString(text);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Status, headers and body of one response, with the body readable as JSON. */
  public record Response(HttpResponse<String> raw) {
    public int status() {
      return raw.statusCode();
    }

    public String body() {
      return raw.body();
    }

    public String header(String name) {
      return raw.headers().firstValue(name).orElse(null);
    }

    public java.util.List<String> headers(String name) {
      return raw.headers().allValues(name);
    }

    public JsonNode json() {
      try {
        return JSON.readTree(raw.body());
      } catch (IOException e) {
        throw new IllegalStateException("Not JSON: " + raw.body(), e);
      }
    }

    @Override
    public String toString() {
      return raw.statusCode() + " " + raw.body();
    }
  }
}
