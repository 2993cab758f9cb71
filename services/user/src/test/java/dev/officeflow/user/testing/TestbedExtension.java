package dev.officeflow.user.testing;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ExtensionContext.Namespace;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Starts a {@link Testbed} per test class and hands it to the class's constructor; use it through
 * {@link TestbedTest}. It lives in the class's store, which closes it when the class is done.
 * Started in {@code beforeAll} so a testbed that cannot start fails the class once, not every test.
 */
final class TestbedExtension implements BeforeAllCallback, ParameterResolver {

  private static final Namespace NAMESPACE = Namespace.create(TestbedExtension.class);

  @Override
  public void beforeAll(ExtensionContext context) {
    testbed(context);
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == Testbed.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    return testbed(context);
  }

  private static Testbed testbed(ExtensionContext context) {
    // A constructor may be resolved in the test method's context; the testbed is the class's.
    ExtensionContext owner = context;
    while (owner.getTestMethod().isPresent() && owner.getParent().isPresent()) {
      owner = owner.getParent().orElseThrow();
    }
    return owner
        .getStore(NAMESPACE)
        .computeIfAbsent(Testbed.class, type -> Testbed.start(), Testbed.class);
  }
}
