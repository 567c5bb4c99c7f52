package io.openrma.integrations;

import java.net.http.HttpClient;

import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.RestClient;

/**
 * Builds the {@link RestClient} of an integration: the JDK's HTTP client, which keeps a pool of
 * connections per host (kept alive between calls), with the integration's connect and read timeouts.
 */
public final class HttpClients {

  private HttpClients() {
  }

  public static RestClient restClient(String baseUrl, HttpSettings settings) {
    HttpClient http = HttpClient.newBuilder()
        // HTTP/1.1 with keep-alive: predictable pooling, no h2c upgrade attempts on plain http
        .version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(settings.connectTimeout())
        .followRedirects(HttpClient.Redirect.NORMAL)
        .build();
    JdkClientHttpRequestFactory factory = new JdkClientHttpRequestFactory(http);
    factory.setReadTimeout(settings.readTimeout());
    RestClient.Builder builder = RestClient.builder().requestFactory(factory);
    if (baseUrl != null) {
      builder.baseUrl(baseUrl);
    }
    return builder.build();
  }
}
