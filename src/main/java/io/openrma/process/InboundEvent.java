package io.openrma.process;

import java.util.Map;
import java.util.function.Consumer;

import io.openrma.returns.Actor;
import io.openrma.returns.ReturnRecord;

/**
 * Something that happened outside OpenRMA to a return: a warehouse scan, a carrier event, a
 * payment webhook.
 *
 * @param source        who sent it (WAREHOUSE, CARRIER, STRIPE, ...); with {@code eventId} it identifies the event
 * @param eventId       the sender's id for the event; a repeated id changes nothing
 * @param rmaNumber     the return it belongs to
 * @param messageName   the BPMN message it triggers, or null if it is only recorded on the timeline
 * @param variables     process variables that come with the message (small, no personal data)
 * @param keepIfEarly   keep the event in the inbox when the process does not wait for it yet
 * @param precondition  throws when the return's state rules the event out (e.g. an arrival for a cancelled return)
 * @param actor         for the timeline
 * @param timelineEvent event name on the timeline
 * @param detail        timeline text
 */
public record InboundEvent(String source, String eventId, String rmaNumber, String messageName,
    Map<String, Object> variables, boolean keepIfEarly, Consumer<ReturnRecord> precondition, Actor actor,
    String timelineEvent, String detail) {

  /** What became of an event. */
  public enum Outcome {
    /** The process took it now. */
    DELIVERED,
    /** Kept until the process reaches the matching message event. */
    QUEUED,
    /** Recorded on the timeline; it moves nothing. */
    RECORDED,
    /** Seen before: nothing changed. */
    DUPLICATE
  }
}
