package dev.officeflow.user.testing;

import dev.officeflow.testsupport.IntegrationTest;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * An {@link IntegrationTest} class whose tests share one {@link Testbed} as the local profile runs
 * it ({@link Testbed#start()}), taken as a constructor parameter: started before the class's first
 * test, closed after its last. A class that needs other keys or properties starts its own.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@IntegrationTest
@ExtendWith(TestbedExtension.class)
public @interface TestbedTest {}
