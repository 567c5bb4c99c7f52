package io.openrma.outbound;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** The delivery log ({@code rma_outbound_delivery}, {@code rma_outbound_attempt}). */
@Repository
public class OutboundDeliveries {

  private final JdbcClient jdbc;

  public OutboundDeliveries(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * Adds the delivery of an event to a subscriber in the caller's transaction; returns its id, or empty
   * if this event was already recorded for the subscriber (the same status change seen twice).
   */
  public Optional<Long> add(String eventId, String subscriber, String rmaNumber, String status, String payload,
      Instant at) {
    boolean known = jdbc.sql("SELECT COUNT(*) FROM rma_outbound_delivery WHERE event_id = :event AND subscriber = :sub")
        .param("event", eventId).param("sub", subscriber).query(Long.class).single() > 0;
    if (known) {
      return Optional.empty();
    }
    KeyHolder keys = new GeneratedKeyHolder();
    jdbc.sql("""
        INSERT INTO rma_outbound_delivery (event_id, subscriber, rma_number, status, payload, state, created_at)
        VALUES (:event, :sub, :rma, :status, :payload, 'PENDING', :at)
        """)
        .param("event", eventId).param("sub", subscriber).param("rma", rmaNumber).param("status", status)
        .param("payload", payload).param("at", at(at))
        .update(keys, "id");
    return Optional.of(keys.getKey().longValue());
  }

  public Optional<OutboundDelivery> find(long id) {
    return jdbc.sql("SELECT * FROM rma_outbound_delivery WHERE id = :id").param("id", id).query(this::map).optional();
  }

  public List<OutboundDelivery> ofReturn(String rmaNumber) {
    return jdbc.sql("SELECT * FROM rma_outbound_delivery WHERE rma_number = :rma ORDER BY id").param("rma", rmaNumber)
        .query(this::map).list();
  }

  /** One attempt with the subscriber's answer, logged in a transaction of its own so failed attempts stay logged. */
  @Transactional(propagation = Propagation.REQUIRES_NEW)
  public void logAttempt(long deliveryId, Instant at, Integer httpStatus, String error, long durationMillis) {
    jdbc.sql("""
        INSERT INTO rma_outbound_attempt (delivery_id, attempted_at, http_status, error, duration_ms)
        VALUES (:id, :at, :status, :error, :ms)
        """)
        .param("id", deliveryId).param("at", at(at)).param("status", httpStatus).param("error", truncate(error))
        .param("ms", durationMillis).update();
    jdbc.sql("""
        UPDATE rma_outbound_delivery SET attempts = attempts + 1, last_http_status = :status, last_error = :error,
          last_attempt_at = :at WHERE id = :id
        """)
        .param("id", deliveryId).param("at", at(at)).param("status", httpStatus).param("error", truncate(error))
        .update();
  }

  public void markDelivered(long deliveryId, Instant at) {
    jdbc.sql("UPDATE rma_outbound_delivery SET state = 'DELIVERED', delivered_at = :at WHERE id = :id")
        .param("id", deliveryId).param("at", at(at)).update();
  }

  /** The subscriber was removed from the configuration while the event waited. */
  public void markAbandoned(long deliveryId, String reason) {
    jdbc.sql("UPDATE rma_outbound_delivery SET state = 'ABANDONED', last_error = :reason WHERE id = :id")
        .param("id", deliveryId).param("reason", truncate(reason)).update();
  }

  /** The attempts of one delivery, oldest first. */
  public List<Attempt> attempts(long deliveryId) {
    return jdbc.sql("SELECT * FROM rma_outbound_attempt WHERE delivery_id = :id ORDER BY id").param("id", deliveryId)
        .query((rs, n) -> new Attempt(instant(rs, "attempted_at"), (Integer) rs.getObject("http_status"),
            rs.getString("error"), rs.getLong("duration_ms")))
        .list();
  }

  public record Attempt(Instant at, Integer httpStatus, String error, long durationMillis) {
  }

  private OutboundDelivery map(ResultSet rs, int row) throws SQLException {
    return new OutboundDelivery(rs.getLong("id"), rs.getString("event_id"), rs.getString("subscriber"),
        rs.getString("rma_number"), rs.getString("status"), rs.getString("payload"),
        OutboundDelivery.State.valueOf(rs.getString("state")), rs.getInt("attempts"),
        (Integer) rs.getObject("last_http_status"), rs.getString("last_error"), instant(rs, "created_at"),
        instant(rs, "last_attempt_at"), instant(rs, "delivered_at"));
  }

  private static Instant instant(ResultSet rs, String column) throws SQLException {
    OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
    return value == null ? null : value.toInstant();
  }

  private static OffsetDateTime at(Instant instant) {
    return instant == null ? null : OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
  }

  private static String truncate(String text) {
    return text == null || text.length() <= 500 ? text : text.substring(0, 499) + "…";
  }
}
