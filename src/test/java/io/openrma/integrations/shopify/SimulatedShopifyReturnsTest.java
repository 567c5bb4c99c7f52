package io.openrma.integrations.shopify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;

import io.openrma.integrations.shopify.ShopifyReturns.LineDisposition;
import io.openrma.integrations.shopify.ShopifyReturns.OpenReturn;
import io.openrma.integrations.shopify.ShopifyReturns.OrderPayment;
import io.openrma.integrations.shopify.ShopifyReturns.Processed;
import io.openrma.integrations.shopify.ShopifyReturns.Refund;
import io.openrma.integrations.shopify.ShopifyReturns.ReturnedLine;
import io.openrma.integrations.shopify.ShopifyReturns.Shipment;
import org.junit.jupiter.api.Test;

class SimulatedShopifyReturnsTest {

  private static final String ORDER = "gid://shopify/Order/1001";
  private final SimulatedShopifyReturns shopify = new SimulatedShopifyReturns();

  private static OpenReturn open(String rma) {
    return new OpenReturn(ORDER, rma, List.of(new ReturnedLine("gid://shopify/LineItem/111", 1, "DEFECTIVE",
        null)), Instant.parse("2026-03-01T10:00:00Z"));
  }

  @Test
  void aReturnIsOpenedOncePerRmaNumberWithDeterministicIds() {
    assertThat(shopify.open(open("RMA-000123"), false)).isEqualTo("gid://shopify/Return/sim-1");
    assertThat(shopify.open(open("RMA-000123"), false)).isEqualTo("gid://shopify/Return/sim-1");
    assertThat(shopify.open(open("RMA-000124"), true)).isEqualTo("gid://shopify/Return/sim-2");
    assertThat(shopify.status("gid://shopify/Return/sim-1")).isEqualTo("REQUESTED");
    assertThat(shopify.status("gid://shopify/Return/sim-2")).isEqualTo("OPEN");
  }

  @Test
  void aReturnGoesFromRequestedToClosedAndEveryStepCanBeRepeated() {
    String id = shopify.open(open("RMA-000123"), false);
    shopify.approve(id);
    shopify.approve(id);
    Shipment label = new Shipment("1Z999", "https://track.example/1Z999", "ups", "https://labels.example/1.pdf");
    String delivery = shopify.addReverseDelivery(id, List.of(), label);
    assertThat(shopify.addReverseDelivery(id, List.of(), label)).isEqualTo(delivery);

    Processed processed = shopify.process(id, List.of(new LineDisposition("gid://shopify/LineItem/111", 1,
        "RESTOCKED")), new Refund("gid://shopify/OrderTransaction/1", 2_990, 0, "EUR"));
    assertThat(processed).isEqualTo(new Processed("gid://shopify/Refund/sim-1", "SUCCEEDED"));
    assertThat(shopify.process(id, List.of(), new Refund("gid://shopify/OrderTransaction/1", 2_990, 0, "EUR")))
        .isEqualTo(processed);
    assertThat(shopify.payment(ORDER)).isEqualTo(new OrderPayment("EUR", Long.MAX_VALUE, 2_990));

    shopify.close(id);
    shopify.close(id);
    shopify.cancel(id, "too late");
    assertThat(shopify.status(id)).isEqualTo("CLOSED");
  }

  @Test
  void cancellingDeclinesARequestedReturnAndCancelsAnOpenOne() {
    String requested = shopify.open(open("RMA-000123"), false);
    String approved = shopify.open(open("RMA-000124"), true);

    shopify.cancel(requested, "withdrawn");
    shopify.cancel(approved, "withdrawn");

    assertThat(shopify.status(requested)).isEqualTo("DECLINED");
    assertThat(shopify.status(approved)).isEqualTo("CANCELED");
  }

  @Test
  void whatShopifyWouldRefuseIsRefused() {
    String id = shopify.open(open("RMA-000123"), false);
    shopify.decline(id, "FINAL_SALE", "Final sale");

    assertThatThrownBy(() -> shopify.approve(id)).isInstanceOf(ShopifyRefusedException.class)
        .hasMessageContaining("returnApproveRequest").hasMessageContaining("DECLINED");
    assertThatThrownBy(() -> shopify.process(id, List.of(), null)).isInstanceOf(ShopifyRefusedException.class);
  }
}
