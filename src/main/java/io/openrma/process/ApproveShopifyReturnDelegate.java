package io.openrma.process;

import io.openrma.integrations.shopify.ShopifyReturns;
import org.springframework.stereotype.Component;

/** "Approve return in Shopify": customer service approved it, so Shopify's return request is approved too. */
@Component
public class ApproveShopifyReturnDelegate extends StepDelegate {

  private final ShopifyReturns shopify;

  ApproveShopifyReturnDelegate(ShopifyReturns shopify) {
    this.shopify = shopify;
  }

  @Override
  protected void run(Step step) {
    String returnId = ShopifyMirror.returnId(step.record());
    step.once(ShopifyMirror.SYSTEM, "SHOPIFY_RETURN_APPROVED", () -> {
      shopify.approve(returnId);
      return returnId;
    }, "Return approved in Shopify");
  }
}
