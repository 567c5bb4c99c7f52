package io.openrma.integrations.notifications;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.openrma.integrations.IntegrationException;
import io.openrma.integrations.IntegrationMode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The live Slack adapter against a stand-in incoming webhook, over real HTTP. No Spring. */
class SlackTeamChatTest {

  @RegisterExtension
  static WireMockExtension slack = WireMockExtension.newInstance()
      .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1")).build();

  static final String HOOK = "/services/T00000000/B00000000/XXXXXXXXXXXXXXXXXXXXXXXX";

  private static SlackTeamChat chat(Duration readTimeout) {
    return new SlackTeamChat(new SlackSettings(IntegrationMode.LIVE, slack.baseUrl() + HOOK, Duration.ofSeconds(2),
        readTimeout));
  }

  @Test
  void postsTheTextToTheIncomingWebhook() {
    slack.stubFor(post(urlEqualTo(HOOK)).withRequestBody(equalToJson("{\"text\": \"RMA-004711 needs a review\"}"))
        .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "text/html").withBody("ok")));

    chat(Duration.ofSeconds(10)).post("RMA-004711 needs a review");

    slack.verify(1, postRequestedFor(urlEqualTo(HOOK)));
  }

  @ParameterizedTest
  @CsvSource({"400, invalid_payload", "403, action_prohibited", "404, no_service", "410, channel_is_archived",
      "429, rate_limited", "500, rollup_error"})
  void slacksErrorsAreFailuresThatNameTheErrorButNotTheUrl(int status, String error) {
    slack.stubFor(post(urlEqualTo(HOOK)).willReturn(aResponse().withStatus(status).withBody(error)));

    assertThatThrownBy(() -> chat(Duration.ofSeconds(10)).post("hello"))
        .isInstanceOf(IntegrationException.class)
        .hasMessageContaining("HTTP " + status + " " + error)
        .hasMessageNotContaining("XXXXXXXX");
  }

  @Test
  void aTimeoutIsAFailure() {
    slack.stubFor(post(urlEqualTo(HOOK)).willReturn(aResponse().withBody("ok").withFixedDelay(1500)));

    assertThatThrownBy(() -> chat(Duration.ofMillis(500)).post("hello"))
        .isInstanceOf(IntegrationException.class).hasMessageContaining("no answer");
  }

  @Test
  void aConnectionResetIsAFailure() {
    slack.stubFor(post(urlEqualTo(HOOK)).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));

    assertThatThrownBy(() -> chat(Duration.ofSeconds(10)).post("hello"))
        .isInstanceOf(IntegrationException.class).hasMessageContaining("no answer");
  }
}
