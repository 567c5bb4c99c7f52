package io.openrma.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.junit.jupiter.api.Test;

class InboxPayloadsTest {

  @Test
  void aQueuedEventKeepsTheVariablesItCameWith() {
    assertThat(InboxPayloads.variables(InboxPayloads.of(Map.of("pickedUpAt", "2026-12-01T10:00:00Z"))))
        .containsEntry("pickedUpAt", "2026-12-01T10:00:00Z");
  }

  @Test
  void anUnreadablePayloadIsAVisibleFailureNeverAMessageWithoutItsVariables() {
    assertThatThrownBy(() -> InboxPayloads.variables("{\"pickedUpAt\": \"2026-12-01"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("stays pending");
  }
}
