package io.openrma.returns;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonIgnore;
import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

/**
 * One row of a search result: what a list of returns shows, read from the returns table alone (one
 * statement per page, no lines, no label; the table's own id stays inside). {@code GET /api/returns/{rma}} has the whole return.
 */
@Table("rma_return")
public record ReturnSummary(@Id @JsonIgnore Long id, String rmaNumber, ReturnStatus status, Resolution resolution,
    String orderId, String customerId, String customerName, String customerEmail, String currency,
    String trackingNumber, Long refundTotal, String refundStatus, String createdBy, Instant createdAt,
    Instant updatedAt) {
}
