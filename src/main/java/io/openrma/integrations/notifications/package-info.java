/** Customer emails and the team chat (SMTP and Slack, or the simulators). Exposed to the other modules as the named interface {@code notifications}. */
@NamedInterface("notifications")
package io.openrma.integrations.notifications;

import org.springframework.modulith.NamedInterface;
