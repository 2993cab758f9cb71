package dev.officeflow.office.quota;

/**
 * One per-user budget of a provider's quota model, as its adapter declares it: a token bucket per
 * user refilled at {@code perMinute / 60} per second (Gmail: 6,000 units a minute, each method with
 * its own cost; Calendar: 600 requests a minute).
 *
 * @param name the budget's name, part of its Redis key ({@code gmail}); unique across providers
 * @param perMinute what the provider allows a user per minute
 */
public record QuotaBudget(String name, int perMinute) {

  public QuotaBudget {
    if (!name.matches("[a-z0-9-]+") || perMinute <= 0) {
      throw new IllegalArgumentException("a quota budget needs a name and a positive limit");
    }
  }

  /** The provider's refill rate, per second. */
  public double limitPerSecond() {
    return perMinute / 60.0;
  }
}
