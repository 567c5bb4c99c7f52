package io.openrma.process;

import io.openrma.integrations.shopify.ShopifyReturns;
import io.openrma.returns.ReturnRecord;
import io.openrma.returns.ReturnService;
import org.springframework.stereotype.Component;

/**
 * "Open return in Shopify": the return in Shopify mirrors OpenRMA's. {@code returnRequest} while it waits
 * for a review, {@code returnCreate} when the policy approved it; nothing when the policy rejects a return
 * Shopify never heard of. A return the customer asked for in Shopify itself is Shopify's already: approved
 * there when the policy approves it (declined by "Decline return in Shopify" when it rejects it).
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
    if (step.done(1)) {
      return; // opened and stored by an earlier run
    }
    String returnId = step.call(ShopifyMirror.SYSTEM, () -> shopify.open(ShopifyMirror.openReturn(record), approved));
    step.made(1, "SHOPIFY_RETURN", returnId, () -> returns.recordSourceReturn(step.rmaNumber(), returnId,
        step.actor(), (approved ? "Open return" : "Return request, waiting for the review,") + " in Shopify: "
            + returnId));
  }
}
