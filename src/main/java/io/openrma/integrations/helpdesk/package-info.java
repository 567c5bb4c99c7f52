/**
 * The helpdesk ticket of a return: Zendesk or Gorgias, live or simulated, or none ({@code openrma.helpdesk.provider}).
 * Exposed to the other modules as the named interface {@code helpdesk}.
 */
@NamedInterface("helpdesk")
package io.openrma.integrations.helpdesk;

import org.springframework.modulith.NamedInterface;
