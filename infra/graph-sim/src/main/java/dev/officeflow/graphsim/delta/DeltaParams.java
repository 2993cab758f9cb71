package dev.officeflow.graphsim.delta;

/**
 * The query options a delta round keeps from its first request, as Graph encodes them into its
 * links: the {@code $filter} and {@code $select} as written, and a calendar view's window. Empty
 * strings mean "not given".
 */
public record DeltaParams(String filter, String select, String windowStart, String windowEnd) {

  public static final DeltaParams NONE = new DeltaParams("", "", "", "");

  public DeltaParams {
    for (String field : new String[] {filter, select, windowStart, windowEnd}) {
      if (field.contains("|")) {
        throw new IllegalArgumentException("delta parameters cannot contain '|': " + field);
      }
    }
  }

  public static DeltaParams of(String filter, String select) {
    return new DeltaParams(filter, select, "", "");
  }

  public static DeltaParams window(String start, String end, String select) {
    return new DeltaParams("", select, start, end);
  }
}
