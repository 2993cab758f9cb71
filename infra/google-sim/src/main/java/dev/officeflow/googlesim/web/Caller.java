package dev.officeflow.googlesim.web;

import java.util.Set;

/** The account an access token belongs to and the scopes it was granted. */
public record Caller(String email, Set<String> scopes) {

  public Caller {
    scopes = Set.copyOf(scopes);
  }

  public boolean hasAny(Set<String> wanted) {
    return wanted.stream().anyMatch(scopes::contains);
  }
}
