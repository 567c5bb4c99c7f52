package io.openrma.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;

/**
 * The whole app on a random port, like {@link WebAppTest} (in-memory H2, job executor off: tests run
 * the jobs), but with every integration live against its stand-in ({@link StandIns}). All classes
 * with this annotation share one Spring context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@ContextConfiguration(initializers = LiveIntegrationsInitializer.class)
@ExtendWith(ActiveEngineExtension.class)
public @interface LiveIntegrationsTest {
}
