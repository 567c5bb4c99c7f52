package io.openrma.orders;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.openrma.returns.ItemCategory;
import io.openrma.returns.ItemCondition;
import io.openrma.returns.OrderReturnRequest;
import io.openrma.returns.ReturnReason;
import io.openrma.system.ApiProblems.Violation;
import org.junit.jupiter.api.Test;

/** Which units of an order can still be returned, and what each refusal says. No Spring. */
class EligibilityTest {

  private static final Instant NOW = Instant.parse("2026-06-15T10:00:00Z");
  private final Eligibility eligibility = new Eligibility(Period.ofDays(30), "final-sale",
      Clock.fixed(NOW, ZoneOffset.UTC));

  @Test
  void fulfilledUnitsDeliveredWithinTheWindowCanBeReturned() {
    assertThat(eligibility.check(order(5, line("L1", 2, 2, 0)), ask("L1", 2), none())).isEmpty();
  }

  @Test
  void unitsReturnedAtTheSourceAndInOpenRmaReturnsAreTakenFromTheFulfilledOnes() {
    Order order = order(5, line("L1", 3, 3, 1));
    Map<String, Integer> inOwnReturns = Map.of("SKU-L1", 1);

    assertThat(eligibility.check(order, ask("L1", 1), inOwnReturns::get)).isEmpty();
    assertThat(eligibility.check(order, ask("L1", 2), inOwnReturns::get)).containsExactly(new Violation(
        "lines[0].quantity",
        "Item L1 (SKU-L1): only 1 of 3 fulfilled units can still be returned (2 already returned or in a return)"));
  }

  @Test
  void unitsInAnEarlierOpenRmaReturnAloneLimitTheNextReturn() {
    assertThat(eligibility.check(order(5, line("L1", 2, 2, 0)), ask("L1", 2), sku -> 1))
        .extracting(Violation::message)
        .containsExactly("Item L1 (SKU-L1): only 1 of 2 fulfilled units can still be returned "
            + "(1 already returned or in a return)");
  }

  @Test
  void unitsNotYetShippedOfAPartlyFulfilledOrderCannotBeReturned() {
    Order order = order(5, line("L1", 2, 1, 0), line("L2", 1, 0, 0));

    assertThat(eligibility.check(order, ask("L1", 2), none())).extracting(Violation::message)
        .containsExactly("Item L1 (SKU-L1): only 1 of 1 fulfilled units can still be returned");
    assertThat(eligibility.check(order, ask("L2", 1), none())).extracting(Violation::message)
        .containsExactly("Item L2 (SKU-L2): not shipped yet; it can be returned once it was delivered");
  }

  @Test
  void theWindowCountsFromDeliveryAndIncludesItsLastDay() {
    assertThat(eligibility.check(order(30, line("L1", 1, 1, 0)), ask("L1", 1), none())).isEmpty();
    assertThat(eligibility.check(order(31, line("L1", 1, 1, 0)), ask("L1", 1), none())).containsExactly(
        new Violation("lines[0].quantity",
            "Item L1 (SKU-L1): delivered 31 days ago; returns are accepted for 30 days"));
  }

  @Test
  void theWindowIsTheConfiguredOne() {
    Eligibility fortyFiveDays = new Eligibility(Period.ofDays(45), "final-sale", Clock.fixed(NOW, ZoneOffset.UTC));
    assertThat(fortyFiveDays.check(order(41, line("L1", 1, 1, 0)), ask("L1", 1), none())).isEmpty();
    assertThat(eligibility.check(order(41, line("L1", 1, 1, 0)), ask("L1", 1), none())).extracting(Violation::message)
        .containsExactly("Item L1 (SKU-L1): delivered 41 days ago; returns are accepted for 30 days");
  }

  @Test
  void anOrderNotDeliveredYetCannotBeReturned() {
    Order shipped = withoutDelivery(order(0, line("L1", 1, 1, 0)));
    assertThat(eligibility.check(shipped, ask("L1", 1), none())).extracting(Violation::message)
        .containsExactly("Item L1 (SKU-L1): not delivered yet; it can be returned once it was delivered");
  }

  @Test
  void aLineWhoseProductCarriesTheFinalSaleTagIsNotReturnable() {
    Order order = order(5, line("L1", 1, 1, 0, "apparel", "Final-Sale"));
    assertThat(eligibility.check(order, ask("L1", 1), none())).containsExactly(
        new Violation("lines[0].quantity", "Item L1 (SKU-L1): final sale; final-sale items cannot be returned"));

    Eligibility otherTag = new Eligibility(Period.ofDays(30), "no-returns", Clock.fixed(NOW, ZoneOffset.UTC));
    assertThat(otherTag.check(order, ask("L1", 1), none())).isEmpty();
  }

  @Test
  void aLineNotInTheOrderOrAskedTwiceIsNamed() {
    Order order = order(5, line("L1", 2, 2, 0));
    List<OrderReturnRequest.Line> lines = List.of(wanted("L9", 1), wanted("L1", 1), wanted("L1", 1));

    assertThat(eligibility.check(order, lines, none())).containsExactly(
        new Violation("lines[0].lineItemId", "is not a line of order #1 (L9)"),
        new Violation("lines[2].lineItemId", "Item L1 (SKU-L1) appears twice: return it as one line"));
  }

  @Test
  void everyRefusedLineIsReportedWithItsIndex() {
    Order order = order(5, line("L1", 1, 1, 0, "final-sale"), line("L2", 1, 1, 0), line("L3", 1, 1, 1));
    List<OrderReturnRequest.Line> lines = List.of(wanted("L1", 1), wanted("L2", 1), wanted("L3", 1));

    assertThat(eligibility.check(order, lines, none())).extracting(Violation::field)
        .containsExactly("lines[0].quantity", "lines[2].quantity");
  }

  private static java.util.function.ToIntFunction<String> none() {
    return sku -> 0;
  }

  private static Order order(int deliveredDaysAgo, Order.Line... lines) {
    Order.Customer customer = new Order.Customer("C1", "Jane Doe", "jane@example.com", null,
        new Order.Address("Hauptstr. 1", null, "Berlin", null, "10115", "DE"));
    return new Order("test", "O-1", "#1", NOW.minus(Duration.ofDays(deliveredDaysAgo + 3)), "EUR", customer,
        List.of(lines), 490, NOW.minus(Duration.ofDays(deliveredDaysAgo)),
        new Order.Payment("stripe", "pi_1", "tx_1", 10_000));
  }

  private static Order withoutDelivery(Order o) {
    return new Order(o.source(), o.orderId(), o.orderNumber(), o.placedAt(), o.currency(), o.customer(), o.lines(),
        o.shipping(), null, o.payment());
  }

  private static Order.Line line(String id, int quantity, int fulfilled, int returnedAtSource, String... tags) {
    return new Order.Line(id, "SKU-" + id, "Item " + id, quantity, fulfilled, returnedAtSource, 1_000, 190,
        Set.of(tags), ItemCategory.GENERAL);
  }

  private static List<OrderReturnRequest.Line> ask(String id, int quantity) {
    return List.of(wanted(id, quantity));
  }

  private static OrderReturnRequest.Line wanted(String id, int quantity) {
    return new OrderReturnRequest.Line(id, quantity, ReturnReason.DOES_NOT_FIT, null, ItemCondition.NEW, null);
  }
}
