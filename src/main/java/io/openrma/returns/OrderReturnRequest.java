package io.openrma.returns;

import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

/**
 * {@code POST /api/returns} with an order reference: the order is looked up in its source by number and
 * the customer's email, and OpenRMA fills prices, tax, payment, customer and address from it, so the
 * caller cannot get them wrong. Only the order's eligible units can be returned.
 */
@Schema(description = "A new return for an order in an order source (e.g. demo): the lines by their line item id")
public record OrderReturnRequest(
    @NotNull @Valid Order order,
    @NotBlank @Email @Size(max = 320) @Schema(description = "The email address the order was placed with", example = "jane.doe@example.com") String customerEmail,
    @Size(max = 64) @Schema(description = "Helpdesk (Zendesk) ticket id, if the customer wrote in", example = "4711") String ticketId,
    @Schema(description = "How the customer wants to be made whole; REFUND when absent") Resolution resolution,
    @Size(max = 500) @Pattern(regexp = "https?://.+", message = "must be an http(s) URL") @Schema(description = "Link to the customer's photos of the item, shown to the reviewer") String photosUrl,
    @NotEmpty @Size(max = 50) List<@Valid Line> lines) implements NewReturn {

  /** Which order: the source's name and the order number the customer sees. */
  public record Order(
      @NotBlank @Size(max = 40) @Schema(example = "demo") String source,
      @NotBlank @Size(max = 64) @Schema(example = "#1001") String orderNumber) {
  }

  /** One line of the order to return. */
  public record Line(
      @NotBlank @Size(max = 200) @Schema(description = "The order line's id in its source", example = "DEMO-1001-1") String lineItemId,
      @NotNull @Positive Integer quantity,
      @NotNull ReturnReason reason,
      @Size(max = 500) @Schema(description = "Required when reason is OTHER") String reasonText,
      @Schema(description = "Condition the customer reports; NEW when absent") ItemCondition condition,
      @Size(max = 200) @Schema(description = "For EXCHANGE of a Shopify order: the variant the customer gets instead", example = "gid://shopify/ProductVariant/43729076") String exchangeVariantId) {
  }
}
