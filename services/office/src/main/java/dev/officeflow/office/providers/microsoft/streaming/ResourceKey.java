package dev.officeflow.office.providers.microsoft.streaming;

/** One streamed resource of one user's Microsoft integration. */
record ResourceKey(String userId, String provider, GraphResource resource) {

  @Override
  public String toString() {
    return userId + "/" + provider + "/" + resource.wire();
  }
}
