package io.openrma.integrations.helpdesk;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.openrma.integrations.HttpSettings;
import io.openrma.integrations.IntegrationMode;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code openrma.zendesk.*}: API token authentication ({@code {email}/token:{api-token}}); the token
 * comes from {@code ZENDESK_API_TOKEN}.
 *
 * @param baseUrl               the account, e.g. {@code https://acme.zendesk.com}
 * @param email                 the agent the token belongs to; comments are written in their name
 * @param apiToken              without it tickets are simulated
 * @param trackingFieldId       id of a custom ticket field that gets the tracking number (optional)
 * @param tag                   tag added with the tracking number
 * @param trackingCommentPublic whether the tracking comment is visible to the customer (else an internal note)
 */
@ConfigurationProperties("openrma.zendesk")
public record ZendeskSettings(
    @DefaultValue("AUTO") IntegrationMode mode,
    String baseUrl,
    String email,
    String apiToken,
    Long trackingFieldId,
    @DefaultValue("rma") String tag,
    @DefaultValue("false") boolean trackingCommentPublic,
    @DefaultValue("PT5S") Duration connectTimeout,
    @DefaultValue("PT30S") Duration readTimeout) {

  public boolean hasApiToken() {
    return apiToken != null && !apiToken.isBlank();
  }

  /** What a live Zendesk needs besides the token; empty when all is there. */
  public List<String> missingForLive() {
    List<String> missing = new ArrayList<>();
    if (!hasApiToken()) {
      missing.add("openrma.zendesk.api-token (ZENDESK_API_TOKEN)");
    }
    if (baseUrl == null || baseUrl.isBlank()) {
      missing.add("openrma.zendesk.base-url");
    }
    if (email == null || email.isBlank()) {
      missing.add("openrma.zendesk.email");
    }
    return missing;
  }

  public HttpSettings http() {
    return new HttpSettings(connectTimeout, readTimeout);
  }
}
