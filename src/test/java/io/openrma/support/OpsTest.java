package io.openrma.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;

/**
 * The operations tests' context, shared by all of them: like {@link WebAppTest} (random port, in-memory
 * H2, job executor off) plus a clock the tests move ({@link MutableClock}), SMTP (GreenMail), a webhook
 * subscriber and Slack (WireMock) from {@link OpsServers}, a Stripe simulator that can fail, the nightly
 * history cleanup on and JSON logs (profile {@code json-logs}). One context for all of them keeps CI fast.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"test", "json-logs"})
@ContextConfiguration(initializers = OpsServers.class)
@Import(OpsTestBeans.class)
@ExtendWith(ActiveEngineExtension.class)
public @interface OpsTest {
}
