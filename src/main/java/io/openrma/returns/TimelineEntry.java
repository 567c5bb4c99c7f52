package io.openrma.returns;

import java.time.Instant;

/** One entry of a return's append-only timeline. */
public record TimelineEntry(long id, Instant occurredAt, Actor.Type actorType, String actor, String event,
    ReturnStatus status, String detail) {
}
