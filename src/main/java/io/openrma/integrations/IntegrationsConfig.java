package io.openrma.integrations;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.stripe.Stripe;
import io.openrma.integrations.helpdesk.GorgiasSettings;
import io.openrma.integrations.bookkeeping.Bookkeeping;
import io.openrma.integrations.bookkeeping.BookkeepingSettings;
import io.openrma.integrations.bookkeeping.QuickBooksBookkeeping;
import io.openrma.integrations.bookkeeping.QuickBooksHealth;
import io.openrma.integrations.bookkeeping.QuickBooksSettings;
import io.openrma.integrations.bookkeeping.QuickBooksTokens;
import io.openrma.integrations.bookkeeping.SimulatedBookkeeping;
import io.openrma.integrations.helpdesk.Helpdesk;
import io.openrma.integrations.helpdesk.HelpdeskSettings;
import io.openrma.integrations.helpdesk.Helpdesks;
import io.openrma.integrations.helpdesk.ZendeskSettings;
import io.openrma.integrations.notifications.CustomerEmails;
import io.openrma.integrations.notifications.StatusPageLinks;
import io.openrma.integrations.notifications.EmailSender;
import io.openrma.integrations.notifications.MailSettings;
import io.openrma.integrations.notifications.SimulatedEmailSender;
import io.openrma.integrations.notifications.SimulatedTeamChat;
import io.openrma.integrations.notifications.SlackSettings;
import io.openrma.integrations.notifications.SlackTeamChat;
import io.openrma.integrations.notifications.SmtpEmailSender;
import io.openrma.integrations.notifications.TeamChat;
import io.openrma.integrations.payments.PaymentGateway;
import io.openrma.integrations.payments.SimulatedPaymentGateway;
import io.openrma.integrations.payments.StripePaymentGateway;
import io.openrma.integrations.payments.StripeSettings;
import io.openrma.integrations.shipping.ReturnLabelProvider;
import io.openrma.integrations.shipping.ShipStationLabelProvider;
import io.openrma.integrations.shipping.ShipStationSettings;
import io.openrma.integrations.shipping.SimulatedReturnLabelProvider;
import io.openrma.integrations.shopify.ShopifyAdmin;
import io.openrma.integrations.shopify.ShopifyReturns;
import io.openrma.integrations.shopify.ShopifyReturnsClient;
import io.openrma.integrations.shopify.SimulatedShopifyReturns;
import io.openrma.integrations.shopify.ShopifySettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.transaction.PlatformTransactionManager;
import org.thymeleaf.ITemplateEngine;

/**
 * Chooses, per integration, the live adapter or the simulator, and says which in one log line each.
 *
 * <p>{@code AUTO} (the default) is live when the integration's credentials are there and simulated
 * otherwise, the demo run. With {@code openrma.integrations.require-credentials} (the {@code postgres}
 * profile) and for {@code LIVE}, missing credentials stop the start, all of them listed in one
 * message; only {@code SIMULATE} runs without. It also checks that no call can outlast the engine's
 * job lock, which would let a second node run the same step.
 *
 * <p>It is long (about 350 lines) because it is the one place that decides live or simulated for nine systems,
 * each a bean method and a line in one startup check; the helpdesks' beans are already in {@code Helpdesks}.
 * Splitting it further would spread the one rule (and its one error message) over several classes.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({IntegrationsSettings.class, MailSettings.class, StripeSettings.class,
    ShipStationSettings.class,
    ZendeskSettings.class, GorgiasSettings.class, HelpdeskSettings.class, SlackSettings.class, SimulationSettings.class,
    ShopifySettings.class, BookkeepingSettings.class, QuickBooksSettings.class})
public class IntegrationsConfig {

  private static final Logger log = LoggerFactory.getLogger(IntegrationsConfig.class);

  /** How many calls one step makes at most, one after the other (ShipStation: look up, list, buy, download). */
  private static final int STRIPE_CALLS_PER_STEP = 2;
  private static final int SHIPSTATION_CALLS_PER_STEP = 4;
  private static final int ZENDESK_CALLS_PER_STEP = 3;
  /** Customer, their tickets, the messages, then tag, custom field and message (or upload, message, one more on 429). */
  private static final int GORGIAS_CALLS_PER_STEP = 7;
  /** An order look-up: a token (client credentials), the query, once more after a 401. */
  private static final int SHOPIFY_CALLS_PER_STEP = 3;
  /**
   * "Record refund in QuickBooks": a token refresh, the customer (look up, create), an item per line (three
   * counted), the document, once more after a 401, the look-up after a duplicate document number.
   */
  private static final int QUICKBOOKS_CALLS_PER_STEP = 10;

  private final boolean stripeLive;
  private final boolean shipStationLive;
  private final HelpdeskSettings.Provider helpdeskProvider;
  private final boolean helpdeskLive;
  private final boolean slackLive;
  private final boolean mailLive;
  private final boolean quickBooksLive;
  private final SimulatedLatency simulatedLatency;

  public IntegrationsConfig(IntegrationsSettings integrations, StripeSettings stripe, ShipStationSettings shipStation,
      HelpdeskSettings helpdesk, ZendeskSettings zendesk, GorgiasSettings gorgias, SlackSettings slack,
      MailSettings mail, SimulationSettings simulation, ShopifySettings shopify, BookkeepingSettings bookkeeping,
      QuickBooksSettings quickBooks, Environment environment) {
    simulatedLatency = simulation.simulatedLatency();
    if (!simulation.latency().isZero()) {
      log.info("Simulated integrations answer after {} (openrma.simulation.latency)", simulation.latency());
    }
    Choice choice = new Choice(integrations.requireCredentials());
    List<String> stripeMissing = new ArrayList<>();
    if (!stripe.hasSecretKey()) {
      stripeMissing.add("openrma.stripe.secret-key (STRIPE_SECRET_KEY)");
    }
    if (!stripe.hasWebhookSecret()) {
      // live Stripe without its webhook never hears of a refund that is pending or fails later: the
      // customer would be told "refunded" for money that never arrived
      stripeMissing.add("openrma.stripe.webhook-secret (STRIPE_WEBHOOK_SECRET): without Stripe's webhook OpenRMA "
          + "never learns that a pending refund succeeded or that a refund failed");
    }
    stripeLive = choice.live("Stripe", stripe.mode(), stripe.hasSecretKey(), stripeMissing);
    shipStationLive = choice.live("ShipStation", shipStation.mode(), shipStation.hasApiKey(),
        shipStation.missingForLive());
    helpdeskProvider = helpdesk.provider();
    helpdeskLive = switch (helpdeskProvider) {
      case ZENDESK -> choice.live("Zendesk", zendesk.mode(), zendesk.hasApiToken(), zendesk.missingForLive());
      case GORGIAS -> choice.live("Gorgias", gorgias.mode(), gorgias.hasApiKey(), gorgias.missingForLive());
      case NONE -> false;
    };
    slackLive = choice.live("Slack", slack.mode(), slack.hasWebhookUrl(),
        slack.hasWebhookUrl() ? List.of() : List.of("openrma.slack.webhook-url (SLACK_WEBHOOK_URL)"));
    boolean shopifyLive = choice.live("Shopify", shopify.mode(), shopify.hasCredentials(), shopify.missingForLive());
    quickBooksLive = bookkeeping.recordsBooks()
        && choice.live("QuickBooks", quickBooks.mode(), quickBooks.hasCredentials(), quickBooks.missingForLive());
    String mailHost = environment.getProperty("spring.mail.host");
    boolean hasMailHost = mailHost != null && !mailHost.isBlank();
    mailLive = choice.live("Email", mail.mode(), hasMailHost,
        hasMailHost
            ? List.of()
            : List.of("spring.mail.host (SPRING_MAIL_HOST) and, if the server wants them, "
                + "spring.mail.username / SPRING_MAIL_PASSWORD"));

    Duration lockTime = Duration.ofMillis(environment.getProperty("camunda.bpm.job-execution.lock-time-in-millis",
        Long.class, 300_000L));
    if (stripeLive) {
      choice.fitsLock("Stripe", stripe.worstCase().multipliedBy(STRIPE_CALLS_PER_STEP), lockTime);
    }
    if (shipStationLive) {
      choice.fitsLock("ShipStation", shipStation.http().worstCase().multipliedBy(SHIPSTATION_CALLS_PER_STEP), lockTime);
    }
    if (helpdeskLive && helpdeskProvider == HelpdeskSettings.Provider.ZENDESK) {
      choice.fitsLock("Zendesk", zendesk.http().worstCase().multipliedBy(ZENDESK_CALLS_PER_STEP), lockTime);
    }
    if (helpdeskLive && helpdeskProvider == HelpdeskSettings.Provider.GORGIAS) {
      choice.fitsLock("Gorgias", gorgias.http().worstCase().multipliedBy(GORGIAS_CALLS_PER_STEP)
          .plus(gorgias.maxRateLimitWait()), lockTime);
    }
    if (shopifyLive) {
      choice.fitsLock("Shopify", shopify.http().worstCase().multipliedBy(SHOPIFY_CALLS_PER_STEP)
          .plus(shopify.maxThrottleWait()), lockTime);
    } else {
      log.warn("Integration Shopify: SIMULATED (no store connected: the shopify order source is absent, the demo "
          + "orders answer; set OPENRMA_SHOPIFY_SHOP and SHOPIFY_ACCESS_TOKEN for live)");
    }
    if (quickBooksLive) {
      choice.fitsLock("QuickBooks", quickBooks.http().worstCase().multipliedBy(QUICKBOOKS_CALLS_PER_STEP), lockTime);
    }
    if (mailLive && hasMailHost) {
      Map<String, String> javaMail = Binder.get(environment)
          .bind("spring.mail.properties", Bindable.mapOf(String.class, String.class)).orElse(Map.of());
      Duration smtp = Duration.ofMillis(millis(javaMail, "mail.smtp.connectiontimeout")
          + millis(javaMail, "mail.smtp.timeout") + millis(javaMail, "mail.smtp.writetimeout"));
      if (smtp.isZero()) {
        choice.problems.add("spring.mail.properties.mail.smtp.connectiontimeout, timeout and writetimeout: "
            + "without them JavaMail waits forever");
      } else {
        choice.fitsLock("Email", smtp, lockTime);
      }
    }
    if (!choice.problems.isEmpty()) {
      throw new MissingCredentialsException(choice.problems);
    }
  }

  private static long millis(Map<String, String> properties, String name) {
    String value = properties.get(name);
    return value == null || value.isBlank() ? 0 : Long.parseLong(value.trim());
  }

  @Bean
  PaymentGateway paymentGateway(StripeSettings settings) {
    if (stripeLive) {
      log.info("Integration Stripe: LIVE against {} (stripe-java API version {}){}", settings.apiBase(),
          Stripe.API_VERSION, settings.hasWebhookSecret()
              ? ""
              : "; no webhook secret: /webhooks/stripe refuses every event and pending refunds wait for a person");
      return new StripePaymentGateway(settings);
    }
    log.warn("Integration Stripe: SIMULATED (no money moves; set STRIPE_SECRET_KEY for live)");
    return new SimulatedPaymentGateway(simulatedLatency);
  }

  @Bean
  ReturnLabelProvider returnLabelProvider(ShipStationSettings settings, ObjectMapper json) {
    if (shipStationLive) {
      log.info("Integration ShipStation: LIVE against {} (carrier {}, service {})", settings.baseUrl(),
          settings.carrierId(), settings.serviceCode());
      return new ShipStationLabelProvider(settings, json);
    }
    log.warn("Integration ShipStation: SIMULATED (labels are not real; set SHIPSTATION_API_KEY for live)");
    return new SimulatedReturnLabelProvider(simulatedLatency);
  }

  /** Only while Shopify is live ({@link ShopifySettings.Live}, the same rule as above): the store's Admin API. */
  @Bean
  @Conditional(ShopifySettings.Live.class)
  ShopifyAdmin shopifyAdmin(ShopifySettings settings, ObjectMapper json) {
    log.info("Integration Shopify: LIVE against {} (Admin GraphQL API {}, {})", settings.endpoint(),
        settings.apiVersion(), settings.usesClientCredentials() ? "client credentials" : "access token");
    return new ShopifyAdmin(settings, json);
  }

  /**
   * The return mirrored in Shopify: live exactly when the store's Admin API is ({@link #shopifyAdmin}), else the
   * simulator (which says so once at start).
   */
  @Bean
  ShopifyReturns shopifyReturns(ObjectProvider<ShopifyAdmin> shopifyAdmin, ShopifySettings settings) {
    ShopifyAdmin admin = shopifyAdmin.getIfAvailable();
    if (admin != null) {
      log.info("Integration Shopify returns: LIVE (restock location {})",
          settings.hasRestockLocation() ? settings.restockLocationId() : "not set: restocking is refused");
      return new ShopifyReturnsClient(admin, settings);
    }
    return new SimulatedShopifyReturns(simulatedLatency);
  }

  /** The one helpdesk of {@code openrma.helpdesk.provider}: live, simulated, or none at all. */
  @Bean
  Helpdesk helpdesk(ZendeskSettings zendesk, GorgiasSettings gorgias, ObjectMapper json) {
    return Helpdesks.chosen(helpdeskProvider, helpdeskLive, zendesk, gorgias, json, simulatedLatency);
  }

  /**
   * The books: QuickBooks when {@code openrma.bookkeeping.provider=quickbooks} and it is live, else the simulator
   * (with provider {@code none} the lifecycle never calls it).
   */
  @Bean
  Bookkeeping bookkeeping(BookkeepingSettings bookkeeping, QuickBooksSettings settings, ObjectMapper json,
      ObjectProvider<JdbcTemplate> jdbc, ObjectProvider<PlatformTransactionManager> transactions,
      ObjectProvider<Clock> clock) {
    if (!bookkeeping.recordsBooks()) {
      log.info("Bookkeeping: none (refunds are not posted to any books; openrma.bookkeeping.provider=quickbooks "
          + "posts them to QuickBooks Online)");
      return new SimulatedBookkeeping(simulatedLatency);
    }
    if (quickBooksLive) {
      log.info("Integration QuickBooks: LIVE against {} (company {}, refunds as {}, minorversion {})",
          settings.apiUrl(), settings.realmId(), settings.documentType(), settings.minorVersion());
      return new QuickBooksBookkeeping(settings, quickBooksTokens(settings, json, jdbc, transactions, clock), json);
    }
    log.warn("Integration QuickBooks: SIMULATED (nothing is posted to the books; set QUICKBOOKS_CLIENT_ID, "
        + "QUICKBOOKS_CLIENT_SECRET and QUICKBOOKS_REALM_ID for live)");
    return new SimulatedBookkeeping(simulatedLatency);
  }

  private static QuickBooksTokens quickBooksTokens(QuickBooksSettings settings, ObjectMapper json,
      ObjectProvider<JdbcTemplate> jdbc, ObjectProvider<PlatformTransactionManager> transactions,
      ObjectProvider<Clock> clock) {
    return new QuickBooksTokens(settings, jdbc.getObject(), transactions.getObject(), json,
        clock.getIfAvailable(Clock::systemUTC));
  }

  /** {@code /actuator/health} component {@code quickBooks}: "reconnect QuickBooks" when Intuit refused the token. */
  @Bean
  HealthIndicator quickBooksHealthIndicator(ObjectProvider<Bookkeeping> bookkeeping, ObjectProvider<Clock> clock) {
    return () -> bookkeeping.getObject() instanceof QuickBooksBookkeeping quickBooks
        ? new QuickBooksHealth(quickBooks.tokens(), clock.getIfAvailable(Clock::systemUTC)).health()
        : Health.up().withDetail("mode", quickBooksLive ? "live" : "not used or simulated").build();
  }

  @Bean
  TeamChat teamChat(SlackSettings settings) {
    if (slackLive) {
      log.info("Integration Slack: LIVE (incoming webhook)");
      return new SlackTeamChat(settings);
    }
    log.warn("Integration Slack: SIMULATED (messages only in the log; set SLACK_WEBHOOK_URL for live)");
    return new SimulatedTeamChat(simulatedLatency);
  }

  @Bean
  EmailSender emailSender(ObjectProvider<JavaMailSenderImpl> mailSender, MailSettings settings) {
    JavaMailSenderImpl smtp = mailSender.getIfAvailable();
    if (mailLive && smtp != null) {
      log.info("Integration email: LIVE over SMTP {}:{}", smtp.getHost(), smtp.getPort());
      return new SmtpEmailSender(smtp, settings);
    }
    log.warn("Integration email: SIMULATED (set spring.mail.host to send)");
    return new SimulatedEmailSender(simulatedLatency);
  }

  @Bean
  CustomerEmails customerEmails(EmailSender emailSender, MailSettings settings, ITemplateEngine templates,
      ObjectProvider<StatusPageLinks> links) {
    StatusPageLinks none = rmaNumber -> java.util.Optional.empty();
    return new CustomerEmails(emailSender, settings, templates, links.getIfAvailable(() -> none));
  }

  /** Collects the decisions and everything that is missing, so one failed start names all of it. */
  private static final class Choice {
    private final boolean requireCredentials;
    private final List<String> problems = new ArrayList<>();

    private Choice(boolean requireCredentials) {
      this.requireCredentials = requireCredentials;
    }

    boolean live(String name, IntegrationMode mode, boolean credentialsPresent, List<String> missing) {
      if (mode == IntegrationMode.SIMULATE) {
        return false;
      }
      boolean mustBeLive = mode == IntegrationMode.LIVE || requireCredentials || credentialsPresent;
      if (!mustBeLive) {
        return false; // AUTO without credentials: the demo run
      }
      if (!missing.isEmpty()) {
        problems.add(name + " (mode " + mode + (requireCredentials ? ", credentials required" : "") + ") needs "
            + String.join(", ", missing) + "; or set openrma." + name.toLowerCase(Locale.ROOT)
                .replace("email", "mail")
            + ".mode=simulate");
      }
      return true;
    }

    void fitsLock(String name, Duration worstCase, Duration lockTime) {
      if (worstCase.compareTo(lockTime) >= 0) {
        problems
            .add(name + " timeouts add up to " + worstCase.toSeconds() + " s per step, not below the job lock time of "
                + lockTime.toSeconds() + " s (camunda.bpm.job-execution.lock-time-in-millis): shorten them");
      }
    }
  }
}
