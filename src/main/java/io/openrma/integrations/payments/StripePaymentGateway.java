package io.openrma.integrations.payments;

import java.util.Locale;
import java.util.Set;

import com.stripe.StripeClient;
import com.stripe.exception.ApiConnectionException;
import com.stripe.exception.CardException;
import com.stripe.exception.InvalidRequestException;
import com.stripe.exception.StripeException;
import com.stripe.model.Charge;
import com.stripe.model.CustomerBalanceTransaction;
import com.stripe.model.PaymentIntent;
import com.stripe.model.Refund;
import com.stripe.model.Subscription;
import com.stripe.net.RequestOptions;
import com.stripe.param.CustomerBalanceTransactionCreateParams;
import com.stripe.param.PaymentIntentRetrieveParams;
import com.stripe.param.RefundCreateParams;
import com.stripe.param.SubscriptionCancelParams;
import com.stripe.param.SubscriptionUpdateParams;
import io.openrma.integrations.IntegrationException;

/**
 * Stripe through stripe-java, one {@link StripeClient} per configured key. Every call that changes
 * something sends the caller's idempotency key: stripe-java would otherwise invent a random key per
 * call, and an engine retry after a timeout would refund twice. Stripe's refusals for good become
 * {@link PaymentRefusedException}; everything else (5xx, 429, timeouts, resets, bad keys) is an
 * {@link IntegrationException}, which the engine retries.
 */
public class StripePaymentGateway implements PaymentGateway {

  static final String SYSTEM = "Stripe";

  /** Error codes that no retry can change: finance has to look at the payment. */
  private static final Set<String> REFUSALS = Set.of("charge_already_refunded", "charge_disputed",
      "refund_disputed_payment", "amount_too_large", "charge_expired_for_capture", "balance_insufficient",
      "payment_intent_unexpected_state");

  private final StripeClient client;
  private final StripeSettings settings;

  public StripePaymentGateway(StripeSettings settings) {
    this.settings = settings;
    // stripe-java talks HttpURLConnection, whose JDK keep-alive cache pools the connections to Stripe
    this.client = StripeClient.builder()
        .setApiKey(settings.secretKey())
        .setApiBase(settings.apiBase())
        .setConnectTimeout(Math.toIntExact(settings.connectTimeout().toMillis()))
        .setReadTimeout(Math.toIntExact(settings.readTimeout().toMillis()))
        .setMaxNetworkRetries(settings.maxNetworkRetries())
        .build();
  }

  @Override
  public PaymentSummary paymentSummary(String paymentIntentId) {
    PaymentIntent intent = call("read payment " + paymentIntentId, () -> client.v1().paymentIntents().retrieve(
        paymentIntentId, PaymentIntentRetrieveParams.builder().addExpand("latest_charge").build(), null));
    Charge charge = intent.getLatestChargeObject();
    String currency = intent.getCurrency() == null ? null : intent.getCurrency().toUpperCase(Locale.ROOT);
    if (charge == null) {
      return new PaymentSummary(paymentIntentId, currency, 0, 0); // nothing captured yet: nothing to refund
    }
    return new PaymentSummary(paymentIntentId, currency, value(charge.getAmountCaptured()),
        value(charge.getAmountRefunded()));
  }

  @Override
  public RefundResult refund(RefundCommand command) {
    RefundCreateParams.Builder params = RefundCreateParams.builder()
        .setPaymentIntent(command.paymentIntentId())
        .setAmount(command.amount())
        .putAllMetadata(command.metadata());
    RefundCreateParams.Reason reason = reason(command.reason());
    if (reason != null) {
      params.setReason(reason);
    }
    Refund refund;
    try {
      refund = client.v1().refunds().create(params.build(), idempotent(command.idempotencyKey()));
    } catch (InvalidRequestException | CardException e) {
      if (refusedForGood(e)) {
        throw new PaymentRefusedException(e.getCode() == null ? "invalid_request" : e.getCode(), userMessage(e));
      }
      throw technical("refund " + command.rmaNumber(), e);
    } catch (StripeException e) {
      throw technical("refund " + command.rmaNumber(), e);
    }
    return new RefundResult(refund.getId(), status(refund.getStatus()), refund.getFailureReason());
  }

  @Override
  public SubscriptionResult cancelSubscription(String subscriptionId, String idempotencyKey) {
    Subscription current = call("read subscription " + subscriptionId,
        () -> client.v1().subscriptions().retrieve(subscriptionId));
    if ("canceled".equals(current.getStatus()) || "incomplete_expired".equals(current.getStatus())) {
      return new SubscriptionResult(subscriptionId, current.getStatus(), true);
    }
    if (settings.subscription().atPeriodEnd()) {
      if (Boolean.TRUE.equals(current.getCancelAtPeriodEnd())) {
        return new SubscriptionResult(subscriptionId, "cancels at period end", true);
      }
      call("cancel subscription " + subscriptionId + " at period end", () -> client.v1().subscriptions().update(
          subscriptionId, SubscriptionUpdateParams.builder().setCancelAtPeriodEnd(true).build(),
          idempotent(idempotencyKey)));
      return new SubscriptionResult(subscriptionId, "cancels at period end", false);
    }
    Subscription cancelled = call("cancel subscription " + subscriptionId, () -> client.v1().subscriptions().cancel(
        subscriptionId, SubscriptionCancelParams.builder()
            .setProrate(settings.subscription().prorate())
            .setInvoiceNow(settings.subscription().invoiceNow()).build(),
        idempotent(idempotencyKey)));
    return new SubscriptionResult(subscriptionId, cancelled.getStatus(), false);
  }

  @Override
  public String issueStoreCredit(StoreCreditCommand command) {
    if (command.customerId() == null || command.customerId().isBlank()) {
      throw new IntegrationException(SYSTEM, "store credit for " + command.rmaNumber()
          + " needs the order's Stripe customer (cus_...), and the return has none");
    }
    // a negative amount credits the customer: it is taken off their next invoices
    CustomerBalanceTransaction transaction = call("store credit for " + command.rmaNumber(),
        () -> client.v1().customers().balanceTransactions().create(command.customerId(),
            CustomerBalanceTransactionCreateParams.builder()
                .setAmount(-command.amount())
                .setCurrency(command.currency().toLowerCase(Locale.ROOT))
                .setDescription(command.description())
                .putMetadata("rma_number", command.rmaNumber())
                .build(),
            idempotent(command.idempotencyKey())));
    return transaction.getId();
  }

  /** Stripe's refund status as {@link RefundResult} names it. */
  public static String status(String stripeStatus) {
    if (stripeStatus == null) {
      return "PENDING";
    }
    return switch (stripeStatus) {
      case "succeeded" -> "SUCCEEDED";
      case "requires_action" -> "REQUIRES_ACTION";
      case "failed" -> "FAILED";
      case "canceled" -> "CANCELED";
      default -> "PENDING";
    };
  }

  private static boolean refusedForGood(StripeException e) {
    if (e.getCode() != null && REFUSALS.contains(e.getCode())) {
      return true;
    }
    String param = e instanceof InvalidRequestException invalid ? invalid.getParam() : null;
    // "Refund amount is greater than unrefunded amount" (param amount), "No such payment_intent"
    return "amount".equals(param) || ("resource_missing".equals(e.getCode()) && "payment_intent".equals(param));
  }

  private static RefundCreateParams.Reason reason(String reason) {
    if (reason == null) {
      return null;
    }
    for (RefundCreateParams.Reason value : RefundCreateParams.Reason.values()) {
      if (value.getValue().equals(reason)) {
        return value;
      }
    }
    return null;
  }

  private static RequestOptions idempotent(String key) {
    return RequestOptions.builder().setIdempotencyKey(key).build();
  }

  private static long value(Long amount) {
    return amount == null ? 0 : amount;
  }

  private interface StripeCall<T> {
    T run() throws StripeException;
  }

  private static <T> T call(String what, StripeCall<T> call) {
    try {
      return call.run();
    } catch (StripeException e) {
      throw technical(what, e);
    }
  }

  private static IntegrationException technical(String what, StripeException e) {
    if (e instanceof ApiConnectionException) {
      Throwable cause = e.getCause() == null ? e : e.getCause();
      return new IntegrationException(SYSTEM, what + " failed: no answer (timeout or connection lost): "
          + (cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage()), e);
    }
    return new IntegrationException(SYSTEM, what + " failed: HTTP " + e.getStatusCode()
        + (e.getCode() == null ? "" : " " + e.getCode()) + ": " + userMessage(e), e);
  }

  private static String userMessage(StripeException e) {
    if (e.getStripeError() != null && e.getStripeError().getMessage() != null) {
      return e.getStripeError().getMessage();
    }
    String message = e.getMessage();
    return message == null ? e.getClass().getSimpleName() : message;
  }
}
