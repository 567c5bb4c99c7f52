package io.openrma.returns;

import java.time.Instant;

import org.springframework.data.relational.core.mapping.Column;

/** The return label bought for a return; its PDF is kept apart ({@link LabelPdf}). */
public record Label(String labelId, String carrier, @Column("carrier_service") String service, String trackingNumber,
    String labelUrl, @Column("label_issued_at") Instant issuedAt) {
}
