package dev.officeflow.simkit.mailbox;

import java.util.List;
import java.util.SplittableRandom;

/** Word pools for people, organisations and lists. Plain data, no logic beyond picking. */
final class Names {

  static final List<String> FIRST =
      List.of(
          "Anna",
          "Ben",
          "Carla",
          "David",
          "Elena",
          "Frank",
          "Grace",
          "Hugo",
          "Ines",
          "Jonas",
          "Katrin",
          "Liam",
          "Maya",
          "Noah",
          "Olivia",
          "Paul",
          "Quinn",
          "Rosa",
          "Sam",
          "Tara",
          "Umar",
          "Vera",
          "Will",
          "Xenia",
          "Yusuf",
          "Zoe",
          "Aaron",
          "Beatrice",
          "Chris",
          "Dana",
          "Emil",
          "Fiona",
          "Gabriel",
          "Hannah",
          "Ivan",
          "Julia",
          "Kevin",
          "Lena",
          "Marco",
          "Nina");

  static final List<String> LAST =
      List.of(
          "Adams",
          "Baker",
          "Clark",
          "Diaz",
          "Evans",
          "Fischer",
          "Garcia",
          "Hughes",
          "Ivanova",
          "Jensen",
          "Kowalski",
          "Lopez",
          "Meyer",
          "Nguyen",
          "Olsen",
          "Patel",
          "Quinlan",
          "Rossi",
          "Schmidt",
          "Turner",
          "Ueda",
          "Vogel",
          "Walsh",
          "Xu",
          "Young",
          "Zimmermann",
          "Bauer",
          "Costa",
          "Dubois",
          "Eriksen",
          "Novak",
          "Okafor",
          "Park",
          "Reyes",
          "Silva",
          "Tanaka");

  /** Non-ASCII names with the ASCII local part their owner would pick for an address. */
  record Foreign(String first, String last, String asciiFirst, String asciiLast) {}

  static final List<Foreign> FOREIGN =
      List.of(
          new Foreign("Zoë", "Åberg", "zoe", "aberg"),
          new Foreign("José", "Núñez", "jose", "nunez"),
          new Foreign("Łukasz", "Żółkiewski", "lukasz", "zolkiewski"),
          new Foreign("Søren", "Kjærgaard", "soren", "kjaergaard"),
          new Foreign("Jürgen", "Müller", "juergen", "mueller"),
          new Foreign("François", "Lefèvre", "francois", "lefevre"),
          new Foreign("Ólafur", "Jóhannsson", "olafur", "johannsson"),
          new Foreign("İlker", "Çelik", "ilker", "celik"),
          new Foreign("Antonín", "Dvořák", "antonin", "dvorak"),
          new Foreign("Björn", "Ångström", "bjorn", "angstrom"),
          new Foreign("Renée", "Faßbender", "renee", "fassbender"),
          new Foreign("太郎", "山田", "taro", "yamada"),
          new Foreign("Ирина", "Петрова", "irina", "petrova"),
          new Foreign("Γιώργος", "Παπαδόπουλος", "giorgos", "papadopoulos"),
          new Foreign("Chloé", "Gauthier", "chloe", "gauthier"),
          new Foreign("Mónica", "Sánchez", "monica", "sanchez"));

  static final List<String> PARTNER_DOMAINS =
      List.of(
          "northwind.test",
          "contoso.test",
          "fabrikam.test",
          "globex.test",
          "initech.test",
          "umbrella.test",
          "hooli.test",
          "wayne.test");

  /** Mailing lists: display name and local part. */
  static final List<String[]> LISTS =
      List.of(
          new String[] {"Engineering Announcements", "eng-announce"},
          new String[] {"All Hands", "all"},
          new String[] {"Java Users Group", "jug"},
          new String[] {"Book Club", "bookclub"},
          new String[] {"Open Source Digest", "oss-digest"},
          new String[] {"Running Club", "runners"});

  /** No-reply senders: display name, address, whether it is a promotion (else an update). */
  static final List<String[]> NO_REPLY =
      List.of(
          new String[] {"GitHub", "noreply@github.test", "update"},
          new String[] {"Calendar Bot", "calendar-notification@google.test", "update"},
          new String[] {"Shop Deals", "deals@news.shop.test", "promo"},
          new String[] {"Bank Alerts", "no-reply@alerts.bank.test", "update"},
          new String[] {"Travel, Inc.", "no-reply@travel.test", "promo"},
          new String[] {"Jira", "jira@tickets.atlassian.test", "update"},
          new String[] {"Newsletter \"Weekly\"", "newsletter@weekly.test", "promo"},
          new String[] {"Zoom", "no-reply@zoom.test", "update"});

  private Names() {}

  static <T> T pick(List<T> list, SplittableRandom random) {
    return list.get(random.nextInt(list.size()));
  }
}
