package io.openrma.integrations;

import java.net.http.HttpClient;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.http.converter.json.MappingJackson2HttpMessageConverter;
import org.springframework.web.client.RestClient;

/**
 * Builds the {@link RestClient} of an integration: the JDK's HTTP client, which keeps a pool of
 * connections per host (kept alive between calls), with the integration's connect and read timeouts.
 */
public final class HttpClients {

  private HttpClients() {
  }

  public static RestClient restClient(String baseUrl, HttpSettings settings) {
    return builder(baseUrl, settings).build();
  }

  /**
   * A client that reads and writes JSON with the application's {@link ObjectMapper} (Boot's, with its
   * modules and {@code spring.jackson.*} settings) instead of a default one of its own.
   */
  public static RestClient restClient(String baseUrl, HttpSettings settings, ObjectMapper json) {
    return builder(baseUrl, settings)
        .messageConverters(
            converters -> converters.replaceAll(converter -> converter instanceof MappingJackson2HttpMessageConverter
                ? new MappingJackson2HttpMessageConverter(json)
                : converter))
        .build();
  }

  /**
   * A client that answers a redirect with the redirect: for calls that must reach the configured URL or fail,
   * such as a signed webhook.
   */
  public static RestClient withoutRedirects(HttpSettings settings) {
    return builder(null, settings, HttpClient.Redirect.NEVER).build();
  }

  private static RestClient.Builder builder(String baseUrl, HttpSettings settings) {
    return builder(baseUrl, settings, HttpClient.Redirect.NORMAL);
  }

  private static RestClient.Builder builder(String baseUrl, HttpSettings settings, HttpClient.Redirect redirects) {
    HttpClient http = HttpClient.newBuilder()
        // HTTP/1.1 with keep-alive: predictable pooling, no h2c upgrade attempts on plain http
        .version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(settings.connectTimeout())
        .followRedirects(redirects)
        .build();
    JdkClientHttpRequestFactory factory = new JdkClientHttpRequestFactory(http);
    factory.setReadTimeout(settings.readTimeout());
    RestClient.Builder builder = RestClient.builder().requestFactory(factory);
    if (baseUrl != null) {
      builder.baseUrl(baseUrl);
    }
    return builder;
  }
}
