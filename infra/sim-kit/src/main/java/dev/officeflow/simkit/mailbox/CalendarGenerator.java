package dev.officeflow.simkit.mailbox;

import dev.officeflow.simkit.calendar.Attendee;
import dev.officeflow.simkit.calendar.EventAttachment;
import dev.officeflow.simkit.calendar.EventRecord;
import dev.officeflow.simkit.calendar.EventTime;
import dev.officeflow.simkit.calendar.Person;
import dev.officeflow.simkit.calendar.Reminder;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Generates the owner's calendar: meetings with attendees and response statuses (the inner circle
 * attends more, because attendees are drawn by the same weights as correspondents), all-day events,
 * weekly series and cancelled events.
 */
final class CalendarGenerator {

  private static final String[] RESPONSES = {
    "accepted", "accepted", "accepted", "tentative", "declined", "needsAction"
  };

  private final SocialGraph graph;
  private final SplittableRandom random;
  private final ZoneId zone;
  private final Instant anchor;

  CalendarGenerator(SocialGraph graph, SplittableRandom random, ZoneId zone, Instant anchor) {
    this.graph = graph;
    this.random = random;
    this.zone = zone;
    this.anchor = anchor;
  }

  /**
   * {@code inWindow} events between 30 days back and 2 days ahead, {@code older} 31–60 days back.
   */
  List<EventRecord> generate(int inWindow, int older) {
    LocalDate today = anchor.atZone(zone).toLocalDate();
    List<EventRecord> out = new ArrayList<>();
    for (int i = 0; i < inWindow + older; i++) {
      LocalDate day =
          i < inWindow
              ? today.minusDays(29 - random.nextInt(31))
              : today.minusDays(31 + random.nextInt(30));
      out.add(event(day));
    }
    return out;
  }

  private EventRecord event(LocalDate day) {
    double kind = random.nextDouble();
    if (kind < 0.08) {
      return series(day);
    } else if (kind < 0.18) {
      return allDay(day);
    } else if (kind < 0.28) {
      return build(
          Names.pick(List.of("Focus time", "Dentist", "Gym", "Deep work"), random),
          slot(day),
          List.of(),
          self());
    }
    List<Contact> people = graph.pickGroup(random, 1 + random.nextInt(5));
    boolean ownerOrganizes = random.nextDouble() < 0.4;
    Person organizer = ownerOrganizes ? self() : person(people.get(0));
    String title = Names.pick(Texts.MEETINGS, random);
    return build(title, slot(day), people, organizer);
  }

  private EventRecord series(LocalDate day) {
    List<Contact> people = graph.pickGroup(random, random.nextBoolean() ? 1 : 4);
    String title = people.size() == 1 ? "1:1 " + display(people.get(0)) : "Team standup";
    EventRecord base = build(title, slot(day), people, self());
    String rule = "RRULE:FREQ=WEEKLY;COUNT=" + (4 + random.nextInt(5));
    return new EventRecord(
        base.id(),
        base.status(),
        base.summary(),
        base.description(),
        base.location(),
        base.colorId(),
        base.creator(),
        base.organizer(),
        base.start(),
        base.end(),
        List.of(rule),
        null,
        null,
        base.attendees(),
        base.reminderOverrides(),
        base.attachments(),
        base.visibility(),
        base.created(),
        base.updated(),
        base.sequence());
  }

  private EventRecord allDay(LocalDate day) {
    int days = 1 + random.nextInt(3);
    EventTime[] times = {EventTime.allDay(day), EventTime.allDay(day.plusDays(days))};
    return build(Names.pick(Texts.ALL_DAY, random), times, List.of(), self());
  }

  private EventTime[] slot(LocalDate day) {
    LocalTime start = LocalTime.of(8, 0).plusMinutes(30L * random.nextInt(20));
    int minutes = new int[] {30, 45, 60, 60, 90}[random.nextInt(5)];
    ZonedDateTime begin = ZonedDateTime.of(day, start, zone);
    return new EventTime[] {EventTime.at(begin), EventTime.at(begin.plusMinutes(minutes))};
  }

  private EventRecord build(
      String title, EventTime[] times, List<Contact> people, Person organizer) {
    Instant start = times[0].instant();
    Instant created =
        min(start.minus(Duration.ofHours(1 + random.nextInt(20 * 24))), anchor.minusSeconds(3600));
    Instant updated =
        min(created.plus(Duration.ofMinutes(random.nextInt(3 * 24 * 60))), anchor.minusSeconds(60));
    String status =
        random.nextDouble() < 0.06
            ? "cancelled"
            : random.nextDouble() < 0.05 ? "tentative" : "confirmed";
    return new EventRecord(
        EventIds.next(random),
        status,
        title,
        people.isEmpty() ? "" : Texts.paragraph(random, 1 + random.nextInt(2)),
        people.isEmpty() ? "" : Names.pick(Texts.LOCATIONS, random),
        random.nextDouble() < 0.2 ? String.valueOf(1 + random.nextInt(11)) : null,
        organizer,
        organizer,
        times[0],
        times[1],
        List.of(),
        null,
        null,
        attendees(people, organizer),
        random.nextDouble() < 0.7
            ? null
            : List.of(new Reminder("popup", 10), new Reminder("email", 30)),
        random.nextDouble() < 0.05 ? List.of(attachment()) : List.of(),
        random.nextDouble() < 0.1 ? "private" : random.nextDouble() < 0.05 ? "public" : "default",
        created,
        updated,
        random.nextInt(3));
  }

  private List<Attendee> attendees(List<Contact> people, Person organizer) {
    if (people.isEmpty()) {
      return List.of();
    }
    List<Attendee> out = new ArrayList<>();
    String own = organizer.self() ? "accepted" : RESPONSES[random.nextInt(RESPONSES.length)];
    out.add(
        new Attendee(graph.owner.email(), graph.owner.name(), own, organizer.self(), true, false));
    for (Contact c : people) {
      boolean organizes = c.email().equals(organizer.email());
      String status = organizes ? "accepted" : RESPONSES[random.nextInt(RESPONSES.length)];
      out.add(
          new Attendee(
              c.email(),
              display(c),
              status,
              organizes,
              false,
              !organizes && random.nextDouble() < 0.1));
    }
    return out;
  }

  private EventAttachment attachment() {
    String fileId = EventIds.next(random).substring(0, 20);
    return new EventAttachment(
        "https://drive.google.com/open?id=" + fileId,
        "Agenda",
        "application/vnd.google-apps.document",
        "https://drive-thirdparty.googleusercontent.com/16/type/application/vnd.google-apps.document",
        fileId);
  }

  private Person self() {
    return new Person(graph.owner.email(), graph.owner.name(), true);
  }

  private static Person person(Contact c) {
    return new Person(c.email(), display(c), false);
  }

  private static String display(Contact c) {
    return c.displayName().isEmpty() ? c.email() : c.displayName();
  }

  private static Instant min(Instant a, Instant b) {
    return a.isBefore(b) ? a : b;
  }
}
