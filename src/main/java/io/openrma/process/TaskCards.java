package io.openrma.process;

import java.util.ArrayList;
import java.util.List;

import io.openrma.returns.ReturnLine;
import io.openrma.returns.ReturnRecord;

/**
 * What a Tasklist card says about a task. Group users may not read process variables, so a filter
 * column with the RMA number stays empty for them; the task's own name and description are what every
 * card shows. The name keeps the diagram's name in front: {@code Inspect returned items: RMA-001004
 * (1 x Electric kettle; 2 x T-shirt, M; +3 more)}. The description lists every line with its reason,
 * then the step's documentation from the diagram.
 * Neither carries personal data: both are kept in the task history.
 */
final class TaskCards {

  /** Room for the items in a name; Tasklist's card shows about one line of it. */
  static final int ITEMS_IN_NAME = 70;
  /** One item's description in a name, cut beyond this. */
  static final int DESCRIPTION_IN_NAME = 32;
  /** The engine's column for task descriptions holds 4000 characters. */
  static final int DESCRIPTION_LENGTH = 4000;

  private TaskCards() {
  }

  /** {@code <step>: RMA-001004 (1 x Electric kettle)}, the items shortened to fit one card line. */
  static String name(String step, ReturnRecord record) {
    List<String> items = new ArrayList<>();
    int length = 0;
    List<ReturnLine> lines = record.lines();
    for (int i = 0; i < lines.size(); i++) {
      String item = lines.get(i).quantityReturned() + " x " + cut(lines.get(i).description(), DESCRIPTION_IN_NAME);
      int rest = lines.size() - i - 1;
      int needed = length + item.length() + (rest > 0 ? "; +99 more".length() : 0);
      if (!items.isEmpty() && needed > ITEMS_IN_NAME) {
        items.add("+" + (lines.size() - i) + " more");
        break;
      }
      items.add(item);
      length += item.length() + 2;
    }
    return step + ": " + record.rmaNumber() + " (" + String.join("; ", items) + ")";
  }

  /**
   * {@code RMA-001004, order SO-5001: 1 x Electric kettle (Defective); ...}: every line, with the reason,
   * then what the diagram documents about the step ({@code documentation}, the engine's description so far).
   */
  static String description(ReturnRecord record, String documentation) {
    List<String> items = new ArrayList<>();
    for (ReturnLine line : record.lines()) {
      items.add(line.quantityReturned() + " x " + line.description() + " (" + line.reason().label() + ")");
    }
    String lines = record.rmaNumber() + ", order " + record.order().orderId() + ": " + String.join("; ", items);
    return cut(documentation == null || documentation.isBlank() ? lines : lines + "\n\n" + documentation,
        DESCRIPTION_LENGTH);
  }

  private static String cut(String text, int max) {
    return text.length() <= max ? text : text.substring(0, max - 1).stripTrailing() + "…";
  }
}
