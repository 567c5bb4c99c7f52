package io.openrma.returns;

import java.time.Instant;

/**
 * Published (as a Spring application event) whenever a return's status changes, inside the
 * transaction that changes it: listeners that write (outbound webhooks, metrics) join that
 * transaction, so what they record commits or rolls back with the status itself.
 */
public record ReturnStatusChanged(long returnId, String rmaNumber, ReturnStatus from, ReturnStatus to, Actor actor,
    Instant at) {
}
