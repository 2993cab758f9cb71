package dev.officeflow.office.testing;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;

/**
 * Marks an integration test whose assertions measure wall-clock time (a rate, a fairness index, a
 * backoff or a window that must outlast a step): Failsafe runs these one class at a time after the
 * others, which run in {@code office.it.forks} forks side by side (pom.xml). Another class's CPU on
 * the same cores would stretch the times such a test measures; the isolation every other IT keeps
 * (its own catalog, database, quota keys, users and sim) lets it run beside another class.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@Tag(RunsAlone.TAG)
public @interface RunsAlone {

  /** The JUnit tag Failsafe's executions select on (pom.xml). */
  String TAG = "runs-alone";
}
