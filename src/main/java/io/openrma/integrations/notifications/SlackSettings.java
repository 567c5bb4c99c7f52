package io.openrma.integrations.notifications;

import java.time.Duration;

import io.openrma.integrations.HttpSettings;
import io.openrma.integrations.IntegrationMode;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code openrma.slack.*}: an incoming webhook of the channel the returns team reads. The URL holds
 * the secret, so it comes from {@code SLACK_WEBHOOK_URL}.
 */
@ConfigurationProperties("openrma.slack")
public record SlackSettings(
    @DefaultValue("AUTO") IntegrationMode mode,
    String webhookUrl,
    @DefaultValue("PT5S") Duration connectTimeout,
    @DefaultValue("PT10S") Duration readTimeout) {

  public boolean hasWebhookUrl() {
    return webhookUrl != null && !webhookUrl.isBlank();
  }

  public HttpSettings http() {
    return new HttpSettings(connectTimeout, readTimeout);
  }
}
