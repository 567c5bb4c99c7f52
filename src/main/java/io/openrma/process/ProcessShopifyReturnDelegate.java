package io.openrma.process;

import java.util.stream.Collectors;

import io.openrma.integrations.shopify.ShopifyReturns;
import io.openrma.returns.ReturnRecord;
import org.springframework.stereotype.Component;

/**
 * "Process return in Shopify": {@code returnProcess} with what the warehouse found, then {@code returnClose}.
 * Each is made once (its own effect key). When "Refund payment" refunded a Shopify-paid order, it did so
 * through {@code returnProcess} with these dispositions already; Shopify then has nothing unprocessed and
 * the adapter sends no second one: only the close is left.
 */
@Component
public class ProcessShopifyReturnDelegate extends StepDelegate {

  private final ShopifyReturns shopify;

  ProcessShopifyReturnDelegate(ShopifyReturns shopify) {
    this.shopify = shopify;
  }

  @Override
  protected void run(Step step) {
    ReturnRecord record = step.record();
    String returnId = ShopifyMirror.returnId(record);
    var dispositions = ShopifyMirror.dispositions(record);
    step.once(ShopifyMirror.SYSTEM, "SHOPIFY_RETURN_PROCESSED", "PROCESS", () -> {
      shopify.process(returnId, dispositions, null);
      return returnId;
    }, "Processed in Shopify: " + dispositions.stream()
        .map(d -> d.quantity() + "x " + d.disposition()).collect(Collectors.joining(", ")));
    step.once(ShopifyMirror.SYSTEM, "SHOPIFY_RETURN_CLOSED", "CLOSE", () -> {
      shopify.close(returnId);
      return returnId;
    }, "Return closed in Shopify");
  }
}
