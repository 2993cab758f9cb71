package dev.officeflow.contacts.onboarding;

import dev.officeflow.runtime.web.ApiException;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;

/**
 * The onboarding API's own error codes, both 400: the VIP page and other clients branch on them.
 * {@code offending} (an extra member of the problem) names the entries at fault, empty when the
 * request as a whole is wrong.
 */
public final class OnboardingProblems {

  /** The selection is empty, too long, repeats a contact or names one the user does not have. */
  public static final String INVALID_SELECTION = "invalid_selection";

  /** {@code limit} is not an integer within the accepted range. */
  public static final String INVALID_LIMIT = "invalid_limit";

  private OnboardingProblems() {}

  public static ApiException invalidSelection(String detail, List<String> offending) {
    return refused(INVALID_SELECTION, detail, offending);
  }

  public static ApiException invalidLimit(String detail) {
    return refused(INVALID_LIMIT, detail, List.of());
  }

  private static ApiException refused(String code, String detail, List<String> offending) {
    return new ApiException(
        HttpStatus.BAD_REQUEST, code, detail, Map.of("offending", List.copyOf(offending)));
  }
}
