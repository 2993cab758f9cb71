package dev.officeflow.office.quota;

/**
 * One budget of a provider's quota model, as its adapter declares it: a token bucket per user and
 * one for the whole project (every user of every office instance together), each refilled at its
 * {@code perMinute / 60} per second (Gmail: 6,000 units a minute per user and 1,200,000 per
 * project, each method with its own cost; Calendar: requests).
 *
 * @param name the budget's name, part of its Redis keys ({@code gmail}); unique across providers,
 *     and neither {@code project} nor {@code inflight} (those name the limiter's other keys)
 * @param perMinute what the provider allows one user per minute
 * @param projectPerMinute what the provider allows the whole project per minute; required: a budget
 *     without one would let many users together overrun the project
 */
public record QuotaBudget(String name, int perMinute, int projectPerMinute) {

  public QuotaBudget {
    if (!name.matches("[a-z0-9-]+") || name.equals("project") || name.equals("inflight")) {
      throw new IllegalArgumentException("not a quota budget name: " + name);
    }
    if (perMinute <= 0 || projectPerMinute <= 0) {
      throw new IllegalArgumentException(
          "quota budget "
              + name
              + " needs positive per-user and per-project limits, not "
              + perMinute
              + " and "
              + projectPerMinute);
    }
  }

  /** The provider's per-user refill rate, per second. */
  public double limitPerSecond() {
    return perMinute / 60.0;
  }

  /** The provider's per-project refill rate, per second. */
  public double projectLimitPerSecond() {
    return projectPerMinute / 60.0;
  }
}
