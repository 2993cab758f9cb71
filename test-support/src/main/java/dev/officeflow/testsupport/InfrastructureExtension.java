package dev.officeflow.testsupport;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Resolves the test infrastructure once per JVM before the first test class that uses it, and fails
 * every such class with instructions when it is missing or unreachable. Use it through {@link
 * IntegrationTest}.
 */
public final class InfrastructureExtension implements BeforeAllCallback {

  @Override
  public void beforeAll(ExtensionContext context) {
    Infrastructure.resolve();
  }
}
