package io.openrma.support;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * A browser-like session with the Camunda webapps: cookies, login to one app, and the CSRF token
 * that the webapps send back on every changing request.
 */
public final class WebappSession {

  private final String baseUrl;
  private final HttpClient client;
  private String csrfToken;
  private HttpResponse<String> lastLogin;

  public WebappSession(int port) {
    this.baseUrl = "http://localhost:" + port;
    this.client = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
  }

  /** Logs in to {@code app} (cockpit, tasklist, admin, welcome); returns the HTTP status. */
  public int login(String app, String user, String password) {
    HttpResponse<String> welcome = send(
        HttpRequest.newBuilder(URI.create(baseUrl + "/camunda/app/welcome/default/")).GET());
    welcome.headers().firstValue("X-XSRF-TOKEN").ifPresent(token -> csrfToken = token);
    String form = "username=" + URLEncoder.encode(user, StandardCharsets.UTF_8)
        + "&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8);
    lastLogin = send(
        withCsrf(HttpRequest.newBuilder(URI.create(baseUrl + "/camunda/api/admin/auth/user/default/login/" + app))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(form))));
    lastLogin.headers().firstValue("X-XSRF-TOKEN").ifPresent(token -> csrfToken = token);
    // the login starts a new session; its CSRF token comes with the next safe request
    HttpResponse<String> profile = get("/camunda/api/admin/auth/user/default");
    profile.headers().firstValue("X-XSRF-TOKEN").ifPresent(token -> csrfToken = token);
    return lastLogin.statusCode();
  }

  public HttpResponse<String> get(String path) {
    return send(HttpRequest.newBuilder(URI.create(baseUrl + path)).header("Accept", "application/json").GET());
  }

  public HttpResponse<String> post(String path, String json) {
    return send(withCsrf(HttpRequest.newBuilder(URI.create(baseUrl + path))
        .header("Content-Type", "application/json").header("Accept", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(json))));
  }

  public HttpResponse<String> postWithoutCsrfToken(String path, String json) {
    return send(HttpRequest.newBuilder(URI.create(baseUrl + path))
        .header("Content-Type", "application/json").header("Accept", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(json)));
  }

  public List<String> cookiesSetBy(HttpResponse<?> response) {
    return response.headers().allValues("Set-Cookie");
  }

  public HttpResponse<String> send(HttpRequest.Builder request) {
    try {
      return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private HttpRequest.Builder withCsrf(HttpRequest.Builder builder) {
    if (csrfToken != null) {
      builder.header("X-XSRF-TOKEN", csrfToken);
    }
    return builder;
  }
}
