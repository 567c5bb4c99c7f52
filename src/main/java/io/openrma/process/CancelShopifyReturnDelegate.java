package io.openrma.process;

import io.openrma.integrations.shopify.ShopifyReturns;
import io.openrma.returns.ReturnRecord;
import org.springframework.stereotype.Component;

/**
 * "Cancel return in Shopify": the cancelled return is cancelled in Shopify too (declined while it still
 * waits for approval). When the cancellation came from the Shopify admin, Shopify has it already and the
 * adapter changes nothing.
 */
@Component
public class CancelShopifyReturnDelegate extends StepDelegate {

  private final ShopifyReturns shopify;

  CancelShopifyReturnDelegate(ShopifyReturns shopify) {
    this.shopify = shopify;
  }

  @Override
  protected void run(Step step) {
    ReturnRecord record = step.record();
    if (!ShopifyMirror.hasReturn(record)) {
      step.note("SHOPIFY_NOT_OPENED", "Never opened in Shopify: nothing to cancel there");
      return;
    }
    String returnId = record.source().returnId();
    String reason = record.cancelReason() == null ? "Cancelled in OpenRMA" : record.cancelReason();
    step.once(ShopifyMirror.SYSTEM, "SHOPIFY_RETURN_CANCELLED", () -> {
      shopify.cancel(returnId, reason);
      return returnId;
    }, "Return cancelled in Shopify");
  }
}
