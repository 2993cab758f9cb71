package dev.officeflow.runtime.testing;

import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;

/**
 * Deletes the Pub/Sub topics and subscriptions a test class made on the test emulator when that
 * class ends ({@link EmulatorResources}). Registered with the JUnit Platform launcher through
 * {@code META-INF/services}, so every module that has this test-jar on its classpath gets it.
 */
public final class EmulatorCleanup implements TestExecutionListener {

  @Override
  public void executionFinished(TestIdentifier identifier, TestExecutionResult result) {
    if (isTopLevelClass(identifier)) {
      EmulatorResources.deleteTheClasses();
    }
  }

  /** A test class that is no nested class: what it made may go once it has finished. */
  private static boolean isTopLevelClass(TestIdentifier identifier) {
    return identifier
        .getSource()
        .filter(ClassSource.class::isInstance)
        .map(source -> ((ClassSource) source).getJavaClass().getEnclosingClass() == null)
        .orElse(false);
  }
}
