package io.openrma.returns;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * The body of {@code POST /api/returns}: the whole order as JSON ({@link CreateReturnRequest}, for shops
 * without a connector), or a reference to an order in an order source ({@link OrderReturnRequest}) from
 * which OpenRMA fills prices, tax, payment and customer. Which one is decided by {@link NewReturnJson}.
 */
@Schema(oneOf = {CreateReturnRequest.class, OrderReturnRequest.class})
public sealed interface NewReturn permits CreateReturnRequest, OrderReturnRequest {
}
