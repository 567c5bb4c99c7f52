package io.openrma.returns;

import java.time.Instant;

/** The return label bought for a return. */
public record Label(String labelId, String carrier, String service, String trackingNumber, String labelUrl,
    Instant issuedAt) {
}
