package io.openrma.process;

import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.stereotype.Component;

/**
 * The inbox keeps an event's process variables as a small JSON object, so a queued event is
 * delivered later with the same variables it would have carried at once.
 */
@Component
public class InboxPayloads {

  private final ObjectMapper json;

  /** Boot's mapper, but keeping null values: a variable set to null must arrive as null, not go missing. */
  InboxPayloads(ObjectMapper json) {
    this.json = json.copy().setDefaultPropertyInclusion(JsonInclude.Include.ALWAYS);
  }

  public String of(Map<String, Object> variables) {
    try {
      return json.writeValueAsString(variables);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(e);
    }
  }

  Map<String, Object> variables(String payload) {
    if (payload == null || payload.isBlank()) {
      return Map.of();
    }
    try {
      return json.readValue(payload, new TypeReference<LinkedHashMap<String, Object>>() {
      });
    } catch (JsonProcessingException e) {
      // never deliver the message without its variables: the entry stays pending and the sweep logs this
      throw new IllegalStateException("The inbox entry's variables are not the JSON object they were stored as ("
          + e.getOriginalMessage() + "); the event stays pending until an administrator repairs it", e);
    }
  }
}
