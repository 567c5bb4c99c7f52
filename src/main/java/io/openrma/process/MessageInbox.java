package io.openrma.process;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import io.openrma.returns.ReturnRecord;
import io.openrma.returns.ReturnService;
import io.openrma.returns.ReturnStatus;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.RuntimeService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.scheduling.annotation.Async;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Takes events from outside into the lifecycle exactly once. Camunda 7 drops a message that no
 * execution waits for, so an event that comes early is kept here and handed over as soon as the
 * process reaches the matching message event: right after that step commits, and by a periodic
 * sweep should that hand-over be lost (a node stopping, a conflict).
 *
 * <p>Duplicates are recognised by (source, event id). Concurrent events for one return queue up
 * behind a lock on the return's row, so two scans of one parcel move it once.
 *
 * <p>A webhook that comes before any return knows it (Shopify's {@code returns/request}) is
 * {@link #accept accepted}: kept as RECEIVED with its topic and the fields its {@link Handler} needs,
 * answered at once, and processed by that handler once the acceptance committed, again by the sweep
 * should that fail, until it is processed, refused or a day old.
 *
 * <p>Its length (about 360 lines) is the two kinds of entry, waiting for a return and waiting for their
 * handler, sharing one table, one dedupe and one sweep: two classes would be the second inbox this avoids.
 */
@Component
public class MessageInbox {

  private static final Logger log = LoggerFactory.getLogger(MessageInbox.class);

  private final JdbcClient jdbc;
  private final ReturnService returns;
  private final RuntimeService runtimeService;
  private final TransactionTemplate transactions;
  private final ApplicationEventPublisher events;
  private final InboxPayloads payloads;
  private final Clock clock;
  private final ObjectProvider<Handler> handlers;

  /** How long an accepted event that cannot be processed is tried again before it is given up as FAILED. */
  static final Duration GIVE_UP_AFTER = Duration.ofDays(1);
  /** The payload column of V7: an accepted event keeps its fields whole, never truncated. */
  private static final int ACCEPTED_PAYLOAD = 16_000;

  public MessageInbox(JdbcClient jdbc, ReturnService returns, RuntimeService runtimeService,
      TransactionTemplate transactions, ApplicationEventPublisher events, InboxPayloads payloads, Clock clock,
      ObjectProvider<Handler> handlers) {
    this.handlers = handlers;
    this.payloads = payloads;
    this.jdbc = jdbc;
    this.returns = returns;
    this.runtimeService = runtimeService;
    this.transactions = transactions;
    this.events = events;
    this.clock = clock;
  }

  /** Records the event and, if the process waits for it, delivers it, all in one transaction. */
  @Transactional
  public InboundEvent.Outcome receive(InboundEvent event) {
    if (seen(event)) {
      return InboundEvent.Outcome.DUPLICATE;
    }
    ReturnRecord record = returns.lock(event.rmaNumber());
    if (seen(event)) {
      return InboundEvent.Outcome.DUPLICATE; // a concurrent copy got the lock first
    }
    if (event.refusedOnceEnded() && record.status().isEnded()) {
      return InboundEvent.Outcome.REFUSED;
    }
    boolean message = event.messageName() != null;
    boolean deliverNow = message && waitsFor(event.rmaNumber(), event.messageName());
    String state = !message ? "RECORDED" : deliverNow ? "DELIVERED" : event.keepIfEarly() ? "PENDING" : "RECORDED";
    jdbc.sql("""
        INSERT INTO rma_inbox (source, event_id, return_id, message_name, payload, state, received_at, delivered_at)
        VALUES (:source, :eventId, :returnId, :message, :payload, :state, :now, :delivered)
        """)
        .param("source", event.source()).param("eventId", event.eventId()).param("returnId", record.id())
        .param("message", event.messageName()).param("payload", truncate(payloads.of(event.variables())))
        .param("state", state).param("now", now()).param("delivered", deliverNow ? now() : null)
        .update();
    returns.note(event.rmaNumber(), event.actor(), event.timelineEvent(), event.detail());
    if (deliverNow) {
      correlate(event.rmaNumber(), event.messageName(), event.variables());
      return InboundEvent.Outcome.DELIVERED;
    }
    return "PENDING".equals(state) ? InboundEvent.Outcome.QUEUED : InboundEvent.Outcome.RECORDED;
  }

  /** A process of this return entered a message wait: events that came early may be due now. */
  public record WaitEntered(String rmaNumber) {
  }

  /**
   * Called when a process enters a message wait: once the step commits, hands over the events that
   * came early for this return.
   */
  public void deliverAfterCommit(String rmaNumber) {
    if (rmaNumber != null) {
      events.publishEvent(new WaitEntered(rmaNumber));
    }
  }

  @Async("inboxExecutor")
  @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
  public void onWaitEntered(WaitEntered wait) {
    deliverPending(wait.rmaNumber());
  }

  /** Hands over every pending event of this return that the process waits for now, in arrival order. */
  public int deliverPending(String rmaNumber) {
    List<Long> pending = jdbc.sql("""
        SELECT i.id FROM rma_inbox i JOIN rma_return r ON r.id = i.return_id
        WHERE r.rma_number = :rma AND i.state = 'PENDING' ORDER BY i.id
        """).param("rma", rmaNumber).query(Long.class).list();
    int delivered = 0;
    for (Long id : pending) {
      try {
        Boolean done = transactions.execute(status -> deliver(id));
        delivered += Boolean.TRUE.equals(done) ? 1 : 0;
      } catch (OptimisticLockingException e) {
        log.info("Inbox entry {} of {} meets a concurrent change; the sweep delivers it later", id, rmaNumber);
      } catch (RuntimeException e) {
        log.warn("Inbox entry {} of {} could not be delivered yet: {}", id, rmaNumber, e.getMessage());
      }
    }
    return delivered;
  }

  /** Safety net: delivers pending events whose hand-over after commit was lost, and retires those of ended returns. */
  @Scheduled(fixedDelayString = "${openrma.inbox.sweep-interval:PT30S}", initialDelayString = "${openrma.inbox.sweep-interval:PT30S}")
  public void sweep() {
    List<String> rmaNumbers = jdbc.sql("""
        SELECT DISTINCT r.rma_number FROM rma_inbox i JOIN rma_return r ON r.id = i.return_id
        WHERE i.state = 'PENDING'
        """).query(String.class).list();
    for (String rmaNumber : rmaNumbers) {
      deliverPending(rmaNumber);
    }
    jdbc.sql("""
        UPDATE rma_inbox SET state = 'DISCARDED' WHERE state = 'PENDING' AND return_id IN
          (SELECT id FROM rma_return WHERE status IN (:ended))
        """).param("ended", ReturnStatus.names(ReturnStatus.ENDED)).update();
    retryAccepted();
  }

  // ------------------------------------------------------------------ events that come before their return

  /** Processes the events of one source that {@link #accept} kept; a bean per source. */
  public interface Handler {

    /** The source whose events this handles, e.g. SHOPIFY. */
    String source();

    /**
     * Processes one event in the inbox's transaction: what it changes commits with the entry's state. An
     * exception rolls it back and the sweep tries again; a {@link Refused} ends the tries.
     */
    Handled handle(String topic, String payload);
  }

  /** What became of an accepted event: the return it concerns (null if none) and one sentence for the entry. */
  public record Handled(String rmaNumber, String detail) {
  }

  /** The event can never be processed as it is (e.g. the order allows no return): kept as REFUSED, with why. */
  public static class Refused extends RuntimeException {
    public Refused(String message) {
      super(message);
    }
  }

  /** An event was accepted: once that commits, its handler processes it. */
  public record Accepted(long id, String source, String eventId) {
  }

  /**
   * Keeps an event that names no return yet for its source's {@link Handler}, which processes it after
   * this transaction commits. {@code payload} is the little the handler needs, as JSON.
   *
   * @return QUEUED, or DUPLICATE for an event id of this source seen before (nothing is written)
   */
  @Transactional
  public InboundEvent.Outcome accept(String source, String eventId, String topic, String payload) {
    if (seen(source, eventId)) {
      return InboundEvent.Outcome.DUPLICATE;
    }
    if (payload != null && payload.length() > ACCEPTED_PAYLOAD) {
      throw new IllegalArgumentException("The event's payload has " + payload.length() + " characters; the inbox "
          + "keeps " + ACCEPTED_PAYLOAD);
    }
    try {
      jdbc.sql("""
          INSERT INTO rma_inbox (source, event_id, message_name, payload, state, received_at)
          VALUES (:source, :eventId, :topic, :payload, 'RECEIVED', :now)
          """)
          .param("source", source).param("eventId", eventId).param("topic", topic).param("payload", payload)
          .param("now", now()).update();
    } catch (DuplicateKeyException concurrentCopy) {
      return InboundEvent.Outcome.DUPLICATE;
    }
    long id = jdbc.sql("SELECT id FROM rma_inbox WHERE source = :source AND event_id = :eventId")
        .param("source", source).param("eventId", eventId).query(Long.class).single();
    events.publishEvent(new Accepted(id, source, eventId));
    return InboundEvent.Outcome.QUEUED;
  }

  @Async("inboxExecutor")
  @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
  public void onAccepted(Accepted accepted) {
    process(accepted.id());
  }

  /**
   * Processes one accepted entry: PROCESSED with what its handler made of it, REFUSED when the handler
   * refuses it; otherwise it stays RECEIVED with the failure in its detail, for the sweep.
   *
   * @return whether the entry is done with
   */
  public boolean process(long id) {
    try {
      return Boolean.TRUE.equals(transactions.execute(status -> handle(id)));
    } catch (Refused refused) {
      log.warn("Inbox entry {} refused: {}", id, refused.getMessage());
      transactions.executeWithoutResult(status -> finish(id, "REFUSED", null, refused.getMessage()));
      return true;
    } catch (RuntimeException e) {
      log.warn("Inbox entry {} not processed yet; the sweep tries again: {}", id, e.toString());
      transactions.executeWithoutResult(status -> jdbc
          .sql("UPDATE rma_inbox SET detail = :detail WHERE id = :id AND state = 'RECEIVED'")
          .param("detail", truncate("Not processed yet: " + e, 1000)).param("id", id).update());
      return false;
    }
  }

  private boolean handle(long id) {
    Map<String, Object> entry = jdbc.sql("""
        SELECT source, event_id, message_name, payload FROM rma_inbox WHERE id = :id AND state = 'RECEIVED'
        FOR UPDATE
        """).param("id", id).query().listOfRows().stream().findFirst().orElse(null);
    if (entry == null) {
      return true; // processed meanwhile
    }
    String source = (String) value(entry, "source");
    Handler handler = handlers.orderedStream().filter(h -> h.source().equals(source)).findFirst()
        .orElseThrow(() -> new IllegalStateException("No inbox handler for source " + source));
    Handled handled = handler.handle((String) value(entry, "message_name"), (String) value(entry, "payload"));
    finish(id, "PROCESSED", handled.rmaNumber(), handled.detail());
    log.info("{} event {} ({}): {}", source, value(entry, "event_id"), value(entry, "message_name"),
        handled.detail());
    return true;
  }

  private void finish(long id, String state, String rmaNumber, String detail) {
    jdbc.sql("""
        UPDATE rma_inbox SET state = :state, delivered_at = :now, detail = :detail,
          return_id = (SELECT id FROM rma_return WHERE rma_number = :rma)
        WHERE id = :id AND state = 'RECEIVED'
        """).param("state", state).param("now", now()).param("detail", truncate(detail, 1000))
        .param("rma", rmaNumber).param("id", id).update();
  }

  /** Accepted events whose processing after commit was lost or failed; those older than a day are given up. */
  private void retryAccepted() {
    List<Long> received = jdbc.sql("SELECT id FROM rma_inbox WHERE state = 'RECEIVED' ORDER BY id")
        .query(Long.class).list();
    for (Long id : received) {
      process(id);
    }
    List<Map<String, Object>> stale = jdbc.sql("""
        SELECT id, source, event_id, detail FROM rma_inbox WHERE state = 'RECEIVED' AND received_at < :before
        """).param("before", now().minus(GIVE_UP_AFTER)).query().listOfRows();
    for (Map<String, Object> entry : stale) {
      log.error("{} event {} could not be processed within {}; given up (inbox entry {} is FAILED): {}",
          value(entry, "source"), value(entry, "event_id"), GIVE_UP_AFTER, value(entry, "id"),
          value(entry, "detail"));
      jdbc.sql("UPDATE rma_inbox SET state = 'FAILED' WHERE id = :id AND state = 'RECEIVED'")
          .param("id", value(entry, "id")).update();
    }
  }

  private boolean deliver(long inboxId) {
    Map<String, Object> entry = jdbc.sql("""
        SELECT i.message_name, i.payload, r.rma_number FROM rma_inbox i JOIN rma_return r ON r.id = i.return_id
        WHERE i.id = :id AND i.state = 'PENDING' FOR UPDATE
        """).param("id", inboxId).query().listOfRows().stream().findFirst().orElse(null);
    if (entry == null) {
      return false; // delivered meanwhile
    }
    String rmaNumber = (String) value(entry, "rma_number");
    String messageName = (String) value(entry, "message_name");
    if (!waitsFor(rmaNumber, messageName)) {
      return false;
    }
    correlate(rmaNumber, messageName, payloads.variables((String) value(entry, "payload")));
    jdbc.sql("UPDATE rma_inbox SET state = 'DELIVERED', delivered_at = :now WHERE id = :id")
        .param("now", now()).param("id", inboxId).update();
    log.info("Delivered early {} to {}", messageName, rmaNumber);
    return true;
  }

  private boolean waitsFor(String rmaNumber, String messageName) {
    return runtimeService.createExecutionQuery()
        .processInstanceBusinessKey(rmaNumber)
        .messageEventSubscriptionName(messageName)
        .count() > 0;
  }

  private void correlate(String rmaNumber, String messageName, Map<String, Object> variables) {
    runtimeService.createMessageCorrelation(messageName)
        .processInstanceBusinessKey(rmaNumber)
        .setVariables(variables)
        .correlateWithResult();
  }

  private boolean seen(InboundEvent event) {
    return seen(event.source(), event.eventId());
  }

  /** Whether an event with this id from this source was received before. */
  public boolean seen(String source, String eventId) {
    return jdbc.sql("SELECT COUNT(*) FROM rma_inbox WHERE source = :source AND event_id = :eventId")
        .param("source", source).param("eventId", eventId).query(Long.class).single() > 0;
  }

  private static Object value(Map<String, Object> row, String column) {
    Object value = row.get(column);
    return value != null ? value : row.get(column.toUpperCase());
  }

  private OffsetDateTime now() {
    return OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
  }

  private static String truncate(String text) {
    return truncate(text, 4000);
  }

  private static String truncate(String text, int length) {
    return text == null || text.length() <= length ? text : text.substring(0, length);
  }
}
