package io.openrma.process;

import io.openrma.integrations.shopify.ShopifyReturns;
import io.openrma.integrations.shopify.ShopifyReturns.Shipment;
import io.openrma.returns.Label;
import io.openrma.returns.ReturnRecord;
import org.springframework.stereotype.Component;

/**
 * "Add return shipping to Shopify": the label OpenRMA bought becomes the reverse delivery of Shopify's
 * return (tracking number and label file), so the Shopify admin shows the parcel on its way. Shopify does
 * not email the customer: OpenRMA already did.
 */
@Component
public class AddReturnShippingToShopifyDelegate extends StepDelegate {

  private final ShopifyReturns shopify;

  AddReturnShippingToShopifyDelegate(ShopifyReturns shopify) {
    this.shopify = shopify;
  }

  @Override
  protected void run(Step step) {
    ReturnRecord record = step.record();
    String returnId = ShopifyMirror.returnId(record);
    Label label = record.label();
    step.once(ShopifyMirror.SYSTEM, "SHOPIFY_REVERSE_DELIVERY", () -> shopify.addReverseDelivery(returnId,
        ShopifyMirror.lineItemIds(record),
        new Shipment(label.trackingNumber(), null, label.carrier(), label.labelUrl())),
        "Return shipping " + label.carrier() + " " + label.trackingNumber() + " added to the Shopify return");
  }
}
