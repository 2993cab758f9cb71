package dev.officeflow.simkit.mailbox;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * The owner's contacts with planted closeness. People are ranked: the first {@link #CLOSE} form the
 * inner circle with Zipf-like weights {@code 10 / (r+1)^0.6} (10 down to ~1.7); the long tail
 * continues with {@code 0.6 / (1 + j/8)} (0.6 and falling), so the least close inner-circle member
 * is picked ~2.8× as often as the most frequent tail contact.
 */
final class SocialGraph {

  static final int CLOSE = 20;

  final Address owner;
  final Contact self;
  final String workDomain;
  final List<Contact> people;
  final List<Contact> lists;
  final List<Contact> noReply;
  private final double[] cumulative;
  private final Set<String> used = new HashSet<>();

  private SocialGraph(Address owner, int tailSize, SplittableRandom random) {
    this.owner = owner;
    this.self =
        new Contact(
            -1,
            Contact.Kind.OWNER,
            owner.name(),
            owner.name(),
            "",
            owner.email(),
            owner.encoding(),
            List.of(),
            0);
    this.workDomain = workDomain(owner.email());
    used.add(owner.email());
    this.people = new ArrayList<>();
    for (int rank = 0; rank < CLOSE + tailSize; rank++) {
      people.add(person(rank, random));
    }
    this.lists = lists();
    this.noReply = noReply();
    this.cumulative = cumulative(people);
  }

  /** A graph sized to the mailbox: a tail of {@code clamp(messages / 10, 40, 400)} people. */
  static SocialGraph build(Address owner, int totalMessages, SplittableRandom random) {
    int tail = Math.max(40, Math.min(400, totalMessages / 10));
    return new SocialGraph(owner, tail, random);
  }

  static double weight(int rank) {
    return rank < CLOSE ? 10 / Math.pow(rank + 1, 0.6) : 0.6 / (1 + (rank - CLOSE) / 8.0);
  }

  Contact pickPerson(SplittableRandom random) {
    double x = random.nextDouble() * cumulative[cumulative.length - 1];
    int lo = 0;
    int hi = cumulative.length - 1;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (cumulative[mid] < x) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return people.get(lo);
  }

  /** {@code size} distinct people, drawn by weight. */
  List<Contact> pickGroup(SplittableRandom random, int size) {
    List<Contact> group = new ArrayList<>();
    int guard = 0;
    while (group.size() < size && guard++ < size * 20) {
      Contact c = pickPerson(random);
      if (!group.contains(c)) {
        group.add(c);
      }
    }
    return group;
  }

  /** A one-off external sender outside the graph (cold outreach, a stranger's question). */
  Contact stranger(SplittableRandom random) {
    Contact c = person(-1, random);
    return new Contact(
        -1,
        Contact.Kind.PERSON,
        c.displayName(),
        c.givenName(),
        c.familyName(),
        c.email(),
        c.encoding(),
        List.of(),
        0);
  }

  private Contact person(int rank, SplittableRandom random) {
    double style = random.nextDouble();
    boolean foreign = style < 0.2;
    Names.Foreign f = Names.pick(Names.FOREIGN, random);
    String first = foreign ? f.first() : Names.pick(Names.FIRST, random);
    String last = foreign ? f.last() : Names.pick(Names.LAST, random);
    String asciiFirst = (foreign ? f.asciiFirst() : first).toLowerCase(Locale.ROOT);
    String asciiLast = (foreign ? f.asciiLast() : last).toLowerCase(Locale.ROOT);
    double where = random.nextDouble();
    String domain =
        where < 0.45
            ? workDomain
            : where < 0.7 ? "gmail.com" : Names.pick(Names.PARTNER_DOMAINS, random);
    String local =
        domain.equals("gmail.com") || domain.equals(workDomain)
            ? asciiFirst + "." + asciiLast
            : asciiFirst.charAt(0) + asciiLast;
    String email = unique(local, domain);
    String display = displayName(first, last, random.nextDouble());
    return new Contact(
        rank,
        Contact.Kind.PERSON,
        display,
        first,
        last,
        email,
        encoding(random.nextDouble()),
        variants(email, first, last),
        rank < 0 ? 0 : weight(rank));
  }

  private String unique(String local, String domain) {
    String candidate = local + "@" + domain;
    for (int n = 2; !used.add(candidate); n++) {
      candidate = local + n + "@" + domain;
    }
    return candidate;
  }

  private static String displayName(String first, String last, double style) {
    if (style < 0.08) {
      return last + ", " + first;
    } else if (style < 0.12) {
      return first + " \"" + first.substring(0, 1) + last.substring(0, 1) + "\" " + last;
    } else if (style < 0.15) {
      return "Dr. " + first + " " + last;
    } else if (style < 0.20) {
      return "";
    }
    return first + " " + last;
  }

  private static Address.NameEncoding encoding(double x) {
    return x < 0.6
        ? Address.NameEncoding.BASE64_WORD
        : x < 0.9 ? Address.NameEncoding.Q_WORD : Address.NameEncoding.QUOTED_WORD;
  }

  /** Spellings that normalise to the same mailbox: case everywhere, dots and +tags on Gmail. */
  private static List<String> variants(String email, String first, String last) {
    String local = email.substring(0, email.indexOf('@'));
    String domain = email.substring(email.indexOf('@') + 1);
    List<String> out = new ArrayList<>();
    out.add(capitalise(local) + "@" + domain);
    if (domain.equals("gmail.com")) {
      out.add(local.replace(".", "") + "@gmail.com");
      out.add(local + "+work@gmail.com");
      out.add(local + "@googlemail.com");
    }
    return out;
  }

  private static String capitalise(String local) {
    StringBuilder out = new StringBuilder();
    for (String piece : local.split("\\.", -1)) {
      if (!out.isEmpty()) {
        out.append('.');
      }
      out.append(
          piece.isEmpty() ? piece : Character.toUpperCase(piece.charAt(0)) + piece.substring(1));
    }
    return out.toString();
  }

  private List<Contact> lists() {
    List<Contact> out = new ArrayList<>();
    for (String[] l : Names.LISTS) {
      String email = l[1] + "@lists." + workDomain;
      out.add(
          new Contact(
              -1,
              Contact.Kind.LIST,
              l[0],
              l[0],
              "",
              email,
              Address.NameEncoding.BASE64_WORD,
              List.of(),
              1));
    }
    return out;
  }

  private static List<Contact> noReply() {
    List<Contact> out = new ArrayList<>();
    for (String[] n : Names.NO_REPLY) {
      out.add(
          new Contact(
              -1,
              Contact.Kind.NO_REPLY,
              n[0],
              n[0],
              "",
              n[1],
              Address.NameEncoding.BASE64_WORD,
              List.of(),
              1));
    }
    return out;
  }

  private static double[] cumulative(List<Contact> people) {
    double[] out = new double[people.size()];
    double sum = 0;
    for (int i = 0; i < out.length; i++) {
      sum += people.get(i).weight();
      out[i] = sum;
    }
    return out;
  }

  private static String workDomain(String ownerEmail) {
    String domain = ownerEmail.substring(ownerEmail.indexOf('@') + 1).toLowerCase(Locale.ROOT);
    return domain.equals("gmail.com") || domain.equals("googlemail.com") ? "acme.test" : domain;
  }
}
