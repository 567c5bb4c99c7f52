package io.openrma.process;

import java.util.Map;

import io.openrma.returns.Actor;

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
 * @param refusedOnceEnded the event is refused (nothing is written) when the return has ended, e.g. an arrival
 *                      scan of a cancelled return
 * @param actor         for the timeline
 * @param timelineEvent event name on the timeline
 * @param detail        timeline text
 */
public record InboundEvent(String source, String eventId, String rmaNumber, String messageName,
    Map<String, Object> variables, boolean keepIfEarly, boolean refusedOnceEnded, Actor actor,
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
    DUPLICATE,
    /** Ruled out by the return's state (see {@code refusedOnceEnded}): nothing was written. */
    REFUSED
  }
}
