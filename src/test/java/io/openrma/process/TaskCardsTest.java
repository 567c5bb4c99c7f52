package io.openrma.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import io.openrma.returns.ItemCategory;
import io.openrma.returns.ItemCondition;
import io.openrma.returns.OrderReference;
import io.openrma.returns.ReturnLine;
import io.openrma.returns.ReturnReason;
import io.openrma.returns.ReturnRecord;
import io.openrma.returns.ReturnRecords;
import org.junit.jupiter.api.Test;

/** What a Tasklist card says: the step, the RMA and the items, short enough for one line of a card. */
class TaskCardsTest {

  @Test
  void theNameIsTheStepWithTheRmaAndItsItems() {
    ReturnRecord record = returnWith(line(1, "Electric kettle", 1, ReturnReason.DEFECTIVE));

    assertThat(TaskCards.name("Inspect returned items", record))
        .isEqualTo("Inspect returned items: RMA-001004 (1 x Electric kettle)");
  }

  @Test
  void aReturnWithManyLinesNamesTheFirstOnesAndCountsTheRest() {
    List<ReturnLine> lines = new ArrayList<>();
    for (int n = 1; n <= 12; n++) {
      lines.add(line(n, "Merino socks, size " + n, 2, ReturnReason.NO_LONGER_NEEDED));
    }

    String name = TaskCards.name("Inspect returned items", returnWith(lines.toArray(ReturnLine[]::new)));

    assertThat(name).startsWith("Inspect returned items: RMA-001004 (2 x Merino socks, size 1; 2 x Merino socks, "
        + "size 2; ").endsWith(" more)");
    assertThat(name.length()).isLessThanOrEqualTo("Inspect returned items: RMA-001004 ()".length()
        + TaskCards.ITEMS_IN_NAME);
    int named = name.split("; ").length - 1;
    assertThat(name).endsWith("+" + (12 - named) + " more)");
  }

  @Test
  void aLongDescriptionIsCutInTheNameButNotInTheDescription() {
    String longName = "Espresso machine with milk frother, grinder and two portafilters, stainless steel";
    ReturnRecord record = returnWith(line(1, longName, 1, ReturnReason.NOT_AS_DESCRIBED));

    assertThat(TaskCards.name("Review return request", record))
        .isEqualTo("Review return request: RMA-001004 (1 x Espresso machine with milk frot…)");
    assertThat(TaskCards.description(record, null)).contains(longName);
  }

  @Test
  void theDescriptionListsEveryLineWithItsReadableReasonAndKeepsTheStepsDocumentation() {
    ReturnRecord record = returnWith(line(1, "Electric kettle", 1, ReturnReason.DEFECTIVE),
        line(2, "T-shirt, M", 2, ReturnReason.DOES_NOT_FIT));

    assertThat(TaskCards.description(record, "The warehouse grades each line.")).isEqualTo(
        "RMA-001004, order SO-5001: 1 x Electric kettle (Defective); 2 x T-shirt, M (Does not fit)\n\n"
            + "The warehouse grades each line.");
  }

  private static ReturnLine line(int lineNo, String description, int quantity, ReturnReason reason) {
    return new ReturnLine(lineNo, "SKU-" + lineNo, description, ItemCategory.GENERAL, quantity, quantity, 1000, 0, 190,
        reason, null, ItemCondition.NEW, null, null, null);
  }

  private static ReturnRecord returnWith(ReturnLine... lines) {
    OrderReference order = new OrderReference("SO-5001", LocalDate.of(2026, 11, 1), LocalDate.of(2026, 11, 3), "EUR",
        5000, 0, "pi_1", null, null);
    return ReturnRecords.of(1, "RMA-001004", null, null, order, null, null, List.of(lines), "carl", null);
  }
}
