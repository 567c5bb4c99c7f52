package benchdriver;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Just enough JSON for the driver: a reader into Map/List/String/Double/Boolean/null, and a writer. */
final class Json {

  private final String text;
  private int pos;

  private Json(String text) {
    this.text = text;
  }

  static Object parse(String text) {
    Json json = new Json(text);
    json.skip();
    Object value = json.value();
    json.skip();
    if (json.pos != text.length()) {
      throw new IllegalArgumentException("trailing characters at " + json.pos);
    }
    return value;
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> object(String text) {
    return (Map<String, Object>) parse(text);
  }

  /** Follows a path of keys (String) and indexes (Integer); null when absent. */
  @SuppressWarnings("unchecked")
  static Object at(Object node, Object... path) {
    Object current = node;
    for (Object step : path) {
      if (current instanceof Map<?, ?> map && step instanceof String key) {
        current = ((Map<String, Object>) map).get(key);
      } else if (current instanceof List<?> list && step instanceof Integer index) {
        current = index < list.size() ? list.get(index) : null;
      } else {
        return null;
      }
    }
    return current;
  }

  static String str(Object node, Object... path) {
    Object value = at(node, path);
    return value == null ? null : value.toString();
  }

  private Object value() {
    char c = text.charAt(pos);
    switch (c) {
      case '{' :
        return objectValue();
      case '[' :
        return arrayValue();
      case '"' :
        return string();
      case 't' :
        pos += 4;
        return Boolean.TRUE;
      case 'f' :
        pos += 5;
        return Boolean.FALSE;
      case 'n' :
        pos += 4;
        return null;
      default :
        return number();
    }
  }

  private Map<String, Object> objectValue() {
    Map<String, Object> map = new LinkedHashMap<>();
    pos++;
    skip();
    if (text.charAt(pos) == '}') {
      pos++;
      return map;
    }
    while (true) {
      skip();
      String key = string();
      skip();
      pos++; // ':'
      skip();
      map.put(key, value());
      skip();
      char c = text.charAt(pos++);
      if (c == '}') {
        return map;
      }
    }
  }

  private List<Object> arrayValue() {
    List<Object> list = new ArrayList<>();
    pos++;
    skip();
    if (text.charAt(pos) == ']') {
      pos++;
      return list;
    }
    while (true) {
      skip();
      list.add(value());
      skip();
      char c = text.charAt(pos++);
      if (c == ']') {
        return list;
      }
    }
  }

  private String string() {
    StringBuilder out = new StringBuilder();
    pos++;
    while (true) {
      char c = text.charAt(pos++);
      if (c == '"') {
        return out.toString();
      }
      if (c == '\\') {
        char e = text.charAt(pos++);
        switch (e) {
          case 'n' -> out.append('\n');
          case 't' -> out.append('\t');
          case 'r' -> out.append('\r');
          case 'b' -> out.append('\b');
          case 'f' -> out.append('\f');
          case 'u' -> {
            out.append((char) Integer.parseInt(text.substring(pos, pos + 4), 16));
            pos += 4;
          }
          default -> out.append(e);
        }
      } else {
        out.append(c);
      }
    }
  }

  private Double number() {
    int start = pos;
    while (pos < text.length() && "+-0123456789.eE".indexOf(text.charAt(pos)) >= 0) {
      pos++;
    }
    return Double.valueOf(text.substring(start, pos));
  }

  private void skip() {
    while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
      pos++;
    }
  }

  // ---------------------------------------------------------------------------------------- writing

  static String write(Object value) {
    StringBuilder out = new StringBuilder();
    write(out, value, 0);
    return out.toString();
  }

  private static void write(StringBuilder out, Object value, int indent) {
    if (value == null) {
      out.append("null");
    } else if (value instanceof String s) {
      quote(out, s);
    } else if (value instanceof Double d) {
      out.append(d.isNaN() || d.isInfinite() ? "null" : round(d));
    } else if (value instanceof Float f) {
      write(out, f.doubleValue(), indent);
    } else if (value instanceof Number || value instanceof Boolean) {
      out.append(value);
    } else if (value instanceof Map<?, ?> map) {
      if (map.isEmpty()) {
        out.append("{}");
        return;
      }
      out.append("{\n");
      Iterator<? extends Map.Entry<?, ?>> entries = map.entrySet().iterator();
      while (entries.hasNext()) {
        Map.Entry<?, ?> entry = entries.next();
        out.append("  ".repeat(indent + 1));
        quote(out, entry.getKey().toString());
        out.append(": ");
        write(out, entry.getValue(), indent + 1);
        out.append(entries.hasNext() ? ",\n" : "\n");
      }
      out.append("  ".repeat(indent)).append('}');
    } else if (value instanceof Iterable<?> list) {
      Iterator<?> items = list.iterator();
      if (!items.hasNext()) {
        out.append("[]");
        return;
      }
      boolean simple = true;
      for (Object item : list) {
        simple &= !(item instanceof Map<?, ?>) && !(item instanceof Iterable<?>);
      }
      out.append('[');
      while (items.hasNext()) {
        if (!simple) {
          out.append('\n').append("  ".repeat(indent + 1));
        }
        write(out, items.next(), indent + 1);
        if (items.hasNext()) {
          out.append(simple ? ", " : ",");
        }
      }
      if (!simple) {
        out.append('\n').append("  ".repeat(indent));
      }
      out.append(']');
    } else {
      quote(out, value.toString());
    }
  }

  private static String round(double d) {
    if (d == Math.rint(d) && Math.abs(d) < 1e15) {
      return Long.toString((long) d);
    }
    return String.format(java.util.Locale.ROOT, "%.3f", d).replaceAll("0+$", "").replaceAll("\\.$", "");
  }

  static String quote(String s) {
    StringBuilder out = new StringBuilder();
    quote(out, s);
    return out.toString();
  }

  private static void quote(StringBuilder out, String s) {
    out.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (c < 0x20) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    out.append('"');
  }
}
