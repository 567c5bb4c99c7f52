package io.openrma.security;

import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;

/**
 * Camunda's Basic authentication filter for {@code /engine-rest}, with one exception: {@code GET /version}
 * stays open so that the Camunda Modeler can check the engine before the user has typed credentials.
 */
public class EngineRestAuthenticationFilter extends ProcessEngineAuthenticationFilter {

  @Override
  protected boolean requiresEngineAuthentication(String requestUrl) {
    return !"/version".equals(requestUrl) && super.requiresEngineAuthentication(requestUrl);
  }
}
