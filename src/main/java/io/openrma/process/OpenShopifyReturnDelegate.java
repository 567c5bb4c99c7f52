package io.openrma.process;

import io.openrma.integrations.shopify.ShopifyReturns;
import io.openrma.returns.Resolution;
import io.openrma.returns.ReturnRecord;
import io.openrma.returns.ReturnService;
import org.springframework.stereotype.Component;

/**
 * "Open return in Shopify": the return in Shopify mirrors OpenRMA's. {@code returnRequest} while it waits
 * for a review, {@code returnCreate} when the policy approved it; nothing when the policy rejects a return
 * Shopify never heard of. A return the customer asked for in Shopify itself is Shopify's already: approved
 * there when the policy approves it (declined by "Decline return in Shopify" when it rejects it). An exchange
 * that waits for a review is opened by "Approve return in Shopify": Shopify takes exchange items only on a
 * return created approved.
 */
@Component
public class OpenShopifyReturnDelegate extends StepDelegate {

  private final ShopifyReturns shopify;
  private final ReturnService returns;

  OpenShopifyReturnDelegate(ShopifyReturns shopify, ReturnService returns) {
    this.shopify = shopify;
    this.returns = returns;
  }

  @Override
  protected void run(Step step) {
    ReturnRecord record = step.record();
    String decision = record.policy().decision();
    boolean approved = "AUTO_APPROVE".equals(decision);
    if (ShopifyMirror.hasReturn(record)) {
      String returnId = record.source().returnId();
      if (approved) {
        step.once(ShopifyMirror.SYSTEM, "SHOPIFY_RETURN_APPROVED", () -> {
          shopify.approve(returnId);
          return returnId;
        }, "The customer's return request in Shopify approved, as the policy decided");
      }
      return;
    }
    if ("REJECT".equals(decision)) {
      step.note("SHOPIFY_NOT_OPENED", "Rejected by the policy: no return opened in Shopify");
      return;
    }
    if (!approved && record.resolution() == Resolution.EXCHANGE) {
      step.note("SHOPIFY_NOT_OPENED", "An exchange is opened in Shopify once approved: Shopify takes exchange items "
          + "only on an approved return");
      return;
    }
    ShopifyMirror.open(step, shopify, returns, approved);
  }
}
