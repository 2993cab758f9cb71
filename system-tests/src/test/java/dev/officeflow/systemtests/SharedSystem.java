package dev.officeflow.systemtests;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ExtensionContext.Namespace;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * One running system for every system test class of a run: started by the first class that asks for
 * an {@link OfficeflowSystem} parameter, stopped when the run ends. Starting it takes most of a
 * minute on two cores, so classes share it; each test uses accounts of its own, so they do not see
 * each other's data.
 */
final class SharedSystem implements ParameterResolver {

  private static final Namespace NAMESPACE = Namespace.create(SharedSystem.class);

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == OfficeflowSystem.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    return context
        .getRoot()
        .getStore(NAMESPACE)
        .computeIfAbsent(OfficeflowSystem.class, type -> start(), OfficeflowSystem.class);
  }

  private static OfficeflowSystem start() {
    try {
      return OfficeflowSystem.start();
    } catch (Exception e) {
      throw new IllegalStateException("the system did not start: " + e.getMessage(), e);
    }
  }
}
