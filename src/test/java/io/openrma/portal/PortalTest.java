package io.openrma.portal;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import io.openrma.support.WebAppTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;

/**
 * The whole app as {@link WebAppTest}, with the portal's own test orders ({@link PortalTestOrders}); every test
 * request comes from 127.0.0.1, so the per-address lookup limit is raised here (its refusal is tested per order
 * number, which counts the same way); a photo may have 64 KB, so a test shows the size refusal without a 10 MB
 * body; an open status page refreshes every second, so the browser test sees it without waiting 30 s; store credit
 * has a bonus of 10 %, and Stripe tells what it credited ({@link PortalTestStripe}). One Spring context for all
 * portal tests.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@WebAppTest
@Import({PortalTestOrders.class, PortalTestStripe.class})
@TestPropertySource(properties = {"openrma.portal.lookups.per-address=100000",
    "openrma.portal.store-credit-bonus-percent=10",
    "openrma.portal.link-secret=portal-tests-portal-tests-portal-tests",
    "spring.servlet.multipart.max-file-size=64KB", "spring.servlet.multipart.max-request-size=400KB",
    "openrma.portal.status-refresh=1s"})
@interface PortalTest {
}
