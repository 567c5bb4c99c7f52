package io.openrma.integrations.helpdesk;

import static com.github.tomakehurst.wiremock.client.WireMock.aMultipart;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.binaryEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.openrma.integrations.IntegrationException;
import io.openrma.integrations.IntegrationMode;
import io.openrma.integrations.shipping.SimplePdf;
import io.openrma.support.standins.GorgiasApi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.http.converter.json.Jackson2ObjectMapperBuilder;

/** The live Gorgias adapter against a stand-in that answers like Gorgias' REST API, over real HTTP. No Spring. */
class GorgiasHelpdeskTest {

  @RegisterExtension
  static WireMockExtension gorgias = WireMockExtension.newInstance()
      .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1")).build();

  static final byte[] PDF = SimplePdf.page(List.of("RETURN LABEL"));
  static final String AUTH = "Basic " + Base64.getEncoder().encodeToString(
      (GorgiasApi.EMAIL + ":" + GorgiasApi.API_KEY).getBytes(StandardCharsets.UTF_8));
  static final String MESSAGES = "/api/tickets/4711/messages?limit=100&order_by=created_datetime:desc";

  private final List<Duration> waits = new ArrayList<>();

  private GorgiasHelpdesk helpdesk(boolean publicReply, boolean createTicket, Duration maxRateLimitWait) {
    return new GorgiasHelpdesk(new GorgiasSettings(IntegrationMode.LIVE, "shop", gorgias.baseUrl(), GorgiasApi.EMAIL,
        GorgiasApi.API_KEY, GorgiasApi.AGENT, null, publicReply, 12L, "rma", true, createTicket, maxRateLimitWait,
        Duration.ofSeconds(2), Duration.ofSeconds(10)), Jackson2ObjectMapperBuilder.json().build(), waits::add);
  }

  private GorgiasHelpdesk helpdesk() {
    return helpdesk(false, false, Duration.ofSeconds(20));
  }

  private static void messages(long ticketId, String... texts) {
    List<java.util.Map<String, Object>> data = new ArrayList<>();
    data.add(GorgiasApi.message(1, ticketId, "email", false, "My shirt does not fit, I want to return it."));
    for (int i = 0; i < texts.length; i++) {
      data.add(GorgiasApi.message(2 + i, ticketId, "internal-note", true, texts[i]));
    }
    gorgias.stubFor(get(urlEqualTo("/api/tickets/" + ticketId + "/messages?limit=100&order_by=created_datetime:desc"))
        .willReturn(okJson(GorgiasApi.list("/api/tickets/" + ticketId + "/messages", data))));
  }

  private static void uploadAnswers() {
    gorgias.stubFor(post(urlEqualTo("/api/upload?type=attachment"))
        .withMultipartRequestBody(
            aMultipart().withName("file").withHeader("Content-Type", containing("application/pdf"))
                .withBody(binaryEqualTo(PDF)))
        .willReturn(okJson(GorgiasApi.uploaded("return-label-RMA-004711.pdf", PDF.length))));
  }

  private static void messageAccepted(long ticketId) {
    gorgias.stubFor(post(urlEqualTo("/api/tickets/" + ticketId + "/messages")).willReturn(aResponse().withStatus(201)
        .withHeader("Content-Type", "application/json")
        .withBody(GorgiasApi.json(GorgiasApi.message(99, ticketId, "internal-note", true, "posted")))));
  }

  @AfterEach
  void everyRequestCarriedTheAccountsBasicAuth() {
    assertThat(gorgias.findAll(anyRequestedFor(anyUrl())))
        .allSatisfy(request -> assertThat(request.getHeader("Authorization")).isEqualTo(AUTH));
  }

  @Test
  void theLabelIsUploadedAndPostedAsAnInternalNoteWithTheAttachment() {
    messages(4711);
    uploadAnswers();
    messageAccepted(4711);

    String updated = helpdesk().attachLabel(new Helpdesk.Ticket("4711", "RMA-004711", "jane@example.com"),
        "return-label-RMA-004711.pdf", PDF, "Your label");

    assertThat(updated).isEqualTo("4711");
    gorgias.verify(1, postRequestedFor(urlEqualTo("/api/tickets/4711/messages")).withRequestBody(equalToJson("""
        {"channel": "internal-note", "via": "api", "from_agent": true, "sender": {"email": "returns@shop.example"},
         "body_text": "Your label\\n\\n[RMA-004711:label]", "body_html": "<p>Your label</p><p>[RMA-004711:label]</p>",
         "attachments": [{"url": "https://uploads.gorgias.io/shop/return-label-RMA-004711.pdf",
           "name": "return-label-RMA-004711.pdf", "size": %d, "content_type": "application/pdf"}]}""".formatted(
        PDF.length))));
  }

  @Test
  void withPublicRepliesTheLabelGoesToTheCustomerAsAnEmailThatGorgiasSends() {
    messages(4711);
    uploadAnswers();
    messageAccepted(4711);

    helpdesk(true, false, Duration.ofSeconds(20)).attachLabel(
        new Helpdesk.Ticket("4711", "RMA-004711", "jane@example.com"), "return-label-RMA-004711.pdf", PDF, "Label");

    // strict JSON: no sent_datetime, which would make Gorgias file the email as already sent
    gorgias.verify(1, postRequestedFor(urlEqualTo("/api/tickets/4711/messages")).withRequestBody(equalToJson("""
        {"channel": "email", "via": "api", "from_agent": true, "sender": {"email": "returns@shop.example"},
         "receiver": {"email": "jane@example.com"},
         "source": {"type": "email", "from": {"address": "returns@shop.example"},
                    "to": [{"address": "jane@example.com"}]},
         "subject": "Your return RMA-004711",
         "body_text": "Label\\n\\n[RMA-004711:label]", "body_html": "<p>Label</p><p>[RMA-004711:label]</p>",
         "attachments": [{"url": "${json-unit.any-string}", "name": "return-label-RMA-004711.pdf",
           "size": "${json-unit.any-number}", "content_type": "application/pdf"}]}""")));
  }

  @Test
  void trackingIsAMessageTheRmaTagAndTheCustomField() {
    messages(4711, "[RMA-004711:label]");
    gorgias.stubFor(post(urlEqualTo("/api/tickets/4711/tags")).willReturn(aResponse().withStatus(204)));
    gorgias.stubFor(put(urlEqualTo("/api/tickets/4711/custom-fields"))
        .willReturn(okJson("[{\"id\": 12, \"value\": \"RMA-004711: fedex 794698437521\"}]")));
    messageAccepted(4711);

    helpdesk().updateTracking(new Helpdesk.Ticket("4711", "RMA-004711", null), "fedex", "794698437521");

    gorgias.verify(1, postRequestedFor(urlEqualTo("/api/tickets/4711/tags"))
        .withRequestBody(equalToJson("{\"names\": [\"rma\"]}")));
    gorgias.verify(1, putRequestedFor(urlEqualTo("/api/tickets/4711/custom-fields"))
        .withRequestBody(equalToJson("[{\"id\": 12, \"value\": \"RMA-004711: fedex 794698437521\"}]")));
    gorgias.verify(1, postRequestedFor(urlEqualTo("/api/tickets/4711/messages")).withRequestBody(equalToJson("""
        {"channel": "internal-note", "via": "api", "from_agent": true, "sender": {"email": "returns@shop.example"},
         "body_text": "Return RMA-004711 ships with fedex, tracking number 794698437521.\\n\\n[RMA-004711:tracking]",
         "body_html": "${json-unit.any-string}", "attachments": []}""")));
  }

  @Test
  void withoutATicketIdTheCustomersMostRecentOpenTicketGetsTheLabel() {
    gorgias.stubFor(get(urlPathEqualTo("/api/customers")).withQueryParam("email", equalTo("jane@example.com"))
        .willReturn(okJson(GorgiasApi.list(
            "/api/customers", List.of(GorgiasApi.customer(901, "jane@example.com"))))));
    gorgias.stubFor(get(urlEqualTo("/api/tickets?customer_id=901&order_by=created_datetime:desc")).willReturn(okJson(
        GorgiasApi.list("/api/tickets", List.of(GorgiasApi.ticket(4720, "closed", null, "jane@example.com"),
            GorgiasApi.ticket(4711, "open", null, "jane@example.com"))))));
    messages(4711);
    uploadAnswers();
    messageAccepted(4711);

    String updated = helpdesk().attachLabel(new Helpdesk.Ticket(null, "RMA-004711", "jane@example.com"),
        "return-label-RMA-004711.pdf", PDF, "Your label");

    assertThat(updated).isEqualTo("4711");
    gorgias.verify(1, postRequestedFor(urlEqualTo("/api/tickets/4711/messages")));
  }

  @Test
  void withoutAnyTicketOneIsOpenedWithTheRmaNumberAsExternalIdWhenConfigured() {
    gorgias.stubFor(get(urlPathEqualTo("/api/customers")).withQueryParam("email", equalTo("jane@example.com"))
        .willReturn(okJson(GorgiasApi.list("/api/customers", List.of()))));
    gorgias.stubFor(post(urlEqualTo("/api/tickets")).willReturn(aResponse().withStatus(201)
        .withHeader("Content-Type", "application/json")
        .withBody(GorgiasApi.json(GorgiasApi.ticket(4711, "open", "RMA-004711", "jane@example.com")))));
    messages(4711);
    uploadAnswers();
    messageAccepted(4711);

    String updated = helpdesk(false, true, Duration.ofSeconds(20)).attachLabel(
        new Helpdesk.Ticket("", "RMA-004711", "jane@example.com"), "return-label-RMA-004711.pdf", PDF, "Your label");

    assertThat(updated).isEqualTo("4711");
    gorgias.verify(1, postRequestedFor(urlEqualTo("/api/tickets")).withRequestBody(equalToJson(
        """
            {"customer": {"email": "jane@example.com"}, "external_id": "RMA-004711", "subject": "Return RMA-004711",
             "channel": "api", "via": "api", "status": "open",
             "messages": [{"channel": "internal-note", "via": "api", "from_agent": true,
               "sender": {"email": "returns@shop.example"}, "body_text": "OpenRMA opened this ticket for return RMA-004711.",
               "body_html": "<p>OpenRMA opened this ticket for return RMA-004711.</p>"}]}""")));
  }

  @Test
  void withoutATicketAndWithoutCreatingOneNothingIsPosted() {
    gorgias.stubFor(get(urlPathEqualTo("/api/customers")).withQueryParam("email", equalTo("jane@example.com"))
        .willReturn(okJson(GorgiasApi.list("/api/customers", List.of()))));

    assertThat(helpdesk().attachLabel(new Helpdesk.Ticket(null, "RMA-004711", "jane@example.com"),
        "return-label-RMA-004711.pdf", PDF, "Your label")).isNull();

    gorgias.verify(0, postRequestedFor(anyUrl()));
  }

  @Test
  void aRetryFindsItsMarkerAndPostsNothing() {
    messages(4711, "Your label\n\n[RMA-004711:label]", "Return RMA-004711 ships with fedex.\n\n[RMA-004711:tracking]");

    helpdesk().attachLabel(new Helpdesk.Ticket("4711", "RMA-004711", null), "return-label-RMA-004711.pdf", PDF, "x");
    helpdesk().updateTracking(new Helpdesk.Ticket("4711", "RMA-004711", null), "fedex", "794698437521");

    gorgias.verify(0, postRequestedFor(anyUrl()));
    gorgias.verify(0, putRequestedFor(anyUrl()));
  }

  @Test
  void aRateLimitIsWaitedOutAsLongAsRetryAfterSaysThenTheCallGoesThrough() {
    gorgias.stubFor(get(urlEqualTo(MESSAGES)).inScenario("limit").whenScenarioStateIs(Scenario.STARTED)
        .willReturn(aResponse().withStatus(429).withHeader("Retry-after", "3")
            .withHeader("X-Gorgias-Account-Api-Call-Limit", "40/40").withBody(GorgiasApi.error("Too many requests")))
        .willSetStateTo("waited"));
    gorgias.stubFor(get(urlEqualTo(MESSAGES)).inScenario("limit").whenScenarioStateIs("waited")
        .willReturn(okJson(GorgiasApi.list("/api/tickets/4711/messages",
            List.of(GorgiasApi.message(2, 4711, "internal-note", true, "[RMA-004711:label]"))))));

    helpdesk().attachLabel(new Helpdesk.Ticket("4711", "RMA-004711", null), "return-label-RMA-004711.pdf", PDF, "x");

    assertThat(waits).containsExactly(Duration.ofSeconds(3));
  }

  @Test
  void aRateLimitBeyondTheStepsWaitingBudgetFailsIntoTheEnginesRetry() {
    gorgias.stubFor(get(urlEqualTo(MESSAGES)).willReturn(aResponse().withStatus(429).withHeader("Retry-after", "4")
        .withBody(GorgiasApi.error("Too many requests"))));

    assertThatThrownBy(() -> helpdesk(false, false, Duration.ofSeconds(10)).attachLabel(
        new Helpdesk.Ticket("4711", "RMA-004711", null), "return-label-RMA-004711.pdf", PDF, "x"))
        .isInstanceOf(IntegrationException.class)
        .hasMessageStartingWith("Gorgias: ")
        .hasMessageContaining("HTTP 429 rate limited")
        .hasMessageContaining("after waiting 8 s");
    assertThat(waits).containsExactly(Duration.ofSeconds(4), Duration.ofSeconds(4));
    gorgias.verify(0, postRequestedFor(anyUrl()));
  }

  @Test
  void aRejectedApiKeyIsAnIntegrationErrorNamingGorgias() {
    gorgias.stubFor(get(urlEqualTo(MESSAGES)).willReturn(aResponse().withStatus(401)
        .withHeader("Content-Type", "application/json").withBody(GorgiasApi.error("Unauthorized"))));

    assertThatThrownBy(() -> helpdesk().updateTracking(new Helpdesk.Ticket("4711", "RMA-004711", null), "fedex", "79"))
        .isInstanceOf(IntegrationException.class)
        .satisfies(e -> assertThat(((IntegrationException) e).system()).isEqualTo("Gorgias"))
        .hasMessageContaining("HTTP 401")
        .hasMessageContaining("GORGIAS_API_KEY");
  }

  @Test
  void aTicketIdThatIsNoNumberIsNamedInTheError() {
    assertThatThrownBy(() -> helpdesk().updateTracking(new Helpdesk.Ticket("ZD-12", "RMA-004711", null), "fedex", "1"))
        .isInstanceOf(IntegrationException.class).hasMessageContaining("not a Gorgias ticket id");
    gorgias.verify(0, anyRequestedFor(urlPathEqualTo("/api/tickets/ZD-12/messages")));
  }
}
