package dev.officeflow.graphsim.odata;

import dev.officeflow.simkit.web.SimRequest;
import java.util.Arrays;
import java.util.List;

/** Splits a Graph path into segments after {@code /v1.0/me/}. */
public final class Paths {

  public static final String ME = Links.VERSION + "/me/";

  private Paths() {}

  /**
   * The segments after {@code /v1.0/me/}: {@code /v1.0/me/mailFolders/inbox/messages} gives {@code
   * [mailFolders, inbox, messages]}. Empty segments (a trailing slash) are dropped.
   */
  public static List<String> underMe(SimRequest r) {
    String path = r.path();
    if (!path.startsWith(ME)) {
      return List.of();
    }
    return Arrays.stream(path.substring(ME.length()).split("/")).filter(s -> !s.isEmpty()).toList();
  }

  /**
   * True for the delta function's segment: {@code delta}, or {@code delta()} as the Kiota-based SDK
   * writes function calls.
   */
  public static boolean isDelta(String segment) {
    return segment.equals("delta") || segment.equals("delta()");
  }

  /** True when {@code id} could be an Outlook id: base64 characters only, of some length. */
  public static boolean looksLikeId(String id) {
    return id.length() >= 8 && id.matches("[A-Za-z0-9_=+/-]+");
  }
}
