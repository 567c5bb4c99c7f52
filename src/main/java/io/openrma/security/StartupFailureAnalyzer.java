package io.openrma.security;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Turns a missing administrator password into the short "APPLICATION FAILED TO START" message it deserves. */
class StartupFailureAnalyzer extends AbstractFailureAnalyzer<IdentityBootstrap.MissingAdminPasswordException> {

  @Override
  protected FailureAnalysis analyze(Throwable rootFailure, IdentityBootstrap.MissingAdminPasswordException cause) {
    return new FailureAnalysis(cause.getMessage(),
        "Export OPENRMA_ADMIN_PASSWORD (at least 10 characters with upper and lower case letters, a digit and a "
            + "special character) and start again.",
        cause);
  }
}
