package io.openrma.process;

import java.time.Clock;
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
import org.springframework.context.ApplicationEventPublisher;
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

  public MessageInbox(JdbcClient jdbc, ReturnService returns, RuntimeService runtimeService,
      TransactionTemplate transactions, ApplicationEventPublisher events, InboxPayloads payloads, Clock clock) {
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
    return text == null || text.length() <= 4000 ? text : text.substring(0, 4000);
  }
}
