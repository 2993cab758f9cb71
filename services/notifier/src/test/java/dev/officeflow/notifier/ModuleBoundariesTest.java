package dev.officeflow.notifier;

import dev.officeflow.runtime.testing.ServiceBoundaryContract;

/** The notifier's boundaries: the rules every service keeps (SERVICES.md "Boundaries"). */
class ModuleBoundariesTest extends ServiceBoundaryContract {

  ModuleBoundariesTest() {
    super(NotifierApplication.class);
  }
}
