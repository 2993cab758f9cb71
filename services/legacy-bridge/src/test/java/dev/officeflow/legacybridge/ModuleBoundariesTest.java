package dev.officeflow.legacybridge;

import dev.officeflow.runtime.testing.ServiceBoundaryContract;

/** The legacy bridge's boundaries: the rules every service keeps (SERVICES.md "Boundaries"). */
class ModuleBoundariesTest extends ServiceBoundaryContract {

  ModuleBoundariesTest() {
    super(LegacyBridgeApplication.class);
  }
}
