package dev.officeflow.vespaloader;

import dev.officeflow.runtime.testing.ServiceBoundaryContract;

/** vespa-loader's boundaries: the rules every service keeps (SERVICES.md "Boundaries"). */
class ModuleBoundariesTest extends ServiceBoundaryContract {

  ModuleBoundariesTest() {
    super(VespaLoaderApplication.class);
  }
}
