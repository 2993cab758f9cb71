package dev.officeflow.googlesim.people;

import dev.officeflow.simkit.people.PersonRecord;
import dev.officeflow.simkit.web.BadRequestException;
import dev.officeflow.simkit.web.PageTokens;
import dev.officeflow.simkit.web.Params;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.function.ToLongFunction;
import org.jspecify.annotations.Nullable;

/**
 * {@code people.connections.list} and {@code otherContacts.list}: full listings, incremental ones
 * from a sync token (changed and deleted people only), paging, and the next sync token on the last
 * page when {@code requestSyncToken} asks for it. Pages are keyed, not counted: a full listing
 * walks people in the order they were added, an incremental one in the order they changed, and a
 * page token remembers the last key it served, so changes made while a client pages through cannot
 * make it miss a person (they come again in the next incremental sync).
 *
 * <p>Sync tokens follow Google's reference of both methods: "Sync tokens expire 7 days after the
 * full sync. A request with an expired sync token will get an error with an google.rpc.ErrorInfo
 * with reason EXPIRED_SYNC_TOKEN"
 * (https://developers.google.com/people/api/rest/v1/people.connections/list). A token therefore
 * carries the time of the full sync its chain started with, and incremental syncs pass it on. "When
 * the page_token or sync_token is specified, all other request parameters must match the first
 * call": a token also carries a fingerprint of those parameters.
 */
final class PeopleListing {

  static final int DEFAULT_PAGE_SIZE = 100;
  static final int MAX_PAGE_SIZE = 1000;

  /** A page, or the sync token expired. */
  sealed interface Result permits Page, Expired {}

  /**
   * @param total people in the whole listing (live ones in a full listing, changed ones in an
   *     incremental one)
   */
  record Page(
      List<PersonRecord> items,
      @Nullable String nextPageToken,
      @Nullable String nextSyncToken,
      int total)
      implements Result {}

  record Expired() implements Result {}

  /**
   * Where a listing is: {@code since} is -1 for a full listing; {@code after} the last key served.
   */
  private record Cursor(
      long epoch, long snapshot, long since, long after, long fullSyncAt, String fingerprint) {

    boolean incremental() {
      return since >= 0;
    }

    String encode() {
      return PageTokens.encode(
          "pp", str(epoch), str(snapshot), str(since), str(after), str(fullSyncAt), fingerprint);
    }
  }

  private PeopleListing() {}

  static Result list(
      PeopleCollection people, PeopleRequest request, Params p, Instant now, Duration lifetime) {
    PeopleCollection.Snapshot snap = people.snapshot();
    Cursor cursor;
    if (p.has("pageToken")) {
      cursor = pageCursor(p.firstOr("pageToken", ""), request.fingerprint());
    } else if (p.has("syncToken")) {
      cursor = syncCursor(p.firstOr("syncToken", ""), request.fingerprint(), snap);
    } else {
      cursor =
          new Cursor(
              snap.epoch(), snap.changeNumber(), -1, 0, now.toEpochMilli(), request.fingerprint());
    }
    if (cursor.incremental()
        && (cursor.epoch() != snap.epoch()
            || !now.isBefore(Instant.ofEpochMilli(cursor.fullSyncAt()).plus(lifetime)))) {
      return new Expired();
    }
    return page(snap, cursor, request, p.flag("requestSyncToken", false));
  }

  private static Page page(
      PeopleCollection.Snapshot snap, Cursor cursor, PeopleRequest request, boolean wantSync) {
    ToLongFunction<PeopleCollection.Entry> key =
        cursor.incremental() ? PeopleCollection.Entry::changeNumber : PeopleCollection.Entry::slot;
    List<PeopleCollection.Entry> all =
        snap.entries().stream()
            .filter(
                e ->
                    cursor.incremental()
                        ? inWindow(e, cursor)
                        : !e.person().deleted() && e.slot() <= cursor.snapshot())
            .sorted(Comparator.comparingLong(key))
            .toList();
    List<PeopleCollection.Entry> rest =
        all.stream().filter(e -> key.applyAsLong(e) > cursor.after()).toList();
    List<PeopleCollection.Entry> page = rest.subList(0, Math.min(rest.size(), request.pageSize()));
    List<PersonRecord> items = page.stream().map(PeopleCollection.Entry::person).toList();
    if (page.size() < rest.size()) {
      long last = key.applyAsLong(page.get(page.size() - 1));
      Cursor next =
          new Cursor(
              cursor.epoch(),
              cursor.snapshot(),
              cursor.since(),
              last,
              cursor.fullSyncAt(),
              cursor.fingerprint());
      return new Page(items, next.encode(), null, all.size());
    }
    String sync =
        wantSync
            ? PageTokens.encode(
                "ps",
                str(cursor.epoch()),
                str(cursor.snapshot()),
                str(cursor.fullSyncAt()),
                cursor.fingerprint())
            : null;
    return new Page(items, null, sync, all.size());
  }

  private static boolean inWindow(PeopleCollection.Entry e, Cursor cursor) {
    return e.changeNumber() > cursor.since() && e.changeNumber() <= cursor.snapshot();
  }

  private static Cursor pageCursor(String token, String fingerprint) {
    List<String> f = PageTokens.decode(token, 7, "pageToken");
    if (!f.get(0).equals("pp")) {
      throw new BadRequestException("Request contains an invalid argument.", "pageToken");
    }
    Cursor cursor = new Cursor(num(f, 1), num(f, 2), num(f, 3), num(f, 4), num(f, 5), f.get(6));
    requireMatch(cursor.fingerprint(), fingerprint, "pageToken");
    return cursor;
  }

  private static Cursor syncCursor(
      String token, String fingerprint, PeopleCollection.Snapshot snap) {
    List<String> f = PageTokens.decode(token, 5, "syncToken");
    if (!f.get(0).equals("ps")) {
      throw new BadRequestException("Request contains an invalid argument.", "syncToken");
    }
    requireMatch(f.get(4), fingerprint, "syncToken");
    return new Cursor(num(f, 1), snap.changeNumber(), num(f, 2), 0, num(f, 3), fingerprint);
  }

  /** Google: with a page or sync token, every other parameter must match the first call. */
  private static void requireMatch(String remembered, String fingerprint, String parameter) {
    if (!remembered.equals(fingerprint)) {
      throw new BadRequestException(
          "Parameters other than pageToken and syncToken must match the request that produced the"
              + " "
              + parameter
              + ".",
          parameter);
    }
  }

  private static long num(List<String> fields, int index) {
    try {
      return Long.parseLong(fields.get(index));
    } catch (NumberFormatException e) {
      throw new BadRequestException("Request contains an invalid argument.", null);
    }
  }

  private static String str(long value) {
    return Long.toString(value);
  }
}
