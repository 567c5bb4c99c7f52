package io.openrma.integrations;

import static org.assertj.core.api.Assertions.assertThat;

import io.openrma.integrations.helpdesk.GorgiasHelpdesk;
import io.openrma.integrations.bookkeeping.Bookkeeping;
import io.openrma.integrations.bookkeeping.QuickBooksBookkeeping;
import io.openrma.integrations.bookkeeping.SimulatedBookkeeping;
import io.openrma.integrations.helpdesk.Helpdesk;
import io.openrma.integrations.helpdesk.NoHelpdesk;
import io.openrma.integrations.helpdesk.SimulatedHelpdesk;
import io.openrma.integrations.helpdesk.ZendeskHelpdesk;
import io.openrma.integrations.notifications.EmailSender;
import io.openrma.integrations.notifications.SimulatedEmailSender;
import io.openrma.integrations.notifications.SimulatedTeamChat;
import io.openrma.integrations.notifications.SlackTeamChat;
import io.openrma.integrations.notifications.SmtpEmailSender;
import io.openrma.integrations.notifications.TeamChat;
import io.openrma.integrations.payments.PaymentGateway;
import io.openrma.integrations.payments.SimulatedPaymentGateway;
import io.openrma.integrations.payments.StripePaymentGateway;
import io.openrma.integrations.shipping.ReturnLabelProvider;
import io.openrma.integrations.shipping.ShipStationLabelProvider;
import io.openrma.integrations.shipping.SimulatedReturnLabelProvider;
import io.openrma.integrations.shopify.ShopifyAdmin;
import io.openrma.integrations.shopify.ShopifyReturns;
import io.openrma.integrations.shopify.ShopifyReturnsClient;
import io.openrma.integrations.shopify.SimulatedShopifyReturns;
import io.openrma.orders.OrderSource;
import io.openrma.orders.OrdersProperties;
import io.openrma.orders.ShopifyOrderSource;
import java.time.Period;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.jackson.JacksonAutoConfiguration;
import org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration;
import org.springframework.boot.autoconfigure.jdbc.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.boot.autoconfigure.jdbc.JdbcTemplateAutoConfiguration;
import org.springframework.boot.autoconfigure.mail.MailSenderAutoConfiguration;
import org.springframework.boot.autoconfigure.thymeleaf.ThymeleafAutoConfiguration;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** Which integrations run live, which are simulated, and when OpenRMA refuses to start. Only the integrations' beans. */
@ExtendWith(OutputCaptureExtension.class)
class IntegrationsConfigTest {

  private final ApplicationContextRunner context = new ApplicationContextRunner()
      .withConfiguration(AutoConfigurations.of(MailSenderAutoConfiguration.class, JacksonAutoConfiguration.class,
          ThymeleafAutoConfiguration.class))
      .withUserConfiguration(IntegrationsConfig.class);

  static final String[] ALL_CREDENTIALS = {
      "openrma.stripe.secret-key=sk_test_x", "openrma.stripe.webhook-secret=whsec_x",
      "openrma.shipstation.api-key=TEST_x", "openrma.shipstation.carrier-id=se-1",
      "openrma.shipstation.warehouse.line1=4009 Marathon Blvd", "openrma.shipstation.warehouse.city=Austin",
      "openrma.shipstation.warehouse.postal-code=78756", "openrma.shipstation.warehouse.country=US",
      "openrma.zendesk.base-url=https://shop.zendesk.com", "openrma.zendesk.email=bot@shop.example",
      "openrma.zendesk.api-token=zd_x", "openrma.slack.webhook-url=https://hooks.slack.com/services/T/B/X",
      "spring.mail.host=smtp.shop.example", "spring.mail.properties[mail.smtp.connectiontimeout]=5000",
      "spring.mail.properties[mail.smtp.timeout]=30000", "spring.mail.properties[mail.smtp.writetimeout]=30000",
      "openrma.shopify.shop=openrma-test", "openrma.shopify.access-token=shpat_x"};

  @Test
  void withoutCredentialsTheDemoSimulatesEveryIntegrationAndSaysSoOnceEach(CapturedOutput output) {
    context.run(app -> {
      assertThat(app).hasNotFailed();
      assertThat(app.getBean(PaymentGateway.class)).isInstanceOf(SimulatedPaymentGateway.class);
      assertThat(app.getBean(ReturnLabelProvider.class)).isInstanceOf(SimulatedReturnLabelProvider.class);
      assertThat(app.getBean(Helpdesk.class)).isInstanceOf(SimulatedHelpdesk.class);
      assertThat(app.getBean(TeamChat.class)).isInstanceOf(SimulatedTeamChat.class);
      assertThat(app.getBean(EmailSender.class)).isInstanceOf(SimulatedEmailSender.class);
      assertThat(app).doesNotHaveBean(ShopifyAdmin.class);
      assertThat(app.getBean(ShopifyReturns.class)).isInstanceOf(SimulatedShopifyReturns.class);
    });
    assertThat(output.getOut().lines().filter(line -> line.contains("Shopify returns: SIMULATED"))).hasSize(1);
    for (String name : new String[]{"Stripe", "ShipStation", "Zendesk", "Slack", "email", "Shopify"}) {
      assertThat(output.getOut().lines().filter(line -> line.contains("Integration " + name + ": SIMULATED")))
          .as(name).hasSize(1);
    }
  }

  @Test
  void withCredentialsEveryIntegrationIsLive(CapturedOutput output) {
    context.withPropertyValues(ALL_CREDENTIALS).run(app -> {
      assertThat(app).hasNotFailed();
      assertThat(app.getBean(PaymentGateway.class)).isInstanceOf(StripePaymentGateway.class);
      assertThat(app.getBean(ReturnLabelProvider.class)).isInstanceOf(ShipStationLabelProvider.class);
      assertThat(app.getBean(Helpdesk.class)).isInstanceOf(ZendeskHelpdesk.class);
      assertThat(app.getBean(TeamChat.class)).isInstanceOf(SlackTeamChat.class);
      assertThat(app.getBean(EmailSender.class)).isInstanceOf(SmtpEmailSender.class);
      assertThat(app).hasSingleBean(ShopifyAdmin.class);
      assertThat(app.getBean(ShopifyReturns.class)).isInstanceOf(ShopifyReturnsClient.class);
    });
    assertThat(output.getOut())
        .contains("Integration Shopify returns: LIVE", "Integration Stripe: LIVE", "Integration ShipStation: LIVE",
            "Integration Zendesk: LIVE", "Integration Slack: LIVE", "Integration email: LIVE",
            "Integration Shopify: LIVE against https://openrma-test.myshopify.com (Admin GraphQL API 2026-10")
        .doesNotContain("sk_test_x", "zd_x", "hooks.slack.com", "shpat_x");
  }

  @Test
  void whenCredentialsAreRequiredTheStartStopsAndNamesEverythingMissing() {
    context.withPropertyValues("openrma.integrations.require-credentials=true").run(app -> {
      assertThat(app).hasFailed();
      MissingCredentialsException missing = rootCause(app.getStartupFailure());
      assertThat(missing.problems()).hasSize(6);
      assertThat(missing.getMessage()).contains("STRIPE_SECRET_KEY", "STRIPE_WEBHOOK_SECRET", "SHIPSTATION_API_KEY",
          "openrma.shipstation.carrier-id", "ZENDESK_API_TOKEN", "SLACK_WEBHOOK_URL", "SPRING_MAIL_HOST",
          "openrma.zendesk.mode=simulate", "OPENRMA_SHOPIFY_SHOP", "SHOPIFY_ACCESS_TOKEN", "SHOPIFY_CLIENT_ID",
          "openrma.shopify.mode=simulate");
      FailureAnalysis analysis = new IntegrationsFailureAnalyzer().analyze(app.getStartupFailure());
      assertThat(analysis.getDescription()).contains("Stripe", "ShipStation", "Zendesk", "Slack", "Email");
      assertThat(analysis.getAction()).contains("simulate");
    });
  }

  @Test
  void anIntegrationSetToSimulateStartsWithoutCredentialsEvenWhenTheyAreRequired() {
    context.withPropertyValues(ALL_CREDENTIALS)
        .withPropertyValues("openrma.integrations.require-credentials=true", "openrma.zendesk.api-token=",
            "openrma.zendesk.mode=simulate", "openrma.slack.webhook-url=", "openrma.slack.mode=simulate")
        .run(app -> {
          assertThat(app).hasNotFailed();
          assertThat(app.getBean(Helpdesk.class)).isInstanceOf(SimulatedHelpdesk.class);
          assertThat(app.getBean(TeamChat.class)).isInstanceOf(SimulatedTeamChat.class);
          assertThat(app.getBean(PaymentGateway.class)).isInstanceOf(StripePaymentGateway.class);
        });
  }

  @Test
  void withGorgiasAsProviderTheHelpdeskIsGorgiasAndZendeskIsNotAskedForCredentials(CapturedOutput output) {
    context.withPropertyValues("openrma.helpdesk.provider=gorgias", "openrma.gorgias.domain=shop",
        "openrma.gorgias.email=bot@shop.example", "openrma.gorgias.api-key=gorgias_x",
        "openrma.gorgias.agent-email=returns@shop.example").run(app -> {
          assertThat(app).hasNotFailed();
          Helpdesk helpdesk = app.getBean(Helpdesk.class);
          assertThat(helpdesk).isInstanceOf(GorgiasHelpdesk.class);
          assertThat(helpdesk.name()).isEqualTo("Gorgias");
          assertThat(app.getBeansOfType(Helpdesk.class)).hasSize(1);
          assertThat(output).contains("Integration Gorgias: LIVE against https://shop.gorgias.com")
              .doesNotContain("Integration Zendesk");
        });
    context.withPropertyValues("openrma.helpdesk.provider=gorgias").run(app -> {
      assertThat(app.getBean(Helpdesk.class)).isInstanceOf(SimulatedHelpdesk.class);
      assertThat(app.getBean(Helpdesk.class).name()).isEqualTo("Gorgias");
    });
  }

  @Test
  void aGorgiasKeyWithoutTheRestOfItsConfigurationStopsTheStartAndNamesWhatIsMissing() {
    context.withPropertyValues("openrma.helpdesk.provider=gorgias", "openrma.gorgias.api-key=gorgias_x").run(app -> {
      assertThat(app).hasFailed();
      assertThat(app.getStartupFailure()).rootCause().hasMessageContaining("openrma.gorgias.domain (GORGIAS_DOMAIN)")
          .hasMessageContaining("openrma.gorgias.email (GORGIAS_EMAIL)")
          .hasMessageContaining("openrma.gorgias.agent-email or agent-id");
    });
  }

  @Test
  void withoutAHelpdeskNoTicketIsReachedAndNoCredentialsAreAskedFor() {
    context.withPropertyValues("openrma.helpdesk.provider=none", "openrma.integrations.require-credentials=true",
        "openrma.stripe.mode=simulate", "openrma.shipstation.mode=simulate", "openrma.slack.mode=simulate",
        "openrma.mail.mode=simulate", "openrma.shopify.mode=simulate").run(app -> {
          assertThat(app).hasNotFailed();
          Helpdesk helpdesk = app.getBean(Helpdesk.class);
          assertThat(helpdesk).isInstanceOf(NoHelpdesk.class);
          assertThat(helpdesk.connected()).isFalse();
          assertThat(helpdesk.reaches("4711")).isFalse();
        });
  }

  @Test
  void aConnectedStoreIsAnOrderSourceAndWithoutOneTheShopifySourceIsAbsent() {
    ApplicationContextRunner withOrders = context.withUserConfiguration(ShopifyOrderSource.class)
        .withBean(OrdersProperties.class, () -> new OrdersProperties(Period.ofDays(30), "final-sale", true));
    withOrders.withPropertyValues("openrma.shopify.shop=openrma-test", "openrma.shopify.client-id=app",
        "openrma.shopify.client-secret=shpss_x").run(app -> {
          assertThat(app).hasNotFailed();
          assertThat(app.getBeansOfType(OrderSource.class).values()).extracting(OrderSource::name)
              .containsExactly("shopify");
        });
    withOrders.run(app -> assertThat(app).hasNotFailed().doesNotHaveBean(OrderSource.class));
    withOrders.withPropertyValues("openrma.integrations.require-credentials=true", "openrma.stripe.mode=simulate",
        "openrma.shipstation.mode=simulate", "openrma.zendesk.mode=simulate", "openrma.slack.mode=simulate",
        "openrma.mail.mode=simulate", "openrma.shopify.mode=simulate")
        .run(app -> assertThat(app).hasNotFailed().doesNotHaveBean(OrderSource.class));
  }

  @Test
  void aShopifyApiVersionBeforeReturnProcessStopsTheStart() {
    context.withPropertyValues("openrma.shopify.shop=openrma-test", "openrma.shopify.access-token=shpat_x",
        "openrma.shopify.api-version=2025-04").run(app -> {
          assertThat(app).hasFailed();
          assertThat(rootCause(app.getStartupFailure()).getMessage())
              .contains("openrma.shopify.api-version 2025-07 or later", "is 2025-04");
        });
  }

  @Test
  void aKeyWithoutTheRestOfItsConfigurationIsAMistakeNotASimulation() {
    context.withPropertyValues("openrma.shipstation.api-key=TEST_x").run(app -> {
      assertThat(app).hasFailed();
      assertThat(rootCause(app.getStartupFailure()).getMessage())
          .contains("openrma.shipstation.carrier-id", "warehouse").doesNotContain("Stripe");
    });
  }

  @Test
  void aStripeKeyWithoutTheWebhookSecretStopsTheStartAndSaysWhy() {
    context.withPropertyValues("openrma.stripe.secret-key=sk_test_x").run(app -> {
      assertThat(app).hasFailed();
      assertThat(rootCause(app.getStartupFailure()).getMessage()).contains("STRIPE_WEBHOOK_SECRET",
          "never learns that a pending refund succeeded or that a refund failed");
    });
  }

  @Test
  void liveModeWithoutCredentialsStopsTheStartEvenInTheDemo() {
    context.withPropertyValues("openrma.slack.mode=live").run(app -> {
      assertThat(app).hasFailed();
      assertThat(rootCause(app.getStartupFailure()).getMessage()).contains("SLACK_WEBHOOK_URL");
    });
  }

  static final String[] QUICKBOOKS = {"openrma.bookkeeping.provider=quickbooks",
      "openrma.quickbooks.realm-id=9130355377388371", "openrma.quickbooks.client-id=ABqb",
      "openrma.quickbooks.client-secret=qb_secret_x",
      "openrma.quickbooks.token-key=MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=",
      "openrma.quickbooks.deposit-to-account-id=35", "openrma.quickbooks.restocking-fee-item-id=31",
      "openrma.quickbooks.shipping-item-id=32"};

  @Test
  void withoutABookkeepingProviderQuickBooksIsNeitherUsedNorRequired(CapturedOutput output) {
    context.withPropertyValues(ALL_CREDENTIALS).withPropertyValues("openrma.integrations.require-credentials=true")
        .run(app -> {
          assertThat(app).hasNotFailed();
          assertThat(app.getBean(Bookkeeping.class)).isInstanceOf(SimulatedBookkeeping.class);
        });
    assertThat(output.getOut()).contains("Bookkeeping: none").doesNotContain("Integration QuickBooks");
  }

  @Test
  void quickBooksAsTheProviderWithoutItsCredentialsIsSimulatedInTheDemoAndStopsAStartThatRequiresThem(
      CapturedOutput output) {
    context.withPropertyValues("openrma.bookkeeping.provider=quickbooks").run(app -> {
      assertThat(app).hasNotFailed();
      assertThat(app.getBean(Bookkeeping.class)).isInstanceOf(SimulatedBookkeeping.class);
    });
    assertThat(output.getOut()).contains("Integration QuickBooks: SIMULATED");
    context.withPropertyValues(ALL_CREDENTIALS)
        .withPropertyValues("openrma.integrations.require-credentials=true", "openrma.bookkeeping.provider=quickbooks")
        .run(app -> {
          assertThat(app).hasFailed();
          assertThat(rootCause(app.getStartupFailure()).getMessage()).contains("QuickBooks", "QUICKBOOKS_CLIENT_ID",
              "QUICKBOOKS_CLIENT_SECRET", "QUICKBOOKS_REALM_ID", "OPENRMA_QUICKBOOKS_TOKENKEY",
              "openrma.quickbooks.mode=simulate");
        });
  }

  @Test
  void quickBooksWithItsCredentialsIsLiveAndItsTimeoutsMustFitTheJobLock(CapturedOutput output) {
    ApplicationContextRunner withDatabase = context.withConfiguration(AutoConfigurations.of(
        DataSourceAutoConfiguration.class, JdbcTemplateAutoConfiguration.class,
        DataSourceTransactionManagerAutoConfiguration.class))
        .withPropertyValues("spring.datasource.url=jdbc:h2:mem:integrations-config-qb");
    withDatabase.withPropertyValues(QUICKBOOKS).run(app -> {
      assertThat(app).hasNotFailed();
      assertThat(app.getBean(Bookkeeping.class)).isInstanceOf(QuickBooksBookkeeping.class);
    });
    assertThat(output.getOut()).contains("Integration QuickBooks: LIVE against https://quickbooks.api.intuit.com")
        .doesNotContain("qb_secret_x");
    withDatabase.withPropertyValues(QUICKBOOKS).withPropertyValues("openrma.quickbooks.read-timeout=PT30S",
        "camunda.bpm.job-execution.lock-time-in-millis=300000").run(app -> {
          assertThat(app).hasFailed();
          assertThat(rootCause(app.getStartupFailure()).getMessage()).contains("QuickBooks timeouts add up to 350 s");
        });
  }

  @Test
  void timeoutsThatCouldOutlastTheJobLockStopTheStart() {
    context.withPropertyValues(ALL_CREDENTIALS)
        .withPropertyValues("openrma.shipstation.read-timeout=PT2M",
            "camunda.bpm.job-execution.lock-time-in-millis=300000")
        .run(app -> {
          assertThat(app).hasFailed();
          assertThat(rootCause(app.getStartupFailure()).getMessage())
              .contains("ShipStation timeouts add up to 500 s", "job lock time of 300 s");
        });
  }

  private static MissingCredentialsException rootCause(Throwable failure) {
    Throwable cause = failure;
    while (cause != null && !(cause instanceof MissingCredentialsException)) {
      cause = cause.getCause();
    }
    assertThat(cause).as("MissingCredentialsException in " + failure).isNotNull();
    return (MissingCredentialsException) cause;
  }
}
