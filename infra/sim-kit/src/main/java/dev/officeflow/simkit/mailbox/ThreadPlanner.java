package dev.officeflow.simkit.mailbox;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.jspecify.annotations.Nullable;

/**
 * Plans conversations: who writes to whom, in which order, until the mailbox holds exactly the
 * wanted number of messages. Times are assigned later, from the ordering keys.
 */
final class ThreadPlanner {

  enum Category {
    PERSONAL,
    GROUP,
    LIST,
    NO_REPLY,
    STRANGER
  }

  /**
   * One message of a thread; the owner appears as {@link SocialGraph#self}.
   *
   * @param key orders all messages of the mailbox in time
   */
  record Step(Contact from, List<Contact> to, List<Contact> cc, double key) {
    boolean outbound() {
      return from.kind() == Contact.Kind.OWNER;
    }
  }

  record ThreadPlan(
      int index, Category category, String topic, @Nullable Contact source, List<Step> steps) {}

  private final SocialGraph graph;
  private final SplittableRandom random;

  ThreadPlanner(SocialGraph graph, SplittableRandom random) {
    this.graph = graph;
    this.random = random;
  }

  List<ThreadPlan> plan(int totalMessages) {
    List<ThreadPlan> threads = new ArrayList<>();
    int planned = 0;
    while (planned < totalMessages) {
      ThreadPlan t = thread(threads.size());
      int room = totalMessages - planned;
      if (t.steps().size() > room) {
        t =
            new ThreadPlan(
                t.index(), t.category(), t.topic(), t.source(), t.steps().subList(0, room));
      }
      threads.add(t);
      planned += t.steps().size();
    }
    return threads;
  }

  private ThreadPlan thread(int index) {
    double x = random.nextDouble();
    String topic = Names.pick(Texts.TOPICS, random);
    if (x < 0.42) {
      Contact c = graph.pickPerson(random);
      return new ThreadPlan(index, Category.PERSONAL, topic, c, personal(c));
    } else if (x < 0.52) {
      return new ThreadPlan(index, Category.GROUP, topic, null, group());
    } else if (x < 0.70) {
      Contact list = Names.pick(graph.lists, random);
      return new ThreadPlan(
          index, Category.LIST, topic, list, broadcast(list, 1 + random.nextInt(3)));
    } else if (x < 0.92) {
      Contact sender = Names.pick(graph.noReply, random);
      return new ThreadPlan(index, Category.NO_REPLY, topic, sender, broadcast(sender, 1));
    }
    Contact stranger = graph.stranger(random);
    return new ThreadPlan(index, Category.STRANGER, topic, stranger, stranger(stranger));
  }

  /** Two-way conversation; the inner circle writes back and forth more, and more recently. */
  private List<Step> personal(Contact c) {
    boolean close = c.isClose();
    int length = 1 + geometric(close ? 0.35 : 0.6, close ? 9 : 5);
    boolean outbound = random.nextDouble() < (close ? 0.5 : 0.15);
    double start = close ? Math.pow(random.nextDouble(), 0.6) : random.nextDouble();
    double gap = 0.0005 + random.nextDouble() * 0.01;
    List<Step> steps = new ArrayList<>();
    for (int i = 0; i < length; i++) {
      List<Contact> cc = random.nextDouble() < 0.1 ? List.of(graph.pickPerson(random)) : List.of();
      if (cc.contains(c)) {
        cc = List.of();
      }
      steps.add(
          outbound
              ? new Step(graph.self, List.of(c), cc, start + i * gap)
              : new Step(c, owner(), cc, start + i * gap));
      outbound = random.nextDouble() < 0.85 ? !outbound : outbound;
    }
    return steps;
  }

  private List<Step> group() {
    List<Contact> members = graph.pickGroup(random, 2 + random.nextInt(4));
    int length = 1 + geometric(0.45, 6);
    double start = random.nextDouble();
    double gap = 0.0005 + random.nextDouble() * 0.01;
    List<Step> steps = new ArrayList<>();
    for (int i = 0; i < length; i++) {
      boolean ownerWrites = random.nextDouble() < 0.35;
      Contact sender = ownerWrites ? graph.self : Names.pick(members, random);
      List<Contact> others = new ArrayList<>(members);
      others.remove(sender);
      if (!ownerWrites) {
        others.add(0, graph.self);
      }
      int toCount = Math.min(others.size(), 1 + random.nextInt(2));
      steps.add(
          new Step(
              sender,
              List.copyOf(others.subList(0, toCount)),
              List.copyOf(others.subList(toCount, others.size())),
              start + i * gap));
    }
    return steps;
  }

  /** Mailing-list and no-reply mail: inbound only, addressed to the list or the owner. */
  private List<Step> broadcast(Contact sender, int length) {
    double start = random.nextDouble();
    List<Step> steps = new ArrayList<>();
    List<Contact> to = sender.kind() == Contact.Kind.LIST ? List.of(sender) : owner();
    for (int i = 0; i < length; i++) {
      steps.add(new Step(sender, to, List.of(), start + i * 0.002));
    }
    return steps;
  }

  private List<Step> stranger(Contact stranger) {
    double start = random.nextDouble();
    List<Step> steps = new ArrayList<>();
    steps.add(new Step(stranger, owner(), List.of(), start));
    if (random.nextDouble() < 0.2) {
      steps.add(new Step(graph.self, List.of(stranger), List.of(), start + 0.003));
    }
    return steps;
  }

  private List<Contact> owner() {
    return List.of(graph.self);
  }

  private int geometric(double stop, int max) {
    int n = 0;
    while (n < max && random.nextDouble() >= stop) {
      n++;
    }
    return n;
  }
}
