package io.openrma.support;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The outside world of the {@link OpsTest} context, one per test JVM: GreenMail as the SMTP server,
 * WireMock as the webhook partner ({@value #PARTNER_PATH}) and as Slack ({@value #SLACK_PATH}).
 * The context is configured to use them: outbound subscriber "partner", report recipients, mail host.
 */
public class OpsServers implements ApplicationContextInitializer<ConfigurableApplicationContext> {

  public static final String PARTNER = "partner";
  public static final String PARTNER_SECRET = "partner-secret-0123456789";
  public static final String PARTNER_PATH = "/partner/events";
  public static final String SLACK_PATH = "/slack/webhook";
  public static final String REPORT_TO = "returns-lead@shop.example";
  public static final String REPORT_CC = "analysts@shop.example";

  private static GreenMail mail;
  private static WireMockServer http;

  public static synchronized GreenMail mail() {
    if (mail == null) {
      mail = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
      mail.start();
      Runtime.getRuntime().addShutdownHook(new Thread(mail::stop));
    }
    return mail;
  }

  public static synchronized WireMockServer http() {
    if (http == null) {
      http = new WireMockServer(options().dynamicPort());
      http.start();
      Runtime.getRuntime().addShutdownHook(new Thread(http::stop));
      resetStubs();
    }
    return http;
  }

  /** Both endpoints answer 200 again (tests that make them fail call this when done). */
  public static void resetStubs() {
    http().resetMappings();
    http().stubFor(post(urlEqualTo(PARTNER_PATH)).willReturn(aResponse().withStatus(200)));
    http().stubFor(post(urlEqualTo(SLACK_PATH)).willReturn(aResponse().withStatus(200).withBody("ok")));
  }

  @Override
  public void initialize(ConfigurableApplicationContext context) {
    TestPropertyValues.of(
        "spring.mail.host=localhost",
        "spring.mail.port=" + mail().getSmtp().getPort(),
        // the live Slack adapter, pointed at WireMock
        "openrma.slack.mode=live",
        "openrma.slack.webhook-url=" + http().baseUrl() + SLACK_PATH,
        "openrma.outbound.subscribers[0].name=" + PARTNER,
        "openrma.outbound.subscribers[0].url=" + http().baseUrl() + PARTNER_PATH,
        "openrma.outbound.subscribers[0].secret=" + PARTNER_SECRET,
        // two retries, then an incident
        "openrma.outbound.retry-cycle=PT1M,PT1M",
        "openrma.lifecycle.retry-cycle=R2/PT1M",
        "openrma.report.recipients[0]=" + REPORT_TO,
        "openrma.report.recipients[1]=" + REPORT_CC,
        "openrma.report.zone=UTC",
        "openrma.metrics.refresh-interval=0s",
        "camunda.bpm.generic-properties.properties.history-cleanup-enabled=true").applyTo(context);
  }
}
