package dev.officeflow.graphsim.account;

/** Graph's {@code recipient}: {@code {"emailAddress": {"name", "address"}}}; name may be empty. */
public record Recipient(String name, String address) {

  public static Recipient of(String address) {
    return new Recipient("", address);
  }
}
