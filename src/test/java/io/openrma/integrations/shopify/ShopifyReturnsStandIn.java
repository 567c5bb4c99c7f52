package io.openrma.integrations.shopify;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.matching.RequestPatternBuilder;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.openrma.integrations.IntegrationMode;
import io.openrma.support.standins.ShopifyApi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.http.converter.json.Jackson2ObjectMapperBuilder;

/**
 * What the Shopify returns tests share: the stand-in for the Admin GraphQL API over real HTTP, the client against
 * it, stubs and checks by GraphQL operation ({@code "mutation ReturnClose"}), and the check after each test that
 * every call carried the token and the API version.
 */
abstract class ShopifyReturnsStandIn {

  @RegisterExtension
  static WireMockExtension shopify = WireMockExtension.newInstance()
      .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1")).build();

  static final String ORDER = "gid://shopify/Order/5678901234";
  static final String RETURN = "gid://shopify/Return/945000959";
  static final String SHIRT = "gid://shopify/LineItem/111";
  static final String CHINOS = "gid://shopify/LineItem/112";
  static final String LOCATION = "gid://shopify/Location/346779380";
  static final String CAPTURE = "gid://shopify/OrderTransaction/9002";

  ShopifyReturnsClient client(String restockLocationId) {
    ShopifySettings settings = new ShopifySettings(IntegrationMode.LIVE, "openrma-test", shopify.baseUrl(),
        ShopifyApi.API_VERSION, ShopifyApi.ACCESS_TOKEN, null, null, Duration.ofSeconds(2), Duration.ofSeconds(5),
        Duration.ofSeconds(10), restockLocationId, Duration.ofHours(6));
    ShopifyAdmin admin = new ShopifyAdmin(settings, Jackson2ObjectMapperBuilder.json().build(), wait -> {
    }, Clock.systemUTC());
    return new ShopifyReturnsClient(admin, settings);
  }

  ShopifyReturnsClient client() {
    return client(LOCATION);
  }

  @AfterEach
  void everyCallCarriedTheTokenAndTheApiVersion() {
    for (LoggedRequest request : shopify.findAll(anyRequestedFor(anyUrl()))) {
      assertThat(request.getUrl()).isEqualTo(ShopifyApi.GRAPHQL);
      assertThat(request.getHeader("X-Shopify-Access-Token")).isEqualTo(ShopifyApi.ACCESS_TOKEN);
    }
  }

  static MappingBuilder operation(String operation) {
    return post(urlEqualTo(ShopifyApi.GRAPHQL)).withRequestBody(containing(operation + "("));
  }

  static void answer(String operation, String body) {
    shopify.stubFor(operation(operation).willReturn(okJson(body)));
  }

  static RequestPatternBuilder sent(String operation) {
    return postRequestedFor(urlEqualTo(ShopifyApi.GRAPHQL)).withRequestBody(containing(operation + "("));
  }

  static RequestPatternBuilder anyMutation() {
    return postRequestedFor(urlEqualTo(ShopifyApi.GRAPHQL)).withRequestBody(containing("mutation "));
  }
}
