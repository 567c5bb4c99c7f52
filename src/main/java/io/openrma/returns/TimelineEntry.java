package io.openrma.returns;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

/** One entry of a return's append-only timeline. */
@Table("rma_timeline")
public record TimelineEntry(@Id Long id, long returnId, Instant occurredAt, Actor.Type actorType, String actor,
    String event, ReturnStatus status, String detail) {
}
