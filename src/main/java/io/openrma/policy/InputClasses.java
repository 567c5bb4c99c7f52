package io.openrma.policy;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.camunda.bpm.model.dmn.instance.DecisionTable;
import org.camunda.bpm.model.dmn.instance.Input;
import org.camunda.bpm.model.dmn.instance.InputEntry;
import org.camunda.bpm.model.dmn.instance.OutputEntry;
import org.camunda.bpm.model.dmn.instance.Rule;

/**
 * Which recorded inputs a decision table cannot tell apart, so that a simulation asks the DMN engine once per
 * class instead of once per return: Camunda's FEEL engine takes about 0.8 ms per evaluation on this machine
 * (bench/README.md), 80 s for 100,000 returns, while a policy tells apart only a few hundred classes of them.
 * The engine still makes every decision; this only says when two inputs must get the same one.
 *
 * <p>A number column whose every entry is empty or a comparison with number literals ({@code < 2500},
 * {@code >= 50000}, {@code [1..30]}, lists of those, {@code not(...)}) is cut at those literals: two values on
 * the same side of (or at) every literal are one class. A string column whose entries are lists of string
 * literals ({@code "DEFECTIVE","WRONG_ITEM"}, {@code not("NEW")}) is the set of those lists a value is in. Any
 * other column (an entry this does not read) is its exact value. When an output entry is not a literal (it could compute from the inputs), every
 * return is its own class.
 */
final class InputClasses {

  private static final Pattern NUMBER = Pattern.compile("-?\\d+(\\.\\d+)?");
  private static final Pattern TEST = Pattern.compile(
      "(?:(<=|>=|<|>|=)?\\s*(-?\\d+(?:\\.\\d+)?))|(?:[\\[\\]()]\\s*(-?\\d+(?:\\.\\d+)?)\\s*\\.\\.\\s*(-?\\d+(?:\\.\\d+)?)\\s*[\\[\\]()])");
  private static final Pattern LITERAL = Pattern.compile("\\s*(\"[^\"]*\"|-?\\d+(\\.\\d+)?|true|false)?\\s*");
  private static final Pattern STRINGS = Pattern.compile("\\s*\"[^\"]*\"\\s*(,\\s*\"[^\"]*\"\\s*)*");
  private static final Pattern STRING = Pattern.compile("\"([^\"]*)\"");

  private final List<String> inputs = new ArrayList<>();
  /** Per input, the literals it is cut at; {@code null}: the exact value. */
  private final List<BigDecimal[]> cuts = new ArrayList<>();
  /** Per input, the string lists its entries test ({@code null}: not a column of string lists). */
  private final List<List<java.util.Set<String>>> lists = new ArrayList<>();
  private final boolean constantOutputs;

  InputClasses(DecisionTable table) {
    List<Input> columns = List.copyOf(table.getInputs());
    for (int i = 0; i < columns.size(); i++) {
      Input column = columns.get(i);
      inputs.add(column.getInputExpression() == null || column.getInputExpression().getText() == null
          ? null
          : column.getInputExpression().getText().getTextContent().strip());
      cuts.add(cutsOf(table, i));
      lists.add(listsOf(table, i));
    }
    boolean constant = true;
    for (Rule rule : table.getRules()) {
      for (OutputEntry entry : rule.getOutputEntries()) {
        String text = entry.getText() == null ? "" : entry.getText().getTextContent();
        constant &= LITERAL.matcher(text).matches();
      }
    }
    this.constantOutputs = constant;
  }

  /** The class of these inputs; {@code null} when every return is its own (outputs that compute). */
  List<Object> of(Map<String, Object> values) {
    if (!constantOutputs) {
      return null;
    }
    List<Object> key = new ArrayList<>(inputs.size());
    for (int i = 0; i < inputs.size(); i++) {
      Object value = inputs.get(i) == null ? null : values.get(inputs.get(i));
      List<java.util.Set<String>> tested = lists.get(i);
      if (tested != null && value instanceof String text) {
        StringBuilder in = new StringBuilder(tested.size());
        tested.forEach(list -> in.append(list.contains(text) ? '1' : '0'));
        key.add(in.toString());
        continue;
      }
      BigDecimal[] at = cuts.get(i);
      if (at == null || !(value instanceof Number number)) {
        key.add(value);
        continue;
      }
      BigDecimal v = new BigDecimal(number.toString());
      StringBuilder sides = new StringBuilder(at.length);
      for (BigDecimal cut : at) {
        sides.append(switch (Integer.signum(v.compareTo(cut))) {
          case -1 -> '<';
          case 0 -> '=';
          default -> '>';
        });
      }
      key.add(sides.toString());
    }
    return key;
  }

  /** A column whose entries are empty or lists of string literals (with or without {@code not(...)}). */
  private static List<java.util.Set<String>> listsOf(DecisionTable table, int column) {
    List<java.util.Set<String>> lists = new ArrayList<>();
    for (Rule rule : table.getRules()) {
      String text = entry(rule, column);
      if (text.isEmpty() || text.equals("-")) {
        continue;
      }
      if (text.startsWith("not(") && text.endsWith(")")) {
        text = text.substring(4, text.length() - 1);
      }
      if (!STRINGS.matcher(text).matches()) {
        return null;
      }
      java.util.Set<String> list = new java.util.HashSet<>();
      Matcher m = STRING.matcher(text);
      while (m.find()) {
        list.add(m.group(1));
      }
      lists.add(list);
    }
    return lists;
  }

  private static String entry(Rule rule, int column) {
    List<InputEntry> entries = List.copyOf(rule.getInputEntries());
    return column < entries.size() && entries.get(column).getText() != null
        ? entries.get(column).getText().getTextContent().strip()
        : "";
  }

  private static BigDecimal[] cutsOf(DecisionTable table, int column) {
    TreeSet<BigDecimal> literals = new TreeSet<>();
    for (Rule rule : table.getRules()) {
      List<InputEntry> entries = List.copyOf(rule.getInputEntries());
      String text = column < entries.size() && entries.get(column).getText() != null
          ? entries.get(column).getText().getTextContent().strip()
          : "";
      if (text.isEmpty() || text.equals("-")) {
        continue;
      }
      if (text.startsWith("not(") && text.endsWith(")")) {
        text = text.substring(4, text.length() - 1);
      }
      for (String test : text.split(",")) {
        Matcher m = TEST.matcher(test.strip());
        if (!m.matches()) {
          return null; // a test this does not read: the column's exact value decides
        }
        Matcher numbers = NUMBER.matcher(test);
        while (numbers.find()) {
          literals.add(new BigDecimal(numbers.group()));
        }
      }
    }
    return literals.toArray(BigDecimal[]::new);
  }
}
