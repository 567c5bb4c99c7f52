package io.openrma.returns;

/** What the return policy (processes/return-policy.dmn) decided for a return. */
public record PolicyOutcome(String decision, int restockingFeePercent, boolean keepItem, boolean refundShipping,
    String note) {
}
