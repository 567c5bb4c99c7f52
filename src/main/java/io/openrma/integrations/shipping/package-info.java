/** Return labels (ShipStation, or the simulator). Exposed to the other modules as the named interface {@code shipping}. */
@NamedInterface("shipping")
package io.openrma.integrations.shipping;

import org.springframework.modulith.NamedInterface;
