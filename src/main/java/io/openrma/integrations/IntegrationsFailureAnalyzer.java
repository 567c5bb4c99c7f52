package io.openrma.integrations;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Turns missing integration credentials into a short "APPLICATION FAILED TO START" that says what to set. */
class IntegrationsFailureAnalyzer extends AbstractFailureAnalyzer<MissingCredentialsException> {

  @Override
  protected FailureAnalysis analyze(Throwable rootFailure, MissingCredentialsException cause) {
    return new FailureAnalysis("Integrations are not configured:\n  - " + String.join("\n  - ", cause.problems()),
        "Set the missing values (secrets as environment variables), or run an integration on purpose without its "
            + "system by setting its mode to simulate, e.g. OPENRMA_ZENDESK_MODE=simulate.",
        cause);
  }
}
