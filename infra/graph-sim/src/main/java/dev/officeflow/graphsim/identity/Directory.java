package dev.officeflow.graphsim.identity;

import java.util.Optional;

/** The accounts the identity platform signs in, looked up live (consent settings may change). */
public interface Directory {

  /** By sign-in address, case-insensitively. */
  Optional<DirectoryUser> byEmail(String email);

  /** By object id. */
  Optional<DirectoryUser> byId(String id);

  /** Who signs in when an authorize request names nobody: the first account. */
  Optional<DirectoryUser> first();
}
