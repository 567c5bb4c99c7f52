package io.openrma.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Instant;
import java.util.function.Function;
import java.util.function.Supplier;

import io.openrma.integrations.SimulatedLatency;
import io.openrma.integrations.helpdesk.NoHelpdesk;
import io.openrma.integrations.helpdesk.SimulatedHelpdesk;
import io.openrma.returns.Label;
import io.openrma.returns.ReturnRecord;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

/** The two helpdesk delegates without the engine: which system they name, and what they say without a helpdesk. */
class HelpdeskDelegatesTest {

  private static Step stepOf(String ticketId) {
    ReturnRecord record = mock(ReturnRecord.class);
    when(record.rmaNumber()).thenReturn("RMA-000123");
    when(record.ticketId()).thenReturn(ticketId);
    when(record.label()).thenReturn(new Label("se-1", "fedex", "fedex_ground", "794698437521", "https://x",
        Instant.parse("2026-01-05T10:00:00Z")));
    Step step = mock(Step.class);
    when(step.record()).thenReturn(record);
    when(step.rmaNumber()).thenReturn("RMA-000123");
    return step;
  }

  @Test
  void withoutAHelpdeskAReturnWaitingAtTheStepIsToldNoTicketWasUpdated() {
    Step step = stepOf("4711");

    new UpdateZendeskTrackingDelegate(new NoHelpdesk()).run(step);

    verify(step).note("TICKET_UPDATED_SKIPPED",
        "No helpdesk is connected (openrma.helpdesk.provider=none): ticket 4711 was not updated");
    verify(step, never()).once(anyString(), anyString(), any(Supplier.class), any(Function.class));
  }

  @Test
  @SuppressWarnings("unchecked")
  void theIncidentAndTheTimelineNameTheConfiguredHelpdesk() {
    Step step = stepOf("4711");
    ArgumentCaptor<Function<String, String>> detail = ArgumentCaptor.forClass(Function.class);

    new UpdateZendeskTrackingDelegate(new SimulatedHelpdesk("Gorgias", SimulatedLatency.NONE)).run(step);

    verify(step).once(eq("Gorgias"), eq("TICKET_UPDATED"), any(Supplier.class), detail.capture());
    assertThat(detail.getValue().apply("4711")).isEqualTo("Tracking 794698437521 added to Gorgias ticket 4711");
    assertThat(detail.getValue().apply("")).startsWith("Gorgias has no ticket for this return");
  }
}
