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
 * number, which counts the same way). One Spring context for all portal tests.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@WebAppTest
@Import(PortalTestOrders.class)
@TestPropertySource(properties = {"openrma.portal.lookups.per-address=100000",
    "openrma.portal.link-secret=portal-tests-portal-tests-portal-tests"})
@interface PortalTest {
}
