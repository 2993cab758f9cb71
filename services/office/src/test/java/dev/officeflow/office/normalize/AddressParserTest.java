package dev.officeflow.office.normalize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class AddressParserTest {

  /**
   * One header and what it must yield: mailboxes as {@code address|display name} (empty name: none)
   * and the count of dropped entries.
   */
  static Arguments header(String behaviour, String header, int dropped, String... mailboxes) {
    List<NamedAddress> expected = new ArrayList<>();
    for (String m : mailboxes) {
      String[] parts = m.split("\\|", 2);
      expected.add(
          new NamedAddress(parts[0], parts.length < 2 || parts[1].isEmpty() ? null : parts[1]));
    }
    return Arguments.of(behaviour, header, dropped, expected);
  }

  static Stream<Arguments> headers() {
    return Stream.of(
        header("a bare address", "ana@example.com", 0, "ana@example.com|"),
        header("capitals are lowered", "Ana.Lopez@Example.COM", 0, "ana.lopez@example.com|"),
        header(
            "a name and an angle address",
            "Ana Lopez <ana@example.com>",
            0,
            "ana@example.com|Ana Lopez"),
        header("a quoted name", "\"Ana Lopez\" <ana@example.com>", 0, "ana@example.com|Ana Lopez"),
        header(
            "a quoted name with a comma",
            "\"Doe, Jane\" <jane@example.org>",
            0,
            "jane@example.org|Doe, Jane"),
        header(
            "a quoted comma does not split the list",
            "\"Doe, Jane\" <jane@example.org>, bo@example.net",
            0,
            "jane@example.org|Doe, Jane",
            "bo@example.net|"),
        header(
            "escaped quotes inside a quoted name",
            "\"Ana \\\"the boss\\\" Lopez\" <ana@example.com>",
            0,
            "ana@example.com|Ana \"the boss\" Lopez"),
        header(
            "a quoted name with a dot and a title",
            "\"Dr. Ana Álvarez\" <ana@example.com>",
            0,
            "ana@example.com|Dr. Ana Álvarez"),
        header(
            "an RFC 2047 B word",
            "=?UTF-8?B?0JDQvdC90LAg0JjQstCw0L3QvtCy0LA=?= <anna@example.ru>",
            0,
            "anna@example.ru|Анна Иванова"),
        header(
            "an RFC 2047 Q word with underscores for spaces",
            "=?UTF-8?Q?Jos=C3=A9_N=C3=BA=C3=B1ez?= <jose@example.es>",
            0,
            "jose@example.es|José Núñez"),
        header(
            "an encoded word inside quotes, which Gmail leaves encoded",
            "\"=?UTF-8?Q?Zo=C3=AB?=\" <zoe@example.com>",
            0,
            "zoe@example.com|Zoë"),
        header(
            "adjacent encoded words join without the space between them",
            "=?UTF-8?B?5bGx55Sw?= =?UTF-8?B?5aSq6YOO?= <taro@example.jp>",
            0,
            "taro@example.jp|山田太郎"),
        header(
            "an encoded word next to plain words keeps the space",
            "=?UTF-8?Q?J=C3=B6rg?= Schmidt <joerg@example.de>",
            0,
            "joerg@example.de|Jörg Schmidt"),
        header(
            "an ISO-8859-1 Q word",
            "=?iso-8859-1?Q?Fran=E7ois?= <francois@example.fr>",
            0,
            "francois@example.fr|François"),
        header(
            "a character split across two B words",
            "=?UTF-8?B?w6k=?= =?UTF-8?B?w6k=?= <ee@example.com>",
            0,
            "ee@example.com|éé"),
        header(
            "an unknown charset stays as written",
            "=?x-unknown?Q?abc?= <u@example.com>",
            0,
            "u@example.com|=?x-unknown?Q?abc?="),
        header(
            "a broken B word stays as written",
            "=?UTF-8?B?!!!?= <b@example.com>",
            0,
            "b@example.com|=?UTF-8?B?!!!?="),
        header(
            "a group keeps its members",
            "Team: a@example.com, \"Bo\" <bo@example.com>;",
            0,
            "a@example.com|",
            "bo@example.com|Bo"),
        header("an empty group yields nothing and drops nothing", "undisclosed-recipients:;", 0),
        header(
            "entries after a group",
            "Team: a@example.com; c@example.net",
            0,
            "a@example.com|",
            "c@example.net|"),
        header(
            "a comment as the name", "ana@example.com (Ana Lopez)", 0, "ana@example.com|Ana Lopez"),
        header(
            "a comment next to a phrase is not the name",
            "\"Ana\" (work) <ana@example.com>",
            0,
            "ana@example.com|Ana"),
        header(
            "nested comments", "Ana (the (real) one) <ana@example.com>", 0, "ana@example.com|Ana"),
        header(
            "an encoded word in a comment",
            "ana@example.com (=?UTF-8?Q?Ana_L=C3=B3pez?=)",
            0,
            "ana@example.com|Ana López"),
        header("an angle address without a name", "<ana@example.com>", 0, "ana@example.com|"),
        header(
            "an obsolete source route",
            "<@relay.example.net:ana@example.com>",
            0,
            "ana@example.com|"),
        header(
            "a folded header",
            "Ana <ana@example.com>,\r\n\tBo <bo@example.com>",
            0,
            "ana@example.com|Ana",
            "bo@example.com|Bo"),
        header(
            "Outlook's semicolons",
            "ana@example.com; Bo <bo@example.com>",
            0,
            "ana@example.com|",
            "bo@example.com|Bo"),
        header(
            "empty entries are ignored, not dropped",
            "ana@example.com,, bo@example.com,",
            0,
            "ana@example.com|",
            "bo@example.com|"),
        header(
            "a repeated address appears once",
            "ana@example.com, ANA@example.com",
            0,
            "ana@example.com|"),
        header(
            "a repeated address keeps the first name given",
            "ana@example.com, Ana Lopez <ana@example.com>",
            0,
            "ana@example.com|Ana Lopez"),
        header("a name without an address is dropped", "undisclosed recipients", 1),
        header("an address without a domain is dropped", "foo@", 1),
        header("an address without a local part is dropped", "@example.com", 1),
        header("a single-label domain is dropped", "ana@localhost", 1),
        header("empty angle brackets are dropped", "Nobody <>", 1),
        header("words instead of an @ are dropped", "Ana <ana at example.com>", 1),
        header(
            "valid entries survive invalid neighbours",
            "a@example.com, garbage, <>, b@example.com, @x",
            3,
            "a@example.com|",
            "b@example.com|"),
        header(
            "an unquoted Last, First name is one mailbox",
            "Doe, Jane <jane@example.org>",
            0,
            "jane@example.org|Doe, Jane"),
        header(
            "a stray opening quote does not swallow the list",
            "\"Ana <ana@example.com>, bo@example.net",
            0,
            "ana@example.com|Ana",
            "bo@example.net|"),
        header("an unclosed angle address", "Ana <ana@example.com", 0, "ana@example.com|Ana"),
        header(
            "a name equal to the address is no name",
            "\"ana@example.com\" <ana@example.com>",
            0,
            "ana@example.com|"),
        header(
            "a single-quoted name",
            "'Ana Lopez' <ana@example.com>",
            0,
            "ana@example.com|Ana Lopez"),
        header(
            "missing brackets around the address",
            "Ana Lopez ana@example.com",
            0,
            "ana@example.com|Ana Lopez"),
        header("a quoted local part", "\"john doe\"@example.com", 0, "\"john doe\"@example.com|"),
        header("an internationalised domain", "user@Bücher.example", 0, "user@bücher.example|"),
        header("a domain literal", "ana@[192.0.2.1]", 0, "ana@[192.0.2.1]|"),
        header("a mailto address", "<mailto:ana@example.com>", 0, "ana@example.com|"),
        header(
            "raw UTF-8 in a name", "José Núñez <jose@example.es>", 0, "jose@example.es|José Núñez"),
        header(
            "spaces inside the angle brackets",
            "Ana < ana@example.com >",
            0,
            "ana@example.com|Ana"),
        header(
            "a plus tag is kept (only account matching ignores it)",
            "ana+news@example.com",
            0,
            "ana+news@example.com|"),
        header("a label starting with a hyphen is dropped", "ana@-example.com", 1));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("headers")
  void readsAddressListsAsMailersWriteThem(
      String behaviour, String header, int dropped, List<NamedAddress> expected) {
    AddressList parsed = AddressParser.parse(header);

    assertThat(parsed.addresses()).containsExactlyElementsOf(expected);
    assertThat(parsed.dropped()).isEqualTo(dropped);
  }

  @Test
  void noHeaderIsAnEmptyList() {
    assertThat(AddressParser.parse(null)).isEqualTo(AddressList.EMPTY);
    assertThat(AddressParser.parse("  ")).isEqualTo(AddressList.EMPTY);
  }

  @Test
  void garbageNeverThrows() {
    List<String> garbage =
        Arrays.asList(
            "\"",
            "<",
            ">",
            "(",
            ")",
            "\\",
            ":",
            ";",
            ",",
            "@",
            "<<<>>>",
            "\"\"\"",
            "((((",
            "=?",
            "=?UTF-8?B?",
            "a@b@c",
            "<a@b.c",
            "\"a\\",
            "Team:",
            ":;:;",
            "(a@b.c",
            "\u0000@x.y",
            "\"=?UTF-8?Q?=?=\" <x@y.z>",
            "x".repeat(10_000) + "@" + "y".repeat(10_000));
    for (String header : garbage) {
      assertThatCode(() -> AddressParser.parse(header)).as(header).doesNotThrowAnyException();
    }
  }

  @Test
  void displayNamesAreKeyedByAddress() {
    AddressList parsed = AddressParser.parse("\"Doe, Jane\" <jane@example.org>, bo@example.net");

    assertThat(parsed.displayNames())
        .containsExactly(java.util.Map.entry("jane@example.org", "Doe, Jane"));
    assertThat(parsed.bare()).containsExactly("jane@example.org", "bo@example.net");
  }
}
