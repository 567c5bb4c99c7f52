package io.openrma.integrations.notifications;

import java.net.URI;
import java.util.Map;

import io.openrma.integrations.HttpClients;
import io.openrma.integrations.IntegrationException;
import org.springframework.http.MediaType;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;
import org.springframework.web.client.RestClientResponseException;

/**
 * Posts to a Slack incoming webhook ({@code {"text": ...}}). Slack answers {@code ok}, or an error
 * word such as {@code no_service} (404), {@code channel_is_archived} (410) or {@code invalid_payload}
 * (400); every failure is an {@link IntegrationException} that names it (the URL, which is the
 * secret, is never in a message).
 */
public class SlackTeamChat implements TeamChat {

  static final String SYSTEM = "Slack";

  private final URI webhook;
  private final RestClient client;

  public SlackTeamChat(SlackSettings settings) {
    this.webhook = URI.create(settings.webhookUrl());
    this.client = HttpClients.restClient(null, settings.http());
  }

  @Override
  public void post(String text) {
    try {
      client.post().uri(webhook).contentType(MediaType.APPLICATION_JSON)
          .body(Map.of("text", text))
          .retrieve().toBodilessEntity();
    } catch (RestClientResponseException e) {
      String error = e.getResponseBodyAsString();
      throw new IntegrationException(SYSTEM, "post failed: HTTP " + e.getStatusCode().value()
          + (error.isBlank() || error.length() > 100 ? "" : " " + error.trim()), e);
    } catch (ResourceAccessException e) {
      throw new IntegrationException(SYSTEM, "post failed: no answer (timeout or connection lost)", e);
    } catch (RestClientException e) {
      throw new IntegrationException(SYSTEM, "post failed: " + e.getClass().getSimpleName(), e);
    }
  }
}
