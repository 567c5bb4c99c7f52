package io.openrma.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class InboxPayloadsTest {

  private final InboxPayloads payloads = new InboxPayloads(new ObjectMapper());

  @Test
  void aQueuedEventKeepsTheVariablesItCameWith() {
    assertThat(payloads.variables(payloads.of(Map.of("pickedUpAt", "2026-12-01T10:00:00Z"))))
        .containsEntry("pickedUpAt", "2026-12-01T10:00:00Z");
  }

  @Test
  void aVariableSetToNullArrivesAsNull() {
    Map<String, Object> variables = new java.util.HashMap<>();
    variables.put("arrivalLocation", null);
    assertThat(payloads.variables(payloads.of(variables))).containsEntry("arrivalLocation", null);
  }

  @Test
  void anUnreadablePayloadIsAVisibleFailureNeverAMessageWithoutItsVariables() {
    assertThatThrownBy(() -> payloads.variables("{\"pickedUpAt\": \"2026-12-01"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("stays pending");
  }
}
