package dev.officeflow.googlesim.gmail;

import dev.officeflow.googlesim.account.Account;
import dev.officeflow.googlesim.account.Accounts;
import dev.officeflow.googlesim.quota.GmailCosts;
import dev.officeflow.googlesim.web.ApiGuard;
import dev.officeflow.googlesim.web.ApiKind;
import dev.officeflow.googlesim.web.Caller;
import dev.officeflow.googlesim.web.GoogleErrors;
import dev.officeflow.simkit.web.Handler;
import dev.officeflow.simkit.web.SimRequest;
import dev.officeflow.simkit.web.SimResponse;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.function.BiFunction;

/** Routes {@code /gmail/v1/users/{userId}/...} to the Gmail methods, each behind the guard. */
public final class GmailApi implements Handler {

  public static final String PREFIX = "/gmail/v1/users";

  private final Accounts accounts;
  private final ApiGuard guard;
  private final GmailMessages messages;
  private final GmailHistory history;

  public GmailApi(Accounts accounts, ApiGuard guard, Clock clock) {
    this.accounts = accounts;
    this.guard = guard;
    this.messages = new GmailMessages(clock);
    this.history = new GmailHistory(clock);
  }

  @Override
  public SimResponse handle(SimRequest r) {
    List<String> seg = Arrays.asList(r.path().substring(PREFIX.length() + 1).split("/"));
    if (seg.size() < 2) {
      return GoogleErrors.notFound(ApiKind.GMAIL);
    }
    String user = seg.get(0);
    String resource = seg.get(1);
    return switch (r.method().toUpperCase(java.util.Locale.ROOT)
        + " "
        + resource
        + "/"
        + (seg.size() - 1)) {
      case "GET profile/1" ->
          call(
              r,
              user,
              "gmail.users.getProfile",
              GmailCosts.GET_PROFILE,
              (m, c) -> messages.profile(m));
      case "GET labels/1" ->
          call(
              r,
              user,
              "gmail.users.labels.list",
              GmailCosts.LABELS_LIST,
              (m, c) -> messages.labels());
      case "GET messages/1" ->
          call(
              r,
              user,
              "gmail.users.messages.list",
              GmailCosts.MESSAGES_LIST,
              (m, c) -> messages.list(m, c, r.query()));
      case "GET messages/2" ->
          call(
              r,
              user,
              "gmail.users.messages.get",
              GmailCosts.MESSAGES_GET,
              (m, c) -> messages.get(m, c, seg.get(2), r.query()));
      case "GET messages/4" ->
          seg.get(3).equals("attachments")
              ? call(
                  r,
                  user,
                  "gmail.users.messages.attachments.get",
                  GmailCosts.ATTACHMENTS_GET,
                  (m, c) -> messages.attachment(m, c, seg.get(2), seg.get(4)))
              : GoogleErrors.notFound(ApiKind.GMAIL);
      case "GET history/1" ->
          call(
              r,
              user,
              "gmail.users.history.list",
              GmailCosts.HISTORY_LIST,
              (m, c) -> history.list(m, r.query()));
      case "POST watch/1" ->
          call(
              r, user, "gmail.users.watch", GmailCosts.WATCH, (m, c) -> history.watch(m, r.json()));
      case "POST stop/1" ->
          call(r, user, "gmail.users.stop", GmailCosts.STOP, (m, c) -> history.stop(m));
      default -> GoogleErrors.notFound(ApiKind.GMAIL);
    };
  }

  private SimResponse call(
      SimRequest r,
      String userId,
      String method,
      int cost,
      BiFunction<Mailbox, Caller, SimResponse> action) {
    return guard.call(
        r, ApiKind.GMAIL, method, cost, caller -> withMailbox(caller, userId, action));
  }

  /** {@code me} or the caller's own address; anyone else's mailbox is "Delegation denied". */
  private SimResponse withMailbox(
      Caller caller, String userId, BiFunction<Mailbox, Caller, SimResponse> action) {
    if (!userId.equals("me") && !userId.equalsIgnoreCase(caller.email())) {
      return GoogleErrors.forbidden(ApiKind.GMAIL, "Delegation denied for " + caller.email());
    }
    if (!caller.hasAny(GmailScopes.READ)) {
      return GoogleErrors.insufficientScopes(ApiKind.GMAIL);
    }
    return accounts
        .find(caller.email())
        .map(Account::mailbox)
        .map(m -> action.apply(m, caller))
        .orElseGet(() -> GoogleErrors.notFound(ApiKind.GMAIL));
  }
}
