package io.openrma.process;

import io.openrma.integrations.shopify.ShopifyReturns;
import io.openrma.returns.ReturnRecord;
import org.springframework.stereotype.Component;

/**
 * "Decline return in Shopify": the rejection, with the reviewer's comment or the policy's note, on Shopify's
 * return request ({@code declineReason OTHER}: Shopify's other reasons, final sale and return period ended,
 * are refused before a return exists). Nothing when the return was never opened in Shopify.
 */
@Component
public class DeclineShopifyReturnDelegate extends StepDelegate {

  private final ShopifyReturns shopify;

  DeclineShopifyReturnDelegate(ShopifyReturns shopify) {
    this.shopify = shopify;
  }

  @Override
  protected void run(Step step) {
    ReturnRecord record = step.record();
    if (!ShopifyMirror.hasReturn(record)) {
      step.note("SHOPIFY_NOT_OPENED", "Never opened in Shopify: nothing to decline there");
      return;
    }
    String returnId = record.source().returnId();
    Object reviewComment = step.variable(ProcessIds.VAR_REVIEW_COMMENT);
    String note = "REJECT".equals(step.variable(ProcessIds.VAR_REVIEW_DECISION)) && reviewComment != null
        ? reviewComment.toString()
        : record.policy() == null ? null : record.policy().note();
    step.once(ShopifyMirror.SYSTEM, "SHOPIFY_RETURN_DECLINED", () -> {
      shopify.decline(returnId, "OTHER", note == null ? "Declined by " + step.rmaNumber() : note);
      return returnId;
    }, "Return request declined in Shopify");
  }
}
