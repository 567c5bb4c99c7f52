/**
 * The customer returns portal under {@code /returns}: a customer finds their order by number and email (or
 * postal code), chooses what to send back and why, how they want it made right, sees the refund estimated
 * by the same policy table and calculator the lifecycle uses, and submits; later they follow and cancel the
 * return from a signed link. Server-rendered (Thymeleaf), working without JavaScript, in English and German,
 * behind its own security filter chain: no staff login applies here, CSRF on every form, a strict
 * Content-Security-Policy. The portal can only start, read and cancel the caller's own return.
 */
@ApplicationModule(displayName = "Customer returns portal")
package io.openrma.portal;

import org.springframework.modulith.ApplicationModule;
