package io.openrma.returns;

import java.time.LocalDate;
import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

/**
 * {@code POST /api/returns}: a return request from the shop or a support agent. Amounts are minor
 * units (cents) of the order's currency.
 */
@Schema(description = "A new return: the order it belongs to, the customer and the lines to return")
public record CreateReturnRequest(
    @NotNull @Valid Order order,
    @NotNull @Valid CustomerData customer,
    @Size(max = 64) @Schema(description = "Helpdesk (Zendesk) ticket id, if the customer wrote in", example = "4711") String ticketId,
    @Schema(description = "How the customer wants to be made whole; REFUND when absent") Resolution resolution,
    @Size(max = 500) @Pattern(regexp = "https?://.+", message = "must be an http(s) URL") @Schema(description = "Link to the customer's photos of the item, shown to the reviewer") String photosUrl,
    @NotEmpty @Size(max = 50) List<@Valid Line> lines) implements NewReturn {

  public record Order(
      @NotBlank @Size(max = 64) @Schema(example = "SO-10042") String orderId,
      @NotNull @Schema(example = "2026-11-02") LocalDate orderDate,
      @NotNull @Schema(example = "2026-11-05") LocalDate deliveryDate,
      @NotNull @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO 4217 code such as EUR") @Schema(example = "EUR") String currency,
      @NotNull @PositiveOrZero @Schema(description = "Total captured by the payment, minor units", example = "8490") Long amountCaptured,
      @PositiveOrZero @Schema(description = "Shipping charged on the order, minor units", example = "490") Long shippingPaid,
      @Size(max = 64) @Pattern(regexp = "pi_[A-Za-z0-9_]+", message = "must be a Stripe PaymentIntent id (pi_...)") String paymentIntentId,
      @Size(max = 64) @Pattern(regexp = "sub_[A-Za-z0-9_]+", message = "must be a Stripe subscription id (sub_...)") String subscriptionId,
      @Size(max = 64) @Pattern(regexp = "cus_[A-Za-z0-9_]+", message = "must be a Stripe customer id (cus_...)") String stripeCustomerId) {
  }

  public record CustomerData(
      @NotBlank @Size(max = 64) String customerId,
      @NotBlank @Size(max = 200) String name,
      @NotBlank @Email @Size(max = 320) String email,
      @Size(max = 40) String phone,
      @NotNull @Valid AddressData address) {
  }

  public record AddressData(
      @NotBlank @Size(max = 200) String line1,
      @Size(max = 200) String line2,
      @NotBlank @Size(max = 100) String city,
      @Size(max = 100) String state,
      @NotBlank @Size(max = 20) String postalCode,
      @NotNull @Pattern(regexp = "[A-Z]{2}", message = "must be an ISO 3166 country code such as DE") String country) {

    Address toAddress() {
      return new Address(line1, line2, city, state, postalCode, country);
    }
  }

  public record Line(
      @NotBlank @Size(max = 64) String sku,
      @NotBlank @Size(max = 300) String description,
      @Schema(description = "GENERAL when absent") ItemCategory category,
      @NotNull @Positive Integer quantityOrdered,
      @NotNull @Positive Integer quantityReturned,
      @NotNull @PositiveOrZero @Schema(description = "Price of one unit before discount, minor units") Long unitPrice,
      @PositiveOrZero @Schema(description = "Discount on the whole ordered line, minor units") Long discount,
      @PositiveOrZero @Schema(description = "Tax paid on the whole ordered line, minor units") Long tax,
      @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO 4217 code such as EUR") @Schema(description = "Optional; must equal the order's currency") String currency,
      @NotNull ReturnReason reason,
      @Size(max = 500) @Schema(description = "Required when reason is OTHER") String reasonText,
      @Schema(description = "Condition the customer reports; NEW when absent") ItemCondition condition) {
  }
}
