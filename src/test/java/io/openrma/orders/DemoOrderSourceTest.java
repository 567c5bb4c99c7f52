package io.openrma.orders;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.List;

import io.openrma.returns.ItemCondition;
import io.openrma.returns.OrderReturnRequest;
import io.openrma.returns.ReturnReason;
import org.junit.jupiter.api.Test;

/** The demo orders: found by number and email or postal code, and dated so that each shows its case on any day. */
class DemoOrderSourceTest {

  private final Clock clock = Clock.fixed(Instant.parse("2026-03-01T12:00:00Z"), ZoneOffset.UTC);
  private final DemoOrderSource demo = new DemoOrderSource(clock);

  @Test
  void anOrderIsFoundByItsNumberAndTheEmailInAnyCase() {
    Order order = demo.find("#1001", " Jane.Doe@Example.com ").orElseThrow();
    assertThat(order.orderId()).isEqualTo("DEMO-1001");
    assertThat(order.customer().name()).isEqualTo("Jane Doe");
    assertThat(order.lines()).extracting(Order.Line::sku).containsExactly("TSHIRT-MERINO-M", "CHINO-SLIM-3232");
    assertThat(demo.find("1001", "jane.doe@example.com")).contains(order);
  }

  @Test
  void anOrderIsFoundByItsNumberAndThePostalCodeIgnoringSpacesAndCase() {
    assertThat(demo.find("#1002", "203 54")).map(Order::orderId).contains("DEMO-1002");
    assertThat(demo.find("#1002", "20354")).map(Order::orderId).contains("DEMO-1002");
  }

  @Test
  void aWrongPairAnswersEmptyExactlyAsAnUnknownOrder() {
    assertThat(demo.find("#1001", "max.mustermann@example.com")).isEmpty();
    assertThat(demo.find("#1001", "20354")).isEmpty();
    assertThat(demo.find("#1001", " ")).isEmpty();
    assertThat(demo.find("#9999", "jane.doe@example.com")).isEmpty();
  }

  @Test
  void anOrderIsReadByItsId() {
    assertThat(demo.get("DEMO-1003")).map(Order::orderNumber).contains("#1003");
    assertThat(demo.get("DEMO-0000")).isEmpty();
  }

  @Test
  void eachDemoOrderShowsItsCaseOnAnyDay() {
    Eligibility rules = new Eligibility(Period.ofDays(30), "final-sale", clock);
    assertThat(refusal(rules, "#1001", "DEMO-1001-1", 2)).isEmpty();
    assertThat(refusal(rules, "#1002", "DEMO-1002-2", 3)).contains("only 2 of 3 fulfilled units");
    assertThat(refusal(rules, "#1003", "DEMO-1003-1", 1)).contains("final sale");
    assertThat(refusal(rules, "#1004", "DEMO-1004-1", 2)).contains("only 1 of 1 fulfilled units");
    assertThat(refusal(rules, "#1005", "DEMO-1005-1", 1)).contains("delivered 45 days ago");
    assertThat(refusal(rules, "#1007", "DEMO-1007-1", 1)).contains("not delivered yet");
    assertThat(demo.get("DEMO-1006").orElseThrow().payment().paymentIntentId()).isNull();
    assertThat(demo.orders()).filteredOn(o -> o.payment().paymentIntentId() != null)
        .allSatisfy(o -> assertThat(o.payment().paymentIntentId()).matches("pi_[A-Za-z0-9_]+"));
  }

  @Test
  void theAmountCapturedIsWhatTheLinesTaxAndShippingCost() {
    assertThat(demo.orders()).allSatisfy(o -> assertThat(o.payment().amountCaptured()).isEqualTo(
        o.shipping() + o.lines().stream().mapToLong(l -> l.unitPrice() * l.quantity() + l.tax()).sum()));
  }

  private String refusal(Eligibility rules, String number, String lineItemId, int quantity) {
    Order order = demo.get("DEMO-" + number.substring(1)).orElseThrow();
    return rules.check(order, List.of(new OrderReturnRequest.Line(lineItemId, quantity, ReturnReason.DOES_NOT_FIT,
        null, ItemCondition.NEW, null)), sku -> 0).stream().map(v -> v.message()).findFirst().orElse("");
  }
}
