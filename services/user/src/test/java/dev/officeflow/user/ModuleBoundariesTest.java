package dev.officeflow.user;

import dev.officeflow.runtime.testing.ServiceBoundaryContract;

/** The user service's features keep services-common's boundary rules. */
class ModuleBoundariesTest extends ServiceBoundaryContract {

  ModuleBoundariesTest() {
    super(UserApplication.class);
  }
}
