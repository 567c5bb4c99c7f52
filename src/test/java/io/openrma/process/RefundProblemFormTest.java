package io.openrma.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/**
 * {@code forms/resolve-refund.form} asks for what {@link RefundProblemResolvedListener} requires, so Tasklist
 * refuses an incomplete form before the listener has to: the message to the customer exactly when the
 * return closes without refund, the Stripe refund id exactly when it was refunded outside OpenRMA.
 */
class RefundProblemFormTest {

  static JsonNode field(String key) throws IOException {
    JsonNode form = new ObjectMapper().readTree(Path.of("forms/resolve-refund.form").toFile());
    for (JsonNode component : form.path("components")) {
      if (key.equals(component.path("key").asText())) {
        return component;
      }
    }
    throw new AssertionError("no field " + key + " in resolve-refund.form");
  }

  @Test
  void theCustomerMessageIsRequiredExactlyWhenClosingWithoutRefund() throws IOException {
    JsonNode comment = field(ProcessIds.VAR_REFUND_PROBLEM_COMMENT);
    assertThat(comment.path("validate").path("required").asBoolean()).isTrue();
    assertThat(comment.path("conditional").path("hide").asText())
        .isEqualTo("=" + ProcessIds.VAR_REFUND_PROBLEM_DECISION + " != \"CLOSE_WITHOUT_REFUND\"");
    JsonNode note = field("refundProblemNote");
    assertThat(note.path("validate").path("required").asBoolean()).isFalse();
    assertThat(note.path("conditional").path("hide").asText())
        .isEqualTo("=" + ProcessIds.VAR_REFUND_PROBLEM_DECISION + " = \"CLOSE_WITHOUT_REFUND\"");
  }

  @Test
  void theRefundIdIsRequiredExactlyWhenRefundedOutside() throws IOException {
    JsonNode refundId = field("externalRefundId");
    assertThat(refundId.path("validate").path("required").asBoolean()).isTrue();
    assertThat(refundId.path("conditional").path("hide").asText())
        .isEqualTo("=" + ProcessIds.VAR_REFUND_PROBLEM_DECISION + " != \"REFUNDED_OUTSIDE\"");
  }
}
