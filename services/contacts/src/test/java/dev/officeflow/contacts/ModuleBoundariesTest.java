package dev.officeflow.contacts;

import dev.officeflow.runtime.testing.ServiceBoundaryContract;

/** The contacts service keeps the boundaries every service keeps (SERVICES.md "Boundaries"). */
class ModuleBoundariesTest extends ServiceBoundaryContract {

  ModuleBoundariesTest() {
    super(ContactsApplication.class);
  }
}
