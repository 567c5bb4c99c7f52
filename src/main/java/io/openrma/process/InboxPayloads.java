package io.openrma.process;

import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The inbox keeps an event's process variables as a small JSON object, so a queued event is
 * delivered later with the same variables it would have carried at once.
 */
public final class InboxPayloads {

  private static final ObjectMapper JSON = new ObjectMapper();

  private InboxPayloads() {
  }

  public static String of(Map<String, Object> variables) {
    try {
      return JSON.writeValueAsString(variables);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(e);
    }
  }

  static Map<String, Object> variables(String payload) {
    if (payload == null || payload.isBlank()) {
      return Map.of();
    }
    try {
      return JSON.readValue(payload, new TypeReference<LinkedHashMap<String, Object>>() {
      });
    } catch (JsonProcessingException e) {
      // never deliver the message without its variables: the entry stays pending and the sweep logs this
      throw new IllegalStateException("The inbox entry's variables are not the JSON object they were stored as ("
          + e.getOriginalMessage() + "); the event stays pending until an administrator repairs it", e);
    }
  }
}
