package io.openrma.portal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.springframework.context.MessageSource;

/**
 * A form's errors in the customer's words, each with the id of the field it is about: the page lists them at
 * the top, each a link to its field, and the field names its error in {@code aria-describedby}.
 */
final class Problems {

  /** {@code field}: the id of the input the error is about. */
  record Problem(String field, String text) {
  }

  private final MessageSource messages;
  private final Locale locale;
  private final List<Problem> list = new ArrayList<>();

  Problems(MessageSource messages, Locale locale) {
    this.messages = messages;
    this.locale = locale;
  }

  void add(String field, String code, Object... args) {
    list.add(new Problem(field, messages.getMessage(code, args, locale)));
  }

  public boolean isEmpty() {
    return list.isEmpty();
  }

  /** The problems, for the template. */
  public List<Problem> list() {
    return List.copyOf(list);
  }

  /** The error of one field, or {@code null}. */
  public String of(String field) {
    return list.stream().filter(p -> p.field().equals(field)).map(Problem::text).findFirst().orElse(null);
  }
}
