package io.openrma.returns;

import java.time.Instant;
import java.util.List;

import org.springframework.stereotype.Component;

/**
 * A return's timeline: what happened, when and by whom, in the order it happened. Entries are only
 * ever appended, in the transaction of the change they describe.
 */
@Component
public class Timeline {

  private final TimelineRepository entries;

  Timeline(TimelineRepository entries) {
    this.entries = entries;
  }

  public List<TimelineEntry> of(ReturnRecord record) {
    return entries.findByReturnIdOrderById(record.id());
  }

  void append(ReturnRecord record, Instant at, Actor actor, String event, ReturnStatus status, String detail) {
    append(record.id(), at, actor, event, status, detail);
  }

  void append(long returnId, Instant at, Actor actor, String event, ReturnStatus status, String detail) {
    entries.save(new TimelineEntry(null, returnId, at, actor.type(), truncate(actor.name(), 100), event, status,
        truncate(detail, 2000)));
  }

  static String truncate(String text, int max) {
    return text == null || text.length() <= max ? text : text.substring(0, max - 1) + "…";
  }
}
