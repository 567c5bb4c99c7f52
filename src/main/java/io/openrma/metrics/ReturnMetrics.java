package io.openrma.metrics;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.openrma.returns.ReturnStatus;
import io.openrma.returns.ReturnStatusChanged;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Counts and times the returns as their status changes: requested (created) and closed returns, status changes,
 * refunded amounts and restocking fees (minor units, by currency), and the time each stage took
 * (request to label, label to arrival, arrival to refund). Everything is recorded after the change
 * committed, so a step that rolls back and is retried counts once; a return counts as closed once, however
 * often a refund problem reopens it, and a refund Stripe fails after the return closed is counted as
 * reversed ({@code openrma.refunds.reversed}), since a counter cannot be taken back.
 */
@Component
public class ReturnMetrics {

  /** The stages whose duration is measured: from entering {@code from} until entering {@code to}. */
  enum Stage {
    REQUEST_TO_LABEL(ReturnStatus.REQUESTED, ReturnStatus.LABEL_ISSUED), LABEL_TO_ARRIVAL(ReturnStatus.LABEL_ISSUED,
        ReturnStatus.RECEIVED), ARRIVAL_TO_REFUND(ReturnStatus.RECEIVED, ReturnStatus.REFUNDED);

    final ReturnStatus from;
    final ReturnStatus to;

    Stage(ReturnStatus from, ReturnStatus to) {
      this.from = from;
      this.to = to;
    }

    String tag() {
      return name().toLowerCase();
    }
  }

  private static final Duration[] STAGE_BUCKETS = {Duration.ofHours(1), Duration.ofHours(4), Duration.ofHours(12),
      Duration.ofDays(1), Duration.ofDays(2), Duration.ofDays(3), Duration.ofDays(5), Duration.ofDays(7),
      Duration.ofDays(14), Duration.ofDays(30)};

  private final MeterRegistry registry;
  private final JdbcClient jdbc;

  public ReturnMetrics(MeterRegistry registry, JdbcClient jdbc) {
    this.registry = registry;
    this.jdbc = jdbc;
  }

  /** Counts once the change committed: a change that rolls back (a failed step, a refused request) counts nothing. */
  @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
  public void on(ReturnStatusChanged change) {
    List<Runnable> record = new ArrayList<>();
    record.add(() -> Counter.builder("openrma.return.status.changes").description("Status changes by new status")
        .tag("status", change.to().name()).register(registry).increment());
    if (change.from() == null) {
      // not "created": Prometheus reserves the suffix _created, and openrma_returns is the gauge by status
      record.add(() -> Counter.builder("openrma.returns.requested").description("Returns requested (created)")
          .register(registry).increment());
    }
    if (change.to().isEnded() && firstEnd(change.returnId())) {
      // once per return: a return reopened for a refund problem and closed again ended once
      record.add(() -> Counter.builder("openrma.returns.closed")
          .description("Returns that ended, by how they ended (CLOSED, REJECTED, EXPIRED, CANCELLED)")
          .tag("status", change.to().name()).register(registry).increment());
    }
    for (Stage stage : Stage.values()) {
      if (stage.to == change.to()) {
        enteredAt(change.returnId(), stage.from)
            .map(since -> Duration.between(since, change.at()))
            .filter(duration -> !duration.isNegative())
            .ifPresent(duration -> record.add(() -> stageTimer(stage).record(duration)));
      }
    }
    if (change.to() == ReturnStatus.REFUNDED) {
      refundOf(change.returnId()).ifPresent(refund -> record.add(() -> {
        DistributionSummary.builder("openrma.refunds.amount")
            .description("Refunded amounts in minor units, by currency and kind (payment or store credit)")
            .tag("currency", refund.currency()).tag("kind", refund.kind()).register(registry).record(refund.total());
        DistributionSummary.builder("openrma.refunds.fees")
            .description("Restocking fees kept from refunds, in minor units, by currency")
            .tag("currency", refund.currency()).register(registry).record(refund.fee());
      }));
    }
    if (change.to() == ReturnStatus.REFUND_FAILED && change.from() != null && change.from().isEnded()) {
      // Stripe failed a refund that was counted when it succeeded: amount minus reversed is what went out
      refundOf(change.returnId()).ifPresent(refund -> record.add(() -> DistributionSummary
          .builder("openrma.refunds.reversed")
          .description("Refunds counted in openrma.refunds.amount that the provider failed after the return closed")
          .tag("currency", refund.currency()).tag("kind", refund.kind()).register(registry).record(refund.total())));
    }
    record.forEach(Runnable::run);
  }

  /** Whether the return ended for the first time (its timeline has one entry with an ended status). */
  private boolean firstEnd(long returnId) {
    return jdbc.sql("SELECT COUNT(*) FROM rma_timeline WHERE return_id = :id AND status IN (:ended)")
        .param("id", returnId).param("ended", ReturnStatus.ENDED.stream().map(Enum::name).toList())
        .query(Long.class).single() <= 1;
  }

  private Timer stageTimer(Stage stage) {
    return Timer.builder("openrma.stage.duration")
        .description("Time a return spent from request to label, label to arrival, arrival to refund")
        .tag("stage", stage.tag())
        .serviceLevelObjectives(STAGE_BUCKETS)
        .register(registry);
  }

  /** When the return last entered this status, from its timeline. */
  private Optional<Instant> enteredAt(long returnId, ReturnStatus status) {
    return jdbc.sql("SELECT MAX(occurred_at) FROM rma_timeline WHERE return_id = :id AND status = :status")
        .param("id", returnId).param("status", status.name())
        .query((rs, n) -> rs.getObject(1, OffsetDateTime.class)).optional()
        .map(OffsetDateTime::toInstant);
  }

  private record RefundFigures(String currency, String kind, long total, long fee) {
  }

  private Optional<RefundFigures> refundOf(long returnId) {
    return jdbc.sql("SELECT currency, refund_total, restocking_fee, store_credit_id FROM rma_return WHERE id = :id")
        .param("id", returnId)
        .query((rs, n) -> rs.getObject("refund_total") == null
            ? null
            : new RefundFigures(rs.getString("currency").trim(),
                rs.getString("store_credit_id") == null ? "payment" : "store_credit",
                rs.getLong("refund_total"), rs.getLong("restocking_fee")))
        .optional();
  }
}
