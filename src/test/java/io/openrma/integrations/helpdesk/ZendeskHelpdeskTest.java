package io.openrma.integrations.helpdesk;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.binaryEqualTo;
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
import java.util.Base64;
import java.util.List;

import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.openrma.integrations.IntegrationException;
import io.openrma.integrations.IntegrationMode;
import io.openrma.integrations.shipping.SimplePdf;
import io.openrma.support.standins.ZendeskApi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.http.converter.json.Jackson2ObjectMapperBuilder;

/** The live Zendesk adapter against a stand-in that answers like Zendesk's REST API, over real HTTP. No Spring. */
class ZendeskHelpdeskTest {

  @RegisterExtension
  static WireMockExtension zendesk = WireMockExtension.newInstance()
      .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1")).build();

  static final byte[] PDF = SimplePdf.page(List.of("RETURN LABEL"));
  static final String AUTH = "Basic " + Base64.getEncoder().encodeToString(
      (ZendeskApi.EMAIL + "/token:" + ZendeskApi.API_TOKEN).getBytes(StandardCharsets.UTF_8));

  private static ZendeskHelpdesk helpdesk(Long trackingFieldId, Duration readTimeout) {
    return new ZendeskHelpdesk(new ZendeskSettings(IntegrationMode.LIVE, zendesk.baseUrl(), ZendeskApi.EMAIL,
        ZendeskApi.API_TOKEN, trackingFieldId, "rma", false, Duration.ofSeconds(2), readTimeout),
        Jackson2ObjectMapperBuilder.json().build());
  }

  private static ZendeskHelpdesk helpdesk() {
    return helpdesk(360012345678L, Duration.ofSeconds(10));
  }

  private static void noComments(String ticketId) {
    zendesk.stubFor(get(urlPathEqualTo("/api/v2/tickets/" + ticketId + "/comments"))
        .withHeader("Authorization", equalTo(AUTH))
        .willReturn(okJson(ZendeskApi.comments(ZendeskApi.comment(1, "My shirt does not fit, I want to return it.",
            true, List.of())))));
  }

  @Test
  void theLabelIsUploadedAndAddedToTheTicketAsAPublicComment() {
    noComments("4711");
    zendesk.stubFor(post(urlEqualTo("/api/v2/uploads?filename=return-label-RMA-004711.pdf"))
        .withHeader("Authorization", equalTo(AUTH)).withHeader("Content-Type", equalTo("application/pdf"))
        .withRequestBody(binaryEqualTo(PDF))
        .willReturn(aResponse().withStatus(201).withHeader("Content-Type", "application/json")
            .withBody(ZendeskApi.upload("6bk3gql82em5nmf", "return-label-RMA-004711.pdf", 498483))));
    zendesk.stubFor(put(urlEqualTo("/api/v2/tickets/4711")).withHeader("Authorization", equalTo(AUTH))
        .withRequestBody(equalToJson("""
            {"ticket": {"comment": {"body": "Your label", "public": true, "uploads": ["6bk3gql82em5nmf"]}}}"""))
        .willReturn(okJson(ZendeskApi.ticket("4711"))));

    helpdesk().attachLabel(new Helpdesk.Ticket("4711", "RMA-004711", null), "return-label-RMA-004711.pdf", PDF,
        "Your label");

    zendesk.verify(1, putRequestedFor(urlEqualTo("/api/v2/tickets/4711")));
  }

  @Test
  void aLabelCommentThatIsAlreadyOnTheTicketIsNotPostedAgain() {
    zendesk.stubFor(get(urlPathEqualTo("/api/v2/tickets/4712/comments")).willReturn(okJson(ZendeskApi.comments(
        ZendeskApi.comment(2, "Your label", true, List.of(ZendeskApi.attachment(9, "return-label-RMA-004712.pdf"))),
        ZendeskApi.comment(1, "I want to return it.", true, List.of())))));

    helpdesk().attachLabel(new Helpdesk.Ticket("4712", "RMA-004712", null), "return-label-RMA-004712.pdf", PDF,
        "Your label");

    zendesk.verify(0, postRequestedFor(urlPathEqualTo("/api/v2/uploads")));
    zendesk.verify(0, putRequestedFor(urlEqualTo("/api/v2/tickets/4712")));
  }

  @Test
  void trackingGoesOnTheTicketAsNoteTagAndCustomField() {
    noComments("4713");
    zendesk.stubFor(put(urlEqualTo("/api/v2/tickets/4713")).withRequestBody(equalToJson("""
        {"ticket": {
          "comment": {"body": "Return RMA-004713 ships with fedex, tracking number 794698437521.", "public": false},
          "additional_tags": ["rma"],
          "custom_fields": [{"id": 360012345678, "value": "794698437521"}]}}"""))
        .willReturn(okJson(ZendeskApi.ticket("4713"))));

    helpdesk().updateTracking(new Helpdesk.Ticket("4713", "RMA-004713", null), "fedex", "794698437521");

    zendesk.verify(1, putRequestedFor(urlEqualTo("/api/v2/tickets/4713")));
  }

  @Test
  void trackingAlreadyOnTheTicketIsNotPostedAgain() {
    zendesk.stubFor(get(urlPathEqualTo("/api/v2/tickets/4714/comments")).willReturn(okJson(ZendeskApi.comments(
        ZendeskApi.comment(3, "Return RMA-004714 ships with fedex, tracking number 794698437522.", false,
            List.of())))));

    helpdesk().updateTracking(new Helpdesk.Ticket("4714", "RMA-004714", null), "fedex", "794698437522");

    zendesk.verify(0, putRequestedFor(urlEqualTo("/api/v2/tickets/4714")));
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "404 | RecordNotFound | Not found | not found",
      "401 | Couldn't authenticate you | | not accepted",
      "422 | RecordInvalid | Record validation errors | RecordInvalid",
      "429 | | | rate limited, retry after 30 s",
      "500 | | | HTTP 500",
      "503 | | | HTTP 503"})
  void errorsAreTechnicalFailuresTheEngineRetries(int status, String error, String description, String expected) {
    noComments("4715");
    zendesk.stubFor(put(urlEqualTo("/api/v2/tickets/4715")).willReturn(aResponse().withStatus(status)
        .withHeader("Content-Type", "application/json").withHeader("Retry-After", "30")
        .withBody(error == null ? "" : ZendeskApi.error(error, description == null ? "" : description))));

    assertThatThrownBy(
        () -> helpdesk().updateTracking(new Helpdesk.Ticket("4715", "RMA-004715", null), "fedex", "794698437523"))
        .isInstanceOf(IntegrationException.class)
        .hasMessageContaining("HTTP " + status)
        .hasMessageContaining(expected);
  }

  @Test
  void aTimeoutIsATechnicalFailure() {
    noComments("4716");
    zendesk.stubFor(put(urlEqualTo("/api/v2/tickets/4716")).willReturn(okJson(ZendeskApi.ticket("4716"))
        .withFixedDelay(1500)));

    assertThatThrownBy(() -> helpdesk(null, Duration.ofMillis(500))
        .updateTracking(new Helpdesk.Ticket("4716", "RMA-004716", null), "fedex", "79"))
        .isInstanceOf(IntegrationException.class)
        .hasMessageContaining("no answer");
  }

  @Test
  void aConnectionResetIsATechnicalFailure() {
    zendesk.stubFor(get(urlPathEqualTo("/api/v2/tickets/4717/comments"))
        .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));

    assertThatThrownBy(() -> helpdesk().attachLabel(new Helpdesk.Ticket("4717", "RMA-004717", null),
        "return-label-RMA-004717.pdf", PDF, "x"))
        .isInstanceOf(IntegrationException.class)
        .hasMessageContaining("no answer");
    assertThat(zendesk.findAll(putRequestedFor(urlEqualTo("/api/v2/tickets/4717")))).isEmpty();
  }
}
