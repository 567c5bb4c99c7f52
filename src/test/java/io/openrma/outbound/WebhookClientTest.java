package io.openrma.outbound;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.ok;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** One delivery attempt against a partner endpoint (WireMock) over real HTTP. No Spring. */
class WebhookClientTest {

  @RegisterExtension
  static WireMockExtension partner = WireMockExtension.newInstance()
      .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1")).build();

  static final String SECRET = "0123456789abcdef-partner";
  static final Instant NOW = Instant.parse("2026-06-01T08:00:00Z");
  static final String BODY = "{\"id\":\"evt_1\",\"type\":\"return.status_changed\",\"note\":\"Größe passt\"}";

  private static WebhookClient client(Duration timeout) {
    OutboundSettings settings = new OutboundSettings();
    settings.setTimeout(timeout);
    return new WebhookClient(settings, Clock.fixed(NOW, ZoneOffset.UTC));
  }

  private static OutboundSettings.Subscriber subscriber(String path) {
    OutboundSettings.Subscriber subscriber = new OutboundSettings.Subscriber();
    subscriber.setName("partner");
    subscriber.setUrl(URI.create(partner.baseUrl() + path));
    subscriber.setSecret(SECRET);
    return subscriber;
  }

  @Test
  void theEventIsPostedAsSignedJsonWithItsIdAndA2xxIsDelivered() {
    partner.stubFor(post(urlEqualTo("/hooks")).willReturn(aResponse().withStatus(202)));

    WebhookClient.Outcome outcome = client(Duration.ofSeconds(5)).post(subscriber("/hooks"), "evt_1", BODY);

    assertThat(outcome.delivered()).isTrue();
    assertThat(outcome.httpStatus()).isEqualTo(202);
    assertThat(outcome.error()).isNull();
    assertThat(outcome.at()).isEqualTo(NOW);
    LoggedRequest request = partner.findAll(postRequestedFor(urlEqualTo("/hooks"))).get(0);
    assertThat(request.getHeader("Content-Type")).isEqualTo("application/json");
    assertThat(request.getHeader("User-Agent")).isEqualTo("OpenRMA-Webhooks/1");
    assertThat(request.getHeader(WebhookSignature.EVENT_ID_HEADER)).isEqualTo("evt_1");
    assertThat(request.getHeader(WebhookSignature.TIMESTAMP_HEADER)).isEqualTo(Long.toString(NOW.getEpochSecond()));
    assertThat(request.getBodyAsString()).isEqualTo(BODY);
    assertThat(WebhookSignature.verify(SECRET, NOW.getEpochSecond(), request.getBodyAsString(),
        request.getHeader(WebhookSignature.SIGNATURE_HEADER))).isTrue();
  }

  @Test
  void aNon2xxAnswerIsAFailureThatQuotesTheAnswer() {
    partner.stubFor(post(urlEqualTo("/hooks")).willReturn(aResponse().withStatus(503)
        .withHeader("Content-Type", "text/plain").withBody("  down for\n maintenance ")));

    WebhookClient.Outcome outcome = client(Duration.ofSeconds(5)).post(subscriber("/hooks"), "evt_1", BODY);

    assertThat(outcome.delivered()).isFalse();
    assertThat(outcome.describe()).isEqualTo("HTTP 503: down for maintenance");
  }

  @Test
  void aRedirectIsAFailureAndNotFollowed() {
    partner.stubFor(post(urlEqualTo("/old")).willReturn(aResponse().withStatus(307).withHeader("Location", "/new")));
    partner.stubFor(post(urlEqualTo("/new")).willReturn(ok()));

    WebhookClient.Outcome outcome = client(Duration.ofSeconds(5)).post(subscriber("/old"), "evt_1", BODY);

    assertThat(outcome.delivered()).isFalse();
    assertThat(outcome.httpStatus()).isEqualTo(307);
    partner.verify(0, postRequestedFor(urlEqualTo("/new")));
    partner.verify(0, getRequestedFor(urlEqualTo("/new")));
  }

  @Test
  void aPartnerSlowerThanTheTimeoutIsAFailureWithoutStatus() {
    partner.stubFor(post(urlEqualTo("/hooks")).willReturn(ok().withFixedDelay(3000)));

    WebhookClient.Outcome outcome = client(Duration.ofMillis(500)).post(subscriber("/hooks"), "evt_1", BODY);

    assertThat(outcome.delivered()).isFalse();
    assertThat(outcome.httpStatus()).isNull();
    assertThat(outcome.error()).startsWith("HttpTimeoutException");
    assertThat(outcome.durationMillis()).isBetween(400L, 2500L);
  }

  @Test
  void anUnreachablePartnerIsAFailureThatNamesTheError() {
    WebhookClient.Outcome outcome = client(Duration.ofSeconds(2))
        .post(subscriberAt(URI.create("http://127.0.0.1:1/hooks")), "evt_1", BODY);

    assertThat(outcome.delivered()).isFalse();
    assertThat(outcome.httpStatus()).isNull();
    assertThat(outcome.error()).startsWith("ConnectException");
  }

  private static OutboundSettings.Subscriber subscriberAt(URI url) {
    OutboundSettings.Subscriber subscriber = subscriber("/");
    subscriber.setUrl(url);
    return subscriber;
  }
}
