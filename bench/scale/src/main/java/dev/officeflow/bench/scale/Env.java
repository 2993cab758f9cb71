package dev.officeflow.bench.scale;

/** The environment the run script set up ({@code ./dev infra}'s env.sh). */
final class Env {

  private Env() {}

  static String required(String name) {
    String value = System.getenv(name);
    if (value == null || value.isBlank()) {
      throw new IllegalStateException(name + " is not set: run the bench through bench/scale/run");
    }
    return value;
  }
}
