package io.openrma.returns;

/** The customer who returns; personal data that stays in OpenRMA's tables. */
public record Customer(String customerId, String name, String email, String phone, Address address) {
}
