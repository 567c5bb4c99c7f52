package io.openrma.returns;

/** A postal address; the return label is shipped from here. */
public record Address(String line1, String line2, String city, String state, String postalCode, String country) {

  public String oneLine() {
    StringBuilder text = new StringBuilder(line1);
    if (line2 != null && !line2.isBlank()) {
      text.append(", ").append(line2);
    }
    text.append(", ").append(postalCode).append(' ').append(city);
    if (state != null && !state.isBlank()) {
      text.append(", ").append(state);
    }
    return text.append(", ").append(country).toString();
  }
}
