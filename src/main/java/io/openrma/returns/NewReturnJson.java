package io.openrma.returns;

import java.io.IOException;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonNode;
import org.springframework.boot.jackson.JsonComponent;

/**
 * Reads a {@link NewReturn}: an {@code order} that names a {@code source} or an {@code orderNumber} is an
 * order reference; every other body is read as the full request exactly as before, so its errors (and
 * the field paths they name) stay the same. Registered for the interface only, never for the records.
 */
@JsonComponent
class NewReturnJson extends JsonDeserializer<NewReturn> {

  @Override
  public NewReturn deserialize(JsonParser parser, DeserializationContext context) throws IOException {
    JsonNode body = context.readTree(parser);
    JsonNode order = body.get("order");
    boolean reference = order != null && order.isObject() && (order.has("source") || order.has("orderNumber"));
    return reference
        ? context.readTreeAsValue(body, OrderReturnRequest.class)
        : context.readTreeAsValue(body, CreateReturnRequest.class);
  }
}
