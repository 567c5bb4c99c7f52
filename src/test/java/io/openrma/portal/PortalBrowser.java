package io.openrma.portal;

import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A browser without JavaScript for the portal's tests: keeps cookies (the session, the language), sends forms
 * as {@code application/x-www-form-urlencoded} with the CSRF token of the last page, follows redirects the way a
 * browser does after a POST (a GET of the new location).
 */
final class PortalBrowser {

  private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

  private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
      .cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL)).followRedirects(HttpClient.Redirect.NEVER)
      .build();
  private final String base;
  private final String language;
  private Page last;

  PortalBrowser(int port, String language) {
    this.base = "http://localhost:" + port;
    this.language = language;
  }

  PortalBrowser(int port) {
    this(port, "en");
  }

  /** One response; {@code path}: where it came from after redirects. */
  record Page(int status, String body, HttpResponse<byte[]> raw, String path) {

    String header(String name) {
      return raw.headers().firstValue(name).orElse(null);
    }

    String csrf() {
      Matcher m = CSRF.matcher(body);
      return m.find() ? m.group(1) : null;
    }

    /** The value of the first input named {@code name}. */
    String input(String name) {
      Matcher m = Pattern.compile("name=\"" + Pattern.quote(name) + "\" value=\"([^\"]*)\"").matcher(body);
      return m.find() ? m.group(1) : null;
    }

    /** The first link matching {@code hrefPattern} (a regex for the href). */
    String link(String hrefPattern) {
      Matcher m = Pattern.compile("href=\"(" + hrefPattern + ")\"").matcher(body);
      return m.find() ? m.group(1) : null;
    }
  }

  Page get(String path) {
    return follow(send(HttpRequest.newBuilder(URI.create(base + path)).GET(), path));
  }

  /** A form post with the CSRF token of the last page. */
  Page post(String path, Map<String, String> form) {
    Map<String, String> fields = new LinkedHashMap<>(form);
    if (last != null && last.csrf() != null) {
      fields.putIfAbsent("_csrf", last.csrf());
    }
    return postExactly(path, fields);
  }

  /** A form post with exactly these fields (no CSRF token added). */
  Page postExactly(String path, Map<String, String> fields) {
    String body = fields.entrySet().stream()
        .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
            + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
        .collect(Collectors.joining("&"));
    return follow(send(HttpRequest.newBuilder(URI.create(base + path))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(body)), path));
  }

  /** A file to upload, as the browser declares it. */
  record Upload(String field, String fileName, String contentType, byte[] bytes) {
  }

  /**
   * A {@code multipart/form-data} post of these fields and files, with the CSRF token of the last page as a
   * hidden field when {@code withCsrf}.
   */
  Page postMultipart(String path, Map<String, String> form, java.util.List<Upload> files, boolean withCsrf) {
    Map<String, String> fields = new LinkedHashMap<>(form);
    if (withCsrf && last != null && last.csrf() != null) {
      fields.putIfAbsent("_csrf", last.csrf());
    }
    String boundary = "----portal-test-" + System.nanoTime();
    java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
    fields.forEach((name, value) -> body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\""
        + name + "\"\r\n\r\n" + value + "\r\n").getBytes(StandardCharsets.UTF_8)));
    for (Upload file : files) {
      body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + file.field()
          + "\"; filename=\"" + file.fileName() + "\"\r\nContent-Type: " + file.contentType() + "\r\n\r\n")
          .getBytes(StandardCharsets.UTF_8));
      body.writeBytes(file.bytes());
      body.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
    }
    body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    return follow(send(HttpRequest.newBuilder(URI.create(base + path))
        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
        .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())), path));
  }

  Page last() {
    return last;
  }

  private Page follow(Page page) {
    Page current = page;
    for (int hops = 0; hops < 5 && current.status() / 100 == 3; hops++) {
      String location = current.header("Location");
      String path = location.startsWith("http")
          ? URI.create(location).getRawPath()
              + (URI.create(location).getRawQuery() == null ? "" : "?" + URI.create(location).getRawQuery())
          : location;
      current = send(HttpRequest.newBuilder(URI.create(base + path)).GET(), path);
    }
    last = current;
    return current;
  }

  private Page send(HttpRequest.Builder request, String path) {
    try {
      HttpResponse<byte[]> response = client.send(request.header("Accept-Language", language)
          .header("Accept", "text/html").timeout(Duration.ofSeconds(60)).build(),
          HttpResponse.BodyHandlers.ofByteArray());
      return new Page(response.statusCode(), new String(response.body(), StandardCharsets.UTF_8), response, path);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
