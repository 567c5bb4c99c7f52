package benchdriver;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * OpenRMA over loopback HTTP, as its users and partners call it: HTTP/1.1 with keep-alive, Basic
 * authentication on every request (the application checks the password each time, as for real
 * clients). HttpURLConnection keeps idle connections per destination ({@code http.maxConnections}).
 */
final class Api {

  static {
    System.setProperty("http.maxConnections", "256");
    System.setProperty("http.keepAlive", "true");
  }

  record Response(int status, String body, long nanos) {
    boolean ok() {
      return status >= 200 && status < 300;
    }

    Object json() {
      return Json.parse(body);
    }
  }

  private final String base;

  Api(String base) {
    this.base = base;
  }

  private static String auth(String user) {
    String password = "admin".equals(user) ? System.getProperty("bench.adminPassword", "admin") : user;
    return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }

  Response get(String user, String path) {
    return send(user, "GET", path, null, "application/json");
  }

  Response get(String user, String path, String accept) {
    return send(user, "GET", path, null, accept);
  }

  Response post(String user, String path, String json) {
    return send(user, "POST", path, json, "application/json");
  }

  Response post(String user, String path, String json, String accept) {
    return send(user, "POST", path, json, accept);
  }

  Response send(String user, String method, String path, String json, String accept) {
    Response response = sendOnce(user, method, path, json, accept);
    if (response.status() == -1 && (response.body().startsWith("java.net.SocketException")
        || response.body().contains("Unexpected end of file"))) {
      // a kept-alive connection the server closed while it idled (after minutes of seeding on others):
      // HttpURLConnection does not retry a streamed POST itself, and the server never read this one
      return sendOnce(user, method, path, json, accept);
    }
    return response;
  }

  private Response sendOnce(String user, String method, String path, String json, String accept) {
    long start = System.nanoTime();
    HttpURLConnection connection = null;
    try {
      connection = (HttpURLConnection) new URL(base + path).openConnection();
      connection.setConnectTimeout(10_000);
      connection.setReadTimeout(120_000);
      connection.setRequestMethod(method);
      connection.setRequestProperty("Authorization", auth(user));
      connection.setRequestProperty("Accept", accept);
      if (json != null) {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        connection.setDoOutput(true);
        connection.setRequestProperty("Content-Type", "application/json");
        connection.setFixedLengthStreamingMode(body.length);
        try (OutputStream out = connection.getOutputStream()) {
          out.write(body);
        }
      }
      int status = connection.getResponseCode();
      InputStream in = status >= 400 ? connection.getErrorStream() : connection.getInputStream();
      String text = in == null ? "" : read(in);
      return new Response(status, text, System.nanoTime() - start);
    } catch (IOException e) {
      if (connection != null) {
        connection.disconnect();
      }
      return new Response(-1, e.toString(), System.nanoTime() - start);
    }
  }

  /** Reads the whole body, so the connection goes back to the keep-alive cache. */
  private static String read(InputStream in) throws IOException {
    try (in) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      byte[] buffer = new byte[8192];
      for (int n; (n = in.read(buffer)) > 0;) {
        out.write(buffer, 0, n);
      }
      return out.toString(StandardCharsets.UTF_8);
    }
  }
}
