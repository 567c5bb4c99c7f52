package io.openrma.webhooks;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.openrma.integrations.shopify.ShopifySettings;
import io.openrma.orders.Order;
import io.openrma.orders.OrderSource;
import io.openrma.policy.Money;
import io.openrma.process.InboundEvent;
import io.openrma.process.MessageInbox;
import io.openrma.returns.Actor;
import io.openrma.returns.OrderReturnRequest;
import io.openrma.returns.ReturnCreation;
import io.openrma.returns.ReturnRecord;
import io.openrma.returns.ReturnService;
import io.openrma.returns.SourceOrder;
import io.openrma.system.ApiProblems;
import io.openrma.webhooks.ShopifyReturnRequests.RequestedLine;
import io.openrma.webhooks.ShopifyWebhookBodies.Refunded;
import io.openrma.webhooks.ShopifyWebhookBodies.ReturnEnded;
import io.openrma.webhooks.ShopifyWebhookBodies.ReturnRequested;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * What Shopify's webhooks mean for the returns, processed from the inbox after the webhook was answered
 * (source SHOPIFY), from the fields {@link ShopifyWebhookBodies} keeps of each body.
 *
 * <ul>
 *   <li>{@code returns/request}: a return the customer asked for in Shopify's customer account starts
 *   OpenRMA's lifecycle, mirroring that return (its id is the idempotency key). The echo of a return
 *   OpenRMA opened itself changes nothing: it is known by its id, or, while the step that opened it has
 *   not yet recorded the id, by the RMA number OpenRMA writes into the return's notes.</li>
 *   <li>{@code returns/cancel}, {@code returns/decline} done in the Shopify admin cancel the return while it
 *   can be; afterwards (the parcel arrived, or it is cancelled already) they are a timeline note.</li>
 *   <li>{@code refunds/create}: a refund made in the Shopify admin is a note on the order's open returns,
 *   once per refund and return, so staff see it; OpenRMA's own refunds change nothing. No money moves
 *   here: "Calculate refund" reads what Shopify refunded already from the order itself
 *   ({@code ShopifyReturns.payment}), so nothing is refunded twice.</li>
 * </ul>
 */
@Component
public class ShopifyEvents implements MessageInbox.Handler {

  static final String SOURCE = "SHOPIFY";
  static final String RETURN_REQUEST = ShopifyWebhookBodies.RETURN_REQUEST;
  static final String RETURN_CANCEL = ShopifyWebhookBodies.RETURN_CANCEL;
  static final String RETURN_DECLINE = ShopifyWebhookBodies.RETURN_DECLINE;
  static final String REFUND_CREATE = ShopifyWebhookBodies.REFUND_CREATE;
  private static final Actor SHOPIFY = Actor.webhook("Shopify");
  private static final Pattern RMA_NUMBER = Pattern.compile("RMA-\\d{6,}");

  private final ShopifySettings settings;
  private final ObjectProvider<OrderSource> orderSources;
  private final ReturnService returns;
  private final ReturnCreation creation;
  private final MessageInbox inbox;
  private final ObjectMapper json;

  public ShopifyEvents(ShopifySettings settings, ObjectProvider<OrderSource> orderSources, ReturnService returns,
      ReturnCreation creation, MessageInbox inbox, ObjectMapper json) {
    this.settings = settings;
    this.orderSources = orderSources;
    this.returns = returns;
    this.creation = creation;
    this.inbox = inbox;
    this.json = json;
  }

  /** Whether this OpenRMA takes Shopify's webhooks: it can verify them and read the store's orders. */
  public boolean connected() {
    return settings.hasWebhookSecret() && shopifyOrders().isPresent();
  }

  /** The fields of this topic's body OpenRMA uses, as the inbox keeps them; empty for a topic it does not use. */
  Optional<String> extract(String topic, JsonNode body) {
    return ShopifyWebhookBodies.fields(topic, body).map(this::write);
  }

  @Override
  public String source() {
    return SOURCE;
  }

  @Override
  public MessageInbox.Handled handle(String topic, String payload) {
    return switch (topic) {
      case RETURN_REQUEST -> requested(read(payload, ReturnRequested.class));
      case RETURN_CANCEL, RETURN_DECLINE -> ended(topic, read(payload, ReturnEnded.class));
      case REFUND_CREATE -> refunded(read(payload, Refunded.class));
      default -> new MessageInbox.Handled(null, "OpenRMA does not use " + topic + ".");
    };
  }

  // ------------------------------------------------------------------------------------------ returns/request

  private MessageInbox.Handled requested(ReturnRequested event) {
    Optional<String> echo = returns.rmaNumberBySourceReturn(event.returnId()).or(() -> openedBy(event));
    if (echo.isPresent()) {
      return new MessageInbox.Handled(echo.get(), "Shopify's return " + event.returnId() + " is the one "
          + echo.get() + " opened: nothing to do.");
    }
    if (event.lines().isEmpty() || event.lines().stream().anyMatch(l -> l.lineItemId() == null || l.quantity() < 1)) {
      throw new MessageInbox.Refused("Shopify return " + event.returnId() + " has no line OpenRMA can return: "
          + "each needs the order's line item and a quantity");
    }
    OrderSource shopify = shopifyOrders().orElseThrow(() -> new MessageInbox.Refused("Shopify return "
        + event.returnId() + " cannot be taken over: no Shopify store is connected (the shopify order source is "
        + "absent)."));
    Order order = shopify.get(event.orderId()).orElseThrow(() -> new MessageInbox.Refused("Shopify return "
        + event.returnId() + " names order " + event.orderId() + ", which Shopify does not know."));
    OrderReturnRequest request = ShopifyReturnRequests.request(order, event.lines());
    try {
      ReturnCreation.Created created = creation.createForSourceReturn(request, event.returnId(), "shopify");
      String rma = created.record().rmaNumber();
      return new MessageInbox.Handled(rma, (created.replayed() ? "Already taken over as " : "Taken over as ") + rma
          + ": Shopify return " + event.returnId() + " for order " + order.orderNumber() + ".");
    } catch (ApiProblems.InvalidRequest | ApiProblems.NotFound | ApiProblems.IdempotencyKeyReused e) {
      // the customer's request stays in Shopify; staff decide there, and the inbox entry says why
      throw new MessageInbox.Refused("Shopify return " + event.returnId() + " for order " + order.orderNumber()
          + " was not taken over: " + describe(e));
    }
  }

  /**
   * A return OpenRMA opened in Shopify moments ago, whose step has not recorded Shopify's id yet: the
   * return's notes name its RMA number, and that return of the same order mirrors no other Shopify return.
   */
  private Optional<String> openedBy(ReturnRequested event) {
    for (RequestedLine line : event.lines()) {
      for (String note : new String[]{line.reasonNote(), line.customerNote()}) {
        Matcher rma = RMA_NUMBER.matcher(note == null ? "" : note);
        while (rma.find()) {
          Optional<ReturnRecord> record = returns.find(rma.group());
          if (record.isPresent() && event.orderId().equals(record.get().order().orderId())
              && (record.get().source() == null || record.get().source().returnId() == null
                  || event.returnId().equals(record.get().source().returnId()))) {
            return Optional.of(record.get().rmaNumber());
          }
        }
      }
    }
    return Optional.empty();
  }

  // ------------------------------------------------------------------------------------------ returns/cancel, decline

  private MessageInbox.Handled ended(String topic, ReturnEnded event) {
    Optional<String> found = returns.rmaNumberBySourceReturn(event.returnId());
    if (found.isEmpty()) {
      return new MessageInbox.Handled(null, "No return mirrors Shopify's return " + event.returnId() + ".");
    }
    String rma = found.get();
    boolean declined = RETURN_DECLINE.equals(topic);
    String why = (declined ? "Declined" : "Cancelled") + " in Shopify (return " + event.returnId() + ")"
        + (event.declineReason() == null ? "" : ": " + event.declineReason().toLowerCase(Locale.ROOT).replace('_', ' '))
        + (event.declineNote() == null ? "" : " - " + event.declineNote());
    ReturnRecord record = returns.get(rma);
    if (record.status().isCancellable()) {
      returns.cancel(rma, why, SHOPIFY);
      return new MessageInbox.Handled(rma, why + ": " + rma + " cancelled.");
    }
    String detail = why + "; " + rma + " is " + record.status() + " and stays so";
    returns.note(rma, SHOPIFY, declined ? "SHOPIFY_RETURN_DECLINED" : "SHOPIFY_RETURN_CANCELLED", detail);
    return new MessageInbox.Handled(rma, detail + ".");
  }

  // ------------------------------------------------------------------------------------------ refunds/create

  private MessageInbox.Handled refunded(Refunded event) {
    List<ReturnRecord> records = new ArrayList<>();
    for (String rma : returns.rmaNumbersBySourceOrder(SourceOrder.SHOPIFY, event.orderId())) {
      returns.find(rma).ifPresent(records::add);
    }
    for (ReturnRecord record : records) {
      if (isOurs(record, event.refundId())) {
        return new MessageInbox.Handled(record.rmaNumber(), "Refund " + event.refundId() + " is the one "
            + record.rmaNumber() + " made: nothing to do.");
      }
    }
    List<ReturnRecord> open = records.stream().filter(r -> !r.status().isEnded()).toList();
    if (open.isEmpty()) {
      return new MessageInbox.Handled(null, "Refund " + event.refundId() + " of order " + event.orderId()
          + " concerns no open return.");
    }
    String amount = event.currency() == null ? "nothing" : Money.format(event.amount(), event.currency());
    String detail = "Refunded " + amount + " in the Shopify admin (" + event.refundId() + ")"
        + (event.note() == null ? "" : ": " + event.note());
    List<String> numbers = new ArrayList<>();
    for (ReturnRecord record : open) {
      numbers.add(record.rmaNumber());
      // one entry per refund and return: a redelivery under another webhook id notes it once all the same
      inbox.receive(new InboundEvent(SOURCE, event.refundId() + ":" + record.rmaNumber(), record.rmaNumber(), null,
          Map.of(), false, false, SHOPIFY, "REFUNDED_IN_SHOPIFY", detail));
    }
    return new MessageInbox.Handled(open.size() == 1 ? numbers.get(0) : null, detail + "; noted on "
        + String.join(", ", numbers) + ".");
  }

  private static boolean isOurs(ReturnRecord record, String refundId) {
    String ours = record.refund() == null ? null : record.refund().refundId();
    return ours != null && (ours.equals(refundId) || refundId.endsWith("/" + ours));
  }

  private Optional<OrderSource> shopifyOrders() {
    return orderSources.orderedStream().filter(source -> SourceOrder.SHOPIFY.equals(source.name())).findFirst();
  }

  private static String describe(RuntimeException e) {
    if (e instanceof ApiProblems.InvalidRequest invalid) {
      return String.join("; ", invalid.violations().stream().map(v -> v.field() + " " + v.message()).toList());
    }
    return e.getMessage();
  }

  private String write(Object fields) {
    try {
      return json.writeValueAsString(fields);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private <T> T read(String payload, Class<T> type) {
    try {
      return json.readValue(payload, type);
    } catch (JsonProcessingException e) {
      throw new MessageInbox.Refused("The inbox entry is not the " + type.getSimpleName() + " it was stored as: "
          + e.getOriginalMessage());
    }
  }
}
