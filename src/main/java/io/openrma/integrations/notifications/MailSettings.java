package io.openrma.integrations.notifications;

import io.openrma.integrations.IntegrationMode;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code openrma.mail.*}; the SMTP server itself is {@code spring.mail.*} (host, port, username,
 * password). Without {@code spring.mail.host} the emails are simulated.
 *
 * @param from      sender address of customer emails
 * @param fromName  sender name
 * @param signature last line of every email
 */
@ConfigurationProperties("openrma.mail")
public record MailSettings(
    @DefaultValue("AUTO") IntegrationMode mode,
    @DefaultValue("returns@openrma.example") String from,
    @DefaultValue("OpenRMA Returns") String fromName,
    @DefaultValue("Your returns team") String signature) {
}
