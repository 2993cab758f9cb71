package dev.officeflow.vespasim.selection;

/** The comparison operators of the selection language. */
enum Operator {
  EQ("=="),
  NE("!="),
  LT("<"),
  LE("<="),
  GT(">"),
  GE(">="),
  GLOB("="),
  REGEX("=~");

  private final String symbol;

  Operator(String symbol) {
    this.symbol = symbol;
  }

  String symbol() {
    return symbol;
  }

  boolean isOrdering() {
    return this == LT || this == LE || this == GT || this == GE;
  }

  /** Whether {@code order} (a compareTo result) satisfies this ordering or equality operator. */
  boolean accepts(int order) {
    return switch (this) {
      case EQ, GLOB -> order == 0;
      case NE -> order != 0;
      case LT -> order < 0;
      case LE -> order <= 0;
      case GT -> order > 0;
      case GE -> order >= 0;
      case REGEX -> false;
    };
  }
}
