package dev.officeflow.simkit.mailbox;

import dev.officeflow.simkit.mailbox.ThreadPlanner.Category;
import dev.officeflow.simkit.mailbox.ThreadPlanner.Step;
import dev.officeflow.simkit.mailbox.ThreadPlanner.ThreadPlan;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

/** Turns planned steps with their times into complete messages: headers, bodies, labels. */
final class MessageFactory {

  private static final List<String[]> ATTACHMENT_TYPES =
      List.of(
          new String[] {"report.pdf", "application/pdf"},
          new String[] {
            "notes.docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
          },
          new String[] {"photo.png", "image/png"},
          new String[] {
            "budget.xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          });

  private final SocialGraph graph;
  private final SplittableRandom random;
  private final ZoneId zone;
  private final Instant anchor;
  private final Set<String> ids = new HashSet<>();

  MessageFactory(SocialGraph graph, SplittableRandom random, ZoneId zone, Instant anchor) {
    this.graph = graph;
    this.random = random;
    this.zone = zone;
    this.anchor = anchor;
  }

  /** Builds one thread's messages, in order; {@code large} marks steps that carry a >1 MB file. */
  List<MailMessage> thread(ThreadPlan plan, List<Instant> times, Set<Step> large) {
    List<MailMessage> out = new ArrayList<>();
    List<String> references = new ArrayList<>();
    String threadId = "";
    for (int i = 0; i < plan.steps().size(); i++) {
      Step step = plan.steps().get(i);
      String id = messageId(times.get(i));
      threadId = i == 0 ? id : threadId;
      String messageIdHeader =
          "<"
              + id
              + "."
              + Long.toHexString(random.nextLong() & 0xffffffffL)
              + "@"
              + domainOf(step.from())
              + ">";
      Draft draft =
          new Draft(
              id,
              threadId,
              step.from().spelling(random),
              addresses(step.to()),
              addresses(step.cc()),
              subject(plan, i),
              times.get(i).atZone(zone),
              body(step),
              random.nextDouble() < 0.6 ? html(step) : null,
              attachments(plan, step, large.contains(step)),
              messageIdHeader,
              references.isEmpty() ? null : references.get(references.size() - 1),
              references,
              extraHeaders(plan, step),
              Labels.of(plan.category(), step, times.get(i), anchor, random));
      out.add(MessageBuilder.build(draft));
      references.add(messageIdHeader);
    }
    return out;
  }

  private String messageId(Instant time) {
    String id;
    do {
      long value = (time.toEpochMilli() << 20) | random.nextInt(1 << 20);
      id = Long.toHexString(value);
    } while (!ids.add(id));
    return id;
  }

  private List<Address> addresses(List<Contact> contacts) {
    return contacts.stream().map(Contact::address).toList();
  }

  private static String domainOf(Contact c) {
    return c.email().substring(c.email().indexOf('@') + 1);
  }

  private String subject(ThreadPlan plan, int position) {
    String base =
        switch (plan.category()) {
          case LIST -> "[" + plan.source().displayName() + "] " + plan.topic();
          case NO_REPLY -> notification(plan.source());
          default -> plan.topic();
        };
    return position == 0 ? base : "Re: " + base;
  }

  private String notification(Contact sender) {
    return switch (sender.displayName()) {
      case "GitHub" -> "[officeflow] New comment on pull request #" + (100 + random.nextInt(900));
      case "Bank Alerts" -> "Security alert: new sign-in";
      case "Jira" -> "[JIRA] OF-" + (1 + random.nextInt(999)) + " was updated";
      case "Zoom" -> "Cloud recording is now available";
      default -> "Your weekly update from " + sender.displayName();
    };
  }

  private String body(Step step) {
    String greeting = step.outbound() ? "Hi," : "Hello,";
    String signature =
        step.from().displayName().isEmpty() ? step.from().email() : step.from().displayName();
    return greeting
        + "\n\n"
        + Texts.paragraph(random, 2 + random.nextInt(4))
        + "\n\n-- \n"
        + signature
        + "\n";
  }

  private String html(Step step) {
    return "<div dir=\"ltr\"><p>" + Texts.paragraph(random, 2).replace("&", "&amp;") + "</p></div>";
  }

  private List<Draft.Attachment> attachments(ThreadPlan plan, Step step, boolean large) {
    boolean conversational =
        plan.category() == Category.PERSONAL || plan.category() == Category.GROUP;
    if (!large && (!conversational || random.nextDouble() >= 0.08)) {
      return List.of();
    }
    String[] type = Names.pick(ATTACHMENT_TYPES, random);
    int size = large ? 1_100_000 + random.nextInt(1_400_000) : 20_000 + random.nextInt(380_000);
    return List.of(new Draft.Attachment(type[0], type[1], size, random.nextLong()));
  }

  private List<Header> extraHeaders(ThreadPlan plan, Step step) {
    List<Header> h = new ArrayList<>();
    if (!step.outbound()) {
      h.add(Header.of("Delivered-To", graph.owner.email()));
    }
    Contact source = plan.source();
    if (plan.category() == Category.LIST) {
      String local = source.email().substring(0, source.email().indexOf('@'));
      h.add(
          Header.of(
              "List-Id", source.displayName() + " <" + source.email().replace('@', '.') + ">"));
      h.add(
          Header.of(
              "List-Unsubscribe",
              "<mailto:"
                  + local
                  + "+unsubscribe@"
                  + domainOf(source)
                  + ">, <https://"
                  + domainOf(source)
                  + "/unsubscribe/"
                  + local
                  + ">"));
      h.add(Header.of("Precedence", "list"));
    } else if (plan.category() == Category.NO_REPLY) {
      h.add(Header.of("Auto-Submitted", "auto-generated"));
      h.add(Header.of("Precedence", "bulk"));
      h.add(
          Header.of(
              "List-Unsubscribe",
              "<https://"
                  + domainOf(source)
                  + "/unsubscribe?u="
                  + Long.toHexString(random.nextLong() & 0xffffffL)
                  + ">"));
      h.add(Header.of("List-Unsubscribe-Post", "List-Unsubscribe=One-Click"));
    }
    return h;
  }
}
