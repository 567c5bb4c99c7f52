package io.openrma.security;

import java.util.regex.Pattern;

/**
 * The only expressions a task query or a Tasklist filter may contain: the identity and date
 * functions that Camunda's own filters use, with simple Joda date arithmetic. Anything else
 * (bean references, method calls on arbitrary objects, nested expressions) is refused before
 * the engine evaluates it, because evaluating a JUEL expression can run arbitrary code.
 *
 * <p>Camunda 7.24.0 Community only checks ad-hoc queries, and not the queries nested in
 * {@code orQueries} or merged in by filter extension; later patch releases added a validator
 * that this class stands in for.
 */
public final class QueryExpressionPolicy {

  private static final String DATE_ARITHMETIC = "(\\.(plus|minus)(Years|Months|Weeks|Days|Hours|Minutes|Seconds|Millis)\\(\\s*\\d{1,6}\\s*\\)"
      + "|\\.withTimeAtStartOfDay\\(\\s*\\))*(\\.toDate\\(\\s*\\))?";

  private static final Pattern ALLOWED = Pattern.compile(
      "^\\$\\{\\s*(currentUser\\(\\s*\\)|currentUserGroups\\(\\s*\\)"
          + "|now\\(\\s*\\)|dateTime\\(\\s*\\)" + DATE_ARITHMETIC + ")\\s*}$");

  /** Finds anything that looks like the start of an expression, in either JUEL syntax. */
  private static final Pattern EXPRESSION_START = Pattern.compile("[$#]\\s*\\{");

  private QueryExpressionPolicy() {
  }

  public static boolean isAllowed(String expression) {
    return expression != null && ALLOWED.matcher(expression.trim()).matches();
  }

  public static boolean looksLikeExpression(String value) {
    return value != null && EXPRESSION_START.matcher(value).find();
  }

  public static String describeAllowed() {
    return "only ${currentUser()}, ${currentUserGroups()}, ${now()} and ${dateTime()} "
        + "(with plusDays(n), minusHours(n), withTimeAtStartOfDay(), toDate() and the like) are allowed in task queries";
  }
}
