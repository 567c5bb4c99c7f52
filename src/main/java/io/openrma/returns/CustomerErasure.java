package io.openrma.returns;

import io.openrma.system.ApiProblems;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.HistoryService;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Erases a customer's personal data on request (GDPR Art. 17): name, email, phone and address on
 * every return of the customer, the label PDF (it shows the address), the customer's name and email
 * wherever the timeline's text repeats them, and the engine history of those returns' processes.
 * Amounts, SKUs and statuses stay, so the merchant's books and statistics still add up.
 * Returns still in progress are not erased: finish or cancel them first.
 */
@Service
public class CustomerErasure {

  public static final String ERASED = "[erased]";

  private final JdbcClient jdbc;
  private final HistoryService history;
  private final Clock clock;

  public CustomerErasure(JdbcClient jdbc, HistoryService history, Clock clock) {
    this.jdbc = jdbc;
    this.history = history;
    this.clock = clock;
  }

  public record Result(String customerId, List<String> rmaNumbers) {
  }

  @Transactional
  public Result erase(String customerId, Actor actor) {
    List<Map<String, Object>> rows = jdbc.sql("""
        SELECT id, rma_number, status, customer_name, customer_email, customer_phone, address_line1,
          address_line2, address_city, address_postal_code, process_instance_id
        FROM rma_return WHERE customer_id = :customer FOR UPDATE""")
        .param("customer", customerId).query().listOfRows();
    if (rows.isEmpty()) {
      throw new ApiProblems.NotFound("There are no returns of customer " + customerId + ".");
    }
    List<String> running = rows.stream().filter(row -> !ReturnStatus.valueOf((String) value(row, "status")).isEnded())
        .map(row -> (String) value(row, "rma_number")).toList();
    if (!running.isEmpty()) {
      throw new ApiProblems.Conflict("Returns of customer " + customerId + " are still in progress: " + running
          + ". Finish or cancel them, then erase the customer.");
    }
    Instant now = clock.instant();
    List<String> erased = new ArrayList<>();
    for (Map<String, Object> row : rows) {
      long id = ((Number) value(row, "id")).longValue();
      List<String> secrets = new ArrayList<>();
      for (String column : List.of("customer_name", "customer_email", "customer_phone", "address_line1",
          "address_line2",
          "address_city", "address_postal_code")) {
        Object secret = value(row, column);
        if (secret != null && secret.toString().length() >= 3) {
          secrets.add(secret.toString());
        }
      }
      jdbc.sql("""
          UPDATE rma_return SET customer_name = :erased, customer_email = :email, customer_phone = NULL,
            address_line1 = :erased, address_line2 = NULL, address_city = :erased, address_state = NULL,
            address_postal_code = :erased, photos_url = NULL, updated_at = :now,
            version = version + 1
          WHERE id = :id""")
          .param("erased", ERASED).param("email", "erased-" + id + "@erased.invalid")
          .param("now", OffsetDateTime.ofInstant(now, ZoneOffset.UTC)).param("id", id).update();
      jdbc.sql("DELETE FROM rma_label_pdf WHERE return_id = :id").param("id", id).update();
      // the customer's photos may show them, their home or their handwriting
      jdbc.sql("DELETE FROM rma_return_photo WHERE return_id = :id").param("id", id).update();
      // free text people typed may repeat the customer's name or email
      scrub("rma_timeline", "detail", "return_id", id, secrets);
      scrub("rma_return", "cancel_reason", "id", id, secrets);
      scrub("rma_line", "reason_text", "return_id", id, secrets);
      scrub("rma_line", "inspection_notes", "return_id", id, secrets);
      jdbc.sql("""
          INSERT INTO rma_timeline (return_id, occurred_at, actor_type, actor, event, status, detail)
          VALUES (:id, :at, :type, :actor, 'CUSTOMER_ERASED', NULL, 'Personal data of the customer erased')""")
          .param("id", id).param("at", OffsetDateTime.ofInstant(now, ZoneOffset.UTC)).param("type", actor.type().name())
          .param("actor", actor.name()).update();
      List<String> processInstances = history.createHistoricProcessInstanceQuery()
          .processInstanceBusinessKey((String) value(row, "rma_number")).list().stream().map(p -> p.getId()).toList();
      if (!processInstances.isEmpty()) {
        history.deleteHistoricProcessInstancesIfExists(processInstances);
      }
      erased.add((String) value(row, "rma_number"));
    }
    return new Result(customerId, erased);
  }

  private void scrub(String table, String column, String key, long returnId, List<String> secrets) {
    for (Map<String, Object> row : jdbc.sql("SELECT id, " + column + " AS text FROM " + table + " WHERE " + key
        + " = :id AND " + column + " IS NOT NULL").param("id", returnId).query().listOfRows()) {
      String text = (String) value(row, "text");
      String scrubbed = text;
      for (String secret : secrets) {
        scrubbed = scrubbed.replace(secret, ERASED);
      }
      if (!scrubbed.equals(text)) {
        jdbc.sql("UPDATE " + table + " SET " + column + " = :text WHERE id = :id")
            .param("text", scrubbed).param("id", value(row, "id")).update();
      }
    }
  }

  private static Object value(Map<String, Object> row, String column) {
    Object value = row.get(column);
    return value != null || row.containsKey(column) ? value : row.get(column.toUpperCase());
  }
}
