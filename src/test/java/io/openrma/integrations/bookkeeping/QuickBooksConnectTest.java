package io.openrma.integrations.bookkeeping;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.stream.Collectors;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.openrma.support.ActiveEngineExtension;
import io.openrma.support.Http;
import io.openrma.support.TestBeans;
import io.openrma.support.standins.QuickBooksApi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** An admin connects QuickBooks in the browser: to Intuit and back, {@code state} checked, the first tokens stored. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import(TestBeans.class)
@ExtendWith(ActiveEngineExtension.class)
class QuickBooksConnectTest {

  /** Started before the context, which reads its URL. */
  static final WireMockServer intuit = new WireMockServer(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"));

  static {
    intuit.start();
  }

  @AfterAll
  static void stop() {
    intuit.stop();
  }

  @DynamicPropertySource
  static void quickBooks(DynamicPropertyRegistry registry) {
    registry.add("openrma.bookkeeping.provider", () -> "quickbooks");
    registry.add("openrma.quickbooks.base-url", intuit::baseUrl);
    registry.add("openrma.quickbooks.oauth-url", intuit::baseUrl);
    registry.add("openrma.quickbooks.realm-id", () -> QuickBooksApi.REALM);
    registry.add("openrma.quickbooks.client-id", () -> QuickBooksApi.CLIENT_ID);
    registry.add("openrma.quickbooks.client-secret", () -> QuickBooksApi.CLIENT_SECRET);
    registry.add("openrma.quickbooks.token-key", () -> QuickBooksBookkeepingTest.KEY);
    registry.add("openrma.quickbooks.deposit-to-account-id", () -> "35");
    registry.add("openrma.quickbooks.restocking-fee-item-id", () -> "31");
    registry.add("openrma.quickbooks.shipping-item-id", () -> "32");
  }

  @LocalServerPort
  int port;
  @Autowired
  Bookkeeping bookkeeping;

  @Test
  void onlyAnAdminConnectsAndOnlyWithTheStateThatAdminWasGiven() {
    Http http = new Http(port);
    assertThat(http.get("/integrations/quickbooks/connect").status()).isEqualTo(401);
    assertThat(http.as("carl").get("/integrations/quickbooks/connect").status()).isEqualTo(403);

    Http.Response connect = http.as("admin").get("/integrations/quickbooks/connect");
    assertThat(connect.status()).isEqualTo(302);
    URI intuitPage = URI.create(connect.header("Location"));
    assertThat(intuitPage.getHost()).isEqualTo("appcenter.intuit.com");
    Map<String, String> query = query(intuitPage);
    String callback = "http://localhost:" + port + "/integrations/quickbooks/callback";
    assertThat(query).containsEntry("client_id", QuickBooksApi.CLIENT_ID).containsEntry("response_type", "code")
        .containsEntry("scope", "com.intuit.quickbooks.accounting").containsEntry("redirect_uri", callback);
    String state = query.get("state");

    String forged = state.substring(0, state.indexOf('.') + 1) + "forged";
    assertThat(http.as("admin").get(callbackPath("AB11", forged, QuickBooksApi.REALM)).status()).isEqualTo(400);
    assertThat(http.as("admin").get(callbackPath("AB11", state, "4620816365")).body())
        .contains("openrma.quickbooks.realm-id");
    intuit.verify(0, postRequestedFor(urlPathEqualTo("/oauth2/v1/tokens/bearer")));

    intuit.stubFor(post("/oauth2/v1/tokens/bearer").withFormParam("grant_type", equalTo("authorization_code"))
        .withFormParam("code", equalTo("AB11")).withFormParam("redirect_uri", equalTo(callback))
        .willReturn(okJson(QuickBooksApi.token("AT-first", "RT-first"))));
    Http.Response connected = http.as("admin").get(callbackPath("AB11", state, QuickBooksApi.REALM));
    assertThat(connected.status()).as(connected.body()).isEqualTo(200);
    assertThat(connected.body()).contains("QuickBooks is connected");
    QuickBooksTokens tokens = ((QuickBooksBookkeeping) bookkeeping).tokens();
    assertThat(tokens.connection()).hasValueSatisfying(c -> assertThat(c.refusedAt()).isNull());
    assertThat(tokens.accessToken()).isEqualTo("AT-first");
  }

  private static String callbackPath(String code, String state, String realmId) {
    return "/integrations/quickbooks/callback?code=" + code + "&state=" + URLEncoder.encode(state,
        StandardCharsets.UTF_8) + "&realmId=" + realmId;
  }

  private static Map<String, String> query(URI uri) {
    return Arrays.stream(uri.getRawQuery().split("&")).map(pair -> pair.split("=", 2)).collect(Collectors.toMap(
        pair -> pair[0], pair -> java.net.URLDecoder.decode(pair[1], StandardCharsets.UTF_8)));
  }
}
