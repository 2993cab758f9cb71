package dev.officeflow.googlesim.web;

import dev.officeflow.simkit.web.SimRequest;
import dev.officeflow.simkit.web.SimResponse;
import java.util.function.Function;

/**
 * What stands in front of every Gmail and Calendar method: counting, bearer authentication, quota,
 * injected faults. The API handlers only describe the call and its action.
 */
@FunctionalInterface
public interface ApiGuard {

  /**
   * Runs {@code action} for the authenticated caller, or answers with the error Google would give.
   *
   * @param method the method name as Google documents it, e.g. {@code gmail.users.messages.get}
   * @param cost the quota cost in the API's units
   */
  SimResponse call(
      SimRequest request,
      ApiKind api,
      String method,
      int cost,
      Function<Caller, SimResponse> action);
}
