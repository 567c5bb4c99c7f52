package io.openrma.integrations;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code openrma.integrations.*}.
 *
 * @param requireCredentials every integration not explicitly set to {@code simulate} must have its
 *                           credentials, or OpenRMA does not start (on in the {@code postgres} profile:
 *                           production must never simulate by accident)
 */
@ConfigurationProperties("openrma.integrations")
public record IntegrationsSettings(@DefaultValue("false") boolean requireCredentials) {
}
