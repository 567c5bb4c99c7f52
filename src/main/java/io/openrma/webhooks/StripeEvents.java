package io.openrma.webhooks;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import io.openrma.integrations.payments.StripePaymentGateway;
import io.openrma.policy.Money;
import io.openrma.process.InboundEvent;
import io.openrma.process.MessageInbox;
import io.openrma.process.ProcessIds;
import io.openrma.process.ReturnLifecycle;
import io.openrma.returns.Actor;
import io.openrma.returns.Refund;
import io.openrma.returns.ReturnRecord;
import io.openrma.returns.ReturnService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.retry.RetryOperations;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What a verified Stripe event means for the returns. Refund outcomes ({@code refund.updated},
 * {@code refund.failed}) settle the refund of the return that made it: the process waiting at "Wait
 * for refund confirmation" gets {@code RefundSettled}, a refund that fails after the return closed
 * starts "Resolve refund problem". {@code charge.refunded} with money refunded outside OpenRMA lands
 * on the timeline; the refund calculation reads Stripe's refunded amount, so nothing is refunded twice.
 * Every event counts once, by its id (source STRIPE in the inbox).
 *
 * <p>Over 250 lines because the three event types and the race between a webhook and the refund step
 * that created the refund are decided in one place, each branch with the reason it exists.
 */
@Component
public class StripeEvents {

  static final String SOURCE = "STRIPE";
  private static final Logger log = LoggerFactory.getLogger(StripeEvents.class);
  private static final Actor STRIPE = Actor.webhook("Stripe");

  /** What became of an event. */
  public enum Outcome {
    /** The waiting process took the refund's outcome. */
    DELIVERED,
    /** Kept until the process reaches "Wait for refund confirmation". */
    QUEUED,
    /** On the return's timeline only. */
    RECORDED,
    /** The refund of a closed return failed: "Resolve refund problem" was started. */
    REFUND_PROBLEM_STARTED,
    /** Seen before: nothing changed. */
    DUPLICATE,
    /** Not about a return of OpenRMA, or an event type OpenRMA does not use. */
    IGNORED
  }

  /** The answer to Stripe. */
  public record Result(String eventId, String type, Outcome outcome, String rmaNumber, String message) {
  }

  /** The return is about to close with a successful refund; Stripe should send the event again a little later. */
  public static class TryAgainLater extends RuntimeException {
    public TryAgainLater(String message) {
      super(message);
    }
  }

  private final ReturnService returns;
  private final MessageInbox inbox;
  private final ReturnLifecycle lifecycle;
  private final TransactionTemplate transactions;
  private final RetryOperations conflicts;

  public StripeEvents(ReturnService returns, MessageInbox inbox, ReturnLifecycle lifecycle,
      TransactionTemplate transactions, @Qualifier("conflictRetry") RetryOperations conflicts) {
    this.returns = returns;
    this.conflicts = conflicts;
    this.inbox = inbox;
    this.lifecycle = lifecycle;
    this.transactions = transactions;
  }

  public Result handle(String eventId, String type, JsonNode object) {
    return switch (type == null ? "" : type) {
      case "refund.updated", "refund.failed", "charge.refund.updated" -> refund(eventId, type, object);
      case "charge.refunded" -> chargeRefunded(eventId, type, object);
      default -> new Result(eventId, type, Outcome.IGNORED, null, "OpenRMA does not use " + type + " events.");
    };
  }

  // ------------------------------------------------------------------------------------------ refunds

  private Result refund(String eventId, String type, JsonNode refund) {
    String refundId = refund.path("id").asText("");
    String status = StripePaymentGateway.status(refund.path("status").asText(null));
    String failure = text(refund.path("failure_reason"));
    Optional<String> rmaNumber = returns.rmaNumberByRefundId(refundId)
        .or(() -> Optional.ofNullable(text(refund.path("metadata").path("rma_number")))
            .filter(rma -> returns.find(rma).isPresent()));
    if (rmaNumber.isEmpty()) {
      return new Result(eventId, type, Outcome.IGNORED, null, "Refund " + refundId + " was not made by OpenRMA.");
    }
    String rma = rmaNumber.get();
    String attempt = text(refund.path("metadata").path("attempt"));
    try {
      Outcome outcome = conflicts.execute(retry -> transactions.execute(tx -> settle(eventId, rma, refundId, status,
          failure, attempt)));
      return new Result(eventId, type, outcome, rma, message(outcome, refundId, status));
    } catch (DuplicateKeyException concurrentCopy) {
      return new Result(eventId, type, Outcome.DUPLICATE, rma, message(Outcome.DUPLICATE, refundId, status));
    }
  }

  private Outcome settle(String eventId, String rma, String refundId, String status, String failure, String attempt) {
    ReturnRecord record = returns.lock(rma); // orders this event with the refund step and other events of the return
    if (inbox.seen(SOURCE, eventId)) {
      return Outcome.DUPLICATE;
    }
    String detail = "Stripe: refund " + refundId + " " + status.toLowerCase(Locale.ROOT)
        + (failure == null ? "" : " (" + failure + ")");
    boolean settled = isFinal(status);
    Refund current = record.refund();
    boolean currentRefund = current != null && (refundId.equals(current.refundId())
        || (current.refundId() == null && String.valueOf(record.refundAttempt()).equals(attempt)));
    if (!settled || !currentRefund) {
      // pending or requires_action, or a refund of an earlier attempt: nothing to decide
      return record(eventId, rma, settled ? detail + ", a refund of an earlier attempt" : detail);
    }
    boolean failed = !"SUCCEEDED".equals(status);
    boolean alreadySettled = isFinal(current.status()) && refundId.equals(current.refundId());
    if (record.status().isEnded()) {
      if (!failed || (alreadySettled && !"SUCCEEDED".equals(current.status()))) {
        return record(eventId, rma, detail);
      }
      returns.settleRefund(rma, refundId, status, failure, STRIPE);
      record(eventId, rma, detail + " after the return was closed: finance resolves it");
      lifecycle.startRefundProblem(record, problem(refundId, status, failure));
      return Outcome.REFUND_PROBLEM_STARTED;
    }
    if (alreadySettled) {
      if (failed && "SUCCEEDED".equals(current.status())) {
        // succeeded first, failed now, while the process is still closing the return: once it is
        // closed, the failure starts "Resolve refund problem" (Stripe retries for up to three days)
        throw new TryAgainLater(rma + " is closing with refund " + refundId + " as succeeded; send the event again "
            + "once it is closed");
      }
      return record(eventId, rma, detail);
    }
    // the process is at "Wait for refund confirmation" or on its way there
    returns.settleRefund(rma, refundId, status, failure, STRIPE);
    Map<String, Object> variables = new LinkedHashMap<>();
    variables.put(ProcessIds.VAR_REFUND_STATUS, failed ? "FAILED" : "SUCCEEDED");
    if (failed) {
      variables.put(ProcessIds.VAR_REFUND_PROBLEM, problem(refundId, status, failure));
    }
    InboundEvent.Outcome outcome = inbox.receive(new InboundEvent(SOURCE, eventId, rma, ProcessIds.MSG_REFUND_SETTLED,
        variables, true, false, STRIPE, "STRIPE_EVENT", detail));
    return outcome == InboundEvent.Outcome.QUEUED ? Outcome.QUEUED : Outcome.DELIVERED;
  }

  private Outcome record(String eventId, String rma, String detail) {
    InboundEvent.Outcome outcome = inbox.receive(new InboundEvent(SOURCE, eventId, rma, null, Map.of(), false,
        false, STRIPE, "STRIPE_EVENT", detail));
    return outcome == InboundEvent.Outcome.DUPLICATE ? Outcome.DUPLICATE : Outcome.RECORDED;
  }

  // ------------------------------------------------------------------------------------------ charges

  private Result chargeRefunded(String eventId, String type, JsonNode charge) {
    String paymentIntentId = text(charge.path("payment_intent"));
    if (paymentIntentId == null) {
      return new Result(eventId, type, Outcome.IGNORED, null, "The charge belongs to no PaymentIntent.");
    }
    List<ReturnRecord> records = new ArrayList<>();
    for (String rma : returns.rmaNumbersByPaymentIntent(paymentIntentId)) {
      returns.find(rma).ifPresent(records::add);
    }
    if (records.isEmpty()) {
      return new Result(eventId, type, Outcome.IGNORED, null, "No return belongs to payment " + paymentIntentId + ".");
    }
    long outside = refundedOutside(charge, records);
    String currency = charge.path("currency").asText("").toUpperCase(Locale.ROOT);
    if (outside <= 0) {
      return new Result(eventId, type, Outcome.IGNORED, null, "Every refund of " + paymentIntentId
          + " was made by OpenRMA.");
    }
    String detail = "Stripe: " + Money.format(outside, currency) + " of payment " + paymentIntentId
        + " was refunded outside OpenRMA (" + Money.format(charge.path("amount_refunded").asLong(), currency)
        + " refunded in total); OpenRMA refunds at most what Stripe still allows";
    Outcome outcome = Outcome.DUPLICATE;
    List<String> numbers = new ArrayList<>();
    for (ReturnRecord record : records) {
      numbers.add(record.rmaNumber());
      try {
        // one inbox entry per return, so every return of the order shows it exactly once
        InboundEvent.Outcome recorded = inbox.receive(new InboundEvent(SOURCE, eventId + ":" + record.rmaNumber(),
            record.rmaNumber(), null, Map.of(), false, false, STRIPE, "REFUNDED_OUTSIDE", detail));
        if (recorded != InboundEvent.Outcome.DUPLICATE) {
          outcome = Outcome.RECORDED;
        }
      } catch (DuplicateKeyException concurrentCopy) {
        log.debug("charge.refunded {} for {} recorded concurrently", eventId, record.rmaNumber());
      }
    }
    return new Result(eventId, type, outcome, String.join(",", numbers),
        outcome == Outcome.DUPLICATE
            ? "Already recorded."
            : "Recorded on the timeline of " + String.join(", ", numbers) + ".");
  }

  /**
   * What was refunded on the charge by others: the refunds listed in the event that OpenRMA does not
   * know, or (Stripe no longer lists them by default) the refunded amount minus OpenRMA's refunds.
   */
  private static long refundedOutside(JsonNode charge, List<ReturnRecord> records) {
    Set<String> ours = new HashSet<>();
    long oursTotal = 0;
    for (ReturnRecord record : records) {
      Refund refund = record.refund();
      if (refund != null && refund.refundId() != null && !"FAILED".equals(refund.status())
          && !"CANCELED".equals(refund.status())) {
        ours.add(refund.refundId());
        oursTotal += refund.total();
      }
    }
    JsonNode listed = charge.path("refunds").path("data");
    if (listed.isArray() && !listed.isEmpty()) {
      long outside = 0;
      for (JsonNode refund : listed) {
        boolean fromOpenRma = ours.contains(refund.path("id").asText())
            || text(refund.path("metadata").path("rma_number")) != null;
        String status = refund.path("status").asText("");
        if (!fromOpenRma && !"failed".equals(status) && !"canceled".equals(status)) {
          outside += refund.path("amount").asLong();
        }
      }
      return outside;
    }
    return charge.path("amount_refunded").asLong() - oursTotal;
  }

  // ------------------------------------------------------------------------------------------ helpers

  private static boolean isFinal(String status) {
    return "SUCCEEDED".equals(status) || "FAILED".equals(status) || "CANCELED".equals(status);
  }

  private static String problem(String refundId, String status, String failure) {
    return "Stripe reports refund " + refundId + " " + status.toLowerCase(Locale.ROOT)
        + (failure == null ? "" : ": " + failure);
  }

  private static String message(Outcome outcome, String refundId, String status) {
    return switch (outcome) {
      case DELIVERED -> "Refund " + refundId + " " + status.toLowerCase(Locale.ROOT) + ": the return moves on.";
      case QUEUED -> "Kept until the return waits for the refund's outcome.";
      case RECORDED -> "Recorded on the return's timeline.";
      case REFUND_PROBLEM_STARTED -> "The refund failed after the return closed: finance resolves it.";
      case DUPLICATE -> "Already processed: this event id was received before; nothing changed.";
      case IGNORED -> "Ignored.";
    };
  }

  private static String text(JsonNode node) {
    return node == null || node.isNull() || node.isMissingNode() || node.asText().isBlank() ? null : node.asText();
  }
}
