package io.openrma.returns;

import org.springframework.data.relational.core.mapping.Column;

/** What the return policy (processes/return-policy.dmn) decided for a return. */
public record PolicyOutcome(@Column("policy_decision") String decision, int restockingFeePercent,
    @Column("policy_keep_item") boolean keepItem, boolean refundShipping, @Column("policy_note") String note) {
}
