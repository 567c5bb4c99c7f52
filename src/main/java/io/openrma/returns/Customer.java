package io.openrma.returns;

import org.springframework.data.relational.core.mapping.Column;
import org.springframework.data.relational.core.mapping.Embedded;

/** The customer who returns; personal data that stays in OpenRMA's tables. */
public record Customer(String customerId, @Column("customer_name") String name, @Column("customer_email") String email,
    @Column("customer_phone") String phone, @Embedded.Empty(prefix = "address_") Address address) {
}
