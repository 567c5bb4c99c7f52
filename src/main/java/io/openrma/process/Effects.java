package io.openrma.process;

import java.time.Clock;
import java.util.Optional;

import org.springframework.data.annotation.Id;
import org.springframework.data.jdbc.core.JdbcAggregateOperations;
import org.springframework.data.relational.core.mapping.Table;
import org.springframework.data.relational.core.query.Criteria;
import org.springframework.data.relational.core.query.Query;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The log of external effects ({@code rma_effect}): what each call that changed something in another
 * system answered, under the step's idempotency key. It is written in a transaction of its own the
 * moment the call succeeded, together with what the step records of the answer, so a step that fails
 * later and is retried finds it and does not call again.
 */
@Component
public class Effects {

  @Table("rma_effect")
  record Effect(@Id String effectKey, String rmaNumber, String kind, String externalRef, java.time.Instant recordedAt) {
  }

  private final JdbcAggregateOperations aggregates;
  private final Clock clock;

  Effects(JdbcAggregateOperations aggregates, Clock clock) {
    this.aggregates = aggregates;
    this.clock = clock;
  }

  /** What an earlier attempt recorded under this key, if it got that far ({@code ""} for an effect without reference). */
  @Transactional(readOnly = true)
  public Optional<String> find(String key) {
    return Optional.ofNullable(aggregates.findById(key, Effect.class))
        .map(effect -> effect.externalRef() == null ? "" : effect.externalRef());
  }

  /**
   * Whether any effect of the return was recorded under a key that starts with {@code prefix}. By the return
   * first: its few effects come from an index, where {@code LIKE} on the key alone would read every effect ever
   * recorded (PostgreSQL cannot use the key's index for a prefix under a non-C collation).
   */
  @Transactional(readOnly = true)
  public boolean anyStartingWith(String rmaNumber, String prefix) {
    return aggregates.exists(
        Query.query(Criteria.where("rmaNumber").is(rmaNumber).and("effectKey").like(prefix + "%")), Effect.class);
  }

  /** Records the effect and runs {@code alongside} (what the step keeps of the answer) in one new transaction. */
  @Transactional(propagation = Propagation.REQUIRES_NEW)
  public void record(String key, String rmaNumber, String kind, String externalRef, Runnable alongside) {
    aggregates.insert(new Effect(key, rmaNumber, kind, truncate(externalRef), clock.instant()));
    alongside.run();
  }

  private static String truncate(String text) {
    return text == null || text.length() <= 500 ? text : text.substring(0, 499) + "…";
  }
}
