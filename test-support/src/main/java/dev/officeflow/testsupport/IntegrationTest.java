package dev.officeflow.testsupport;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Marks a test class that needs the Pub/Sub emulator, Redis or PostgreSQL: the class fails (never
 * skips) when they cannot be found or reached. Name such classes {@code *IT} so Failsafe runs them.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@Tag("integration")
@ExtendWith(InfrastructureExtension.class)
public @interface IntegrationTest {}
