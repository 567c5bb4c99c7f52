package io.openrma.process;

import io.openrma.integrations.shopify.ShopifyReturns;
import io.openrma.returns.ReturnService;
import org.springframework.stereotype.Component;

/**
 * "Approve return in Shopify": customer service approved it, so Shopify's return request is approved too; an
 * exchange, not opened in Shopify while it waited (Shopify takes exchange items only on an approved return),
 * is opened approved now.
 */
@Component
public class ApproveShopifyReturnDelegate extends StepDelegate {

  private final ShopifyReturns shopify;
  private final ReturnService returns;

  ApproveShopifyReturnDelegate(ShopifyReturns shopify, ReturnService returns) {
    this.shopify = shopify;
    this.returns = returns;
  }

  @Override
  protected void run(Step step) {
    if (!ShopifyMirror.hasReturn(step.record())) {
      ShopifyMirror.open(step, shopify, returns, true);
      return;
    }
    String returnId = ShopifyMirror.returnId(step.record());
    step.once(ShopifyMirror.SYSTEM, "SHOPIFY_RETURN_APPROVED", () -> {
      shopify.approve(returnId);
      return returnId;
    }, "Return approved in Shopify");
  }
}
