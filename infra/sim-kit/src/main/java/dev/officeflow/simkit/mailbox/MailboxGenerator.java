package dev.officeflow.simkit.mailbox;

import dev.officeflow.simkit.calendar.EventRecord;
import dev.officeflow.simkit.calendar.EventTime;
import dev.officeflow.simkit.calendar.Recurrence;
import dev.officeflow.simkit.mailbox.ThreadPlanner.Step;
import dev.officeflow.simkit.mailbox.ThreadPlanner.ThreadPlan;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Generates a deterministic mailbox and calendar for one owner. Same spec, owner and anchor → the
 * same result. How closeness is planted: people get Zipf-like weights with a step after the 20th
 * (see {@link SocialGraph}); those weights decide who is in each conversation and meeting; the
 * inner circle also gets longer two-way threads and a bias towards recent ones (see {@link
 * ThreadPlanner}). The ranking returned is then computed from what was generated ({@link
 * Closeness}).
 */
public final class MailboxGenerator {

  private static final List<String> ZONES =
      List.of(
          "Europe/Berlin",
          "America/New_York",
          "Europe/London",
          "America/Los_Angeles",
          "Asia/Tokyo");

  private MailboxGenerator() {}

  /**
   * The events of a secondary calendar: generated like the primary calendar's (same people, same
   * time zone) from a seed derived from the account's seed and the calendar's id, so they are
   * deterministic and their ids differ from every other calendar's.
   */
  public static List<EventRecord> calendarEvents(
      String ownerEmail,
      String ownerName,
      MailboxSpec spec,
      String calendarId,
      int inWindow,
      int older,
      Instant anchor) {
    SplittableRandom random =
        new SplittableRandom(derivedSeed(spec.seed(), "calendar:" + calendarId));
    return new CalendarGenerator(graph(ownerEmail, ownerName, spec), random, zone(spec), anchor)
        .generate(inWindow, older);
  }

  /**
   * The owner's address book, drawn from the same people as the mailbox (see {@link
   * AddressBookGenerator}); deterministic for the same spec, owner and anchor.
   */
  public static GeneratedAddressBook addressBook(
      String ownerEmail, String ownerName, MailboxSpec spec, AddressBookSpec book, Instant anchor) {
    if (book.equals(AddressBookSpec.NONE)) {
      return GeneratedAddressBook.EMPTY;
    }
    SplittableRandom random = new SplittableRandom(derivedSeed(spec.seed(), "contacts"));
    return new AddressBookGenerator(graph(ownerEmail, ownerName, spec), random, anchor)
        .generate(book);
  }

  /** A seed for another stream of the same account, independent of the mailbox's streams. */
  public static long derivedSeed(long seed, String purpose) {
    return seed * 0x9E3779B97F4A7C15L + purpose.hashCode();
  }

  /**
   * The social graph {@link #generate} builds: the graph takes the first split of the seed's
   * random, so rebuilding it this way yields the same people.
   */
  private static SocialGraph graph(String ownerEmail, String ownerName, MailboxSpec spec) {
    SplittableRandom graphRandom = new SplittableRandom(spec.seed()).split();
    return SocialGraph.build(Address.of(ownerName, ownerEmail), spec.totalMessages(), graphRandom);
  }

  private static ZoneId zone(MailboxSpec spec) {
    return ZoneId.of(ZONES.get((int) Math.floorMod(spec.seed(), ZONES.size())));
  }

  public static GeneratedMailbox generate(
      String ownerEmail, String ownerName, MailboxSpec spec, Instant anchor) {
    SplittableRandom root = new SplittableRandom(spec.seed());
    SplittableRandom graphRandom = root.split();
    SplittableRandom planRandom = root.split();
    SplittableRandom timeRandom = root.split();
    SplittableRandom contentRandom = root.split();
    SplittableRandom eventRandom = root.split();
    ZoneId zone = zone(spec);
    SocialGraph graph =
        SocialGraph.build(Address.of(ownerName, ownerEmail), spec.totalMessages(), graphRandom);
    List<ThreadPlan> threads = new ThreadPlanner(graph, planRandom).plan(spec.totalMessages());
    Map<Step, Instant> times = assignTimes(threads, spec, anchor, timeRandom);
    Closeness closeness = new Closeness(anchor);
    List<MailMessage> messages =
        messages(threads, times, graph, zone, anchor, contentRandom, closeness);
    List<EventRecord> events =
        new CalendarGenerator(graph, eventRandom, zone, anchor)
            .generate(spec.events(), spec.olderEvents());
    Instant horizon = anchor.plus(Duration.ofDays(2));
    for (EventRecord e : events) {
      List<Instant> starts =
          e.isRecurring()
              ? Recurrence.starts(e, horizon).stream().map(EventTime::instant).toList()
              : List.of(e.start().instant());
      closeness.event(e, starts);
    }
    return new GeneratedMailbox(anchor, zone, messages, events, closeness.ranking(graph.people));
  }

  /**
   * Sorts every planned message by its key and hands out sorted times: the last {@code
   * recentMessages} get times inside the window, the rest older ones. So the split is exact and
   * each thread stays in order.
   */
  private static Map<Step, Instant> assignTimes(
      List<ThreadPlan> threads, MailboxSpec spec, Instant anchor, SplittableRandom random) {
    List<Step> steps = new ArrayList<>();
    threads.forEach(t -> steps.addAll(t.steps()));
    steps.sort(Comparator.comparingDouble(Step::key));
    Duration margin = Duration.ofHours(MailboxSpec.MARGIN_HOURS);
    Instant windowStart = anchor.minus(Duration.ofDays(MailboxSpec.WINDOW_DAYS));
    List<Instant> older =
        draw(
            random,
            spec.olderMessages(),
            anchor.minus(Duration.ofDays(MailboxSpec.SPAN_DAYS)),
            windowStart.minus(margin));
    List<Instant> recent =
        draw(random, spec.recentMessages(), windowStart.plus(margin), anchor.minusSeconds(60));
    List<Instant> all = new ArrayList<>(older);
    all.addAll(recent);
    Map<Step, Instant> out = new IdentityHashMap<>();
    for (int i = 0; i < steps.size(); i++) {
      out.put(steps.get(i), all.get(i));
    }
    return out;
  }

  private static List<Instant> draw(SplittableRandom random, int n, Instant from, Instant to) {
    long span = Math.max(1, to.toEpochMilli() - from.toEpochMilli());
    List<Instant> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      out.add(Instant.ofEpochMilli(from.toEpochMilli() + random.nextLong(span)));
    }
    out.sort(Comparator.naturalOrder());
    return out;
  }

  private static List<MailMessage> messages(
      List<ThreadPlan> threads,
      Map<Step, Instant> times,
      SocialGraph graph,
      ZoneId zone,
      Instant anchor,
      SplittableRandom random,
      Closeness closeness) {
    Set<Step> large = largeOnes(threads, random);
    MessageFactory factory = new MessageFactory(graph, random, zone, anchor);
    List<MailMessage> out = new ArrayList<>();
    for (ThreadPlan t : threads) {
      List<Instant> threadTimes = t.steps().stream().map(times::get).toList();
      out.addAll(factory.thread(t, threadTimes, large));
      t.steps().forEach(s -> closeness.message(s, times.get(s)));
    }
    out.sort(Comparator.comparing(MailMessage::internalDate).thenComparing(MailMessage::id));
    return out;
  }

  /** About one conversational message in 150 (at least one) carries a file over 1 MB. */
  private static Set<Step> largeOnes(List<ThreadPlan> threads, SplittableRandom random) {
    List<Step> candidates = new ArrayList<>();
    for (ThreadPlan t : threads) {
      if (t.category() == ThreadPlanner.Category.PERSONAL
          || t.category() == ThreadPlanner.Category.GROUP) {
        candidates.addAll(t.steps());
      }
    }
    Set<Step> out = Collections.newSetFromMap(new IdentityHashMap<>());
    int wanted = Math.min(candidates.size(), Math.max(1, candidates.size() / 150));
    while (out.size() < wanted) {
      out.add(candidates.get(random.nextInt(candidates.size())));
    }
    return out;
  }
}
