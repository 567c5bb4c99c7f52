package io.openrma.support;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.openrma.support.standins.FlakyTcpProxy;
import io.openrma.support.standins.ShipStationApi;
import io.openrma.support.standins.ShopifyStore;

/**
 * The other systems, stood in for once per test JVM: one WireMock server on a random loopback port
 * answers as Stripe ({@code /stripe}), ShipStation ({@code /shipstation}), Zendesk ({@code /zendesk}),
 * Slack ({@code /slack}) and a Shopify store ({@code /shopify}, {@link ShopifyStore}); GreenMail receives the emails behind a proxy that can break the network.
 * Tests reset the stubs they need; nothing here is started twice.
 */
public final class StandIns {

  /** The Shopify store behind {@code /shopify}: its orders and the returns the adapters make in it. */
  public static final ShopifyStore SHOPIFY = new ShopifyStore();
  public static final WireMockServer API = startApi();
  public static final WireMock STUBS = new WireMock(API);
  public static final GreenMail MAIL = startMail();
  public static final FlakyTcpProxy SMTP = new FlakyTcpProxy(MAIL.getSmtp().getPort());
  public static final ShipStationApi.Signer SHIPSTATION_SIGNER = new ShipStationApi.Signer("standin-2026-01");
  public static final String SLACK_HOOK = "/slack/services/T0STANDIN/B0STANDIN/standinwebhooksecret";

  static {
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      SMTP.close();
      MAIL.stop();
      API.stop();
    }));
  }

  private StandIns() {
  }

  public static String url(String path) {
    return "http://127.0.0.1:" + API.port() + path;
  }

  private static WireMockServer startApi() {
    WireMockServer server = new WireMockServer(wireMockConfig().dynamicPort().bindAddress("127.0.0.1")
        .containerThreads(20).extensions(new io.openrma.support.standins.ShipStationShipments(), SHOPIFY));
    server.start();
    return server;
  }

  private static GreenMail startMail() {
    ServerSetup smtp = ServerSetupTest.SMTP.dynamicPort();
    GreenMail mail = new GreenMail(smtp);
    mail.start();
    return mail;
  }
}
