package dev.officeflow.office.normalize;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EncodedWordsTest {

  @Test
  void textWithoutEncodedWordsIsUnchanged() {
    assertThat(EncodedWords.decode("Quarterly plan =? draft")).isEqualTo("Quarterly plan =? draft");
  }

  @Test
  void encodedSubjectIsDecoded() {
    assertThat(EncodedWords.decode("Re: =?UTF-8?B?UmXDvG5pb24=?= tomorrow"))
        .isEqualTo("Re: Reünion tomorrow");
  }

  @Test
  void wordsOfDifferentCharsetsAreDecodedSeparately() {
    assertThat(EncodedWords.decode("=?iso-8859-1?Q?caf=E9?= =?UTF-8?Q?=C3=A9t=C3=A9?="))
        .isEqualTo("caféété");
  }

  @Test
  void languageSuffixOnTheCharsetIsAccepted() {
    assertThat(EncodedWords.decode("=?UTF-8*en?Q?hello_world?=")).isEqualTo("hello world");
  }

  @Test
  void truncatedQuotedPrintableStaysAsWritten() {
    assertThat(EncodedWords.decode("=?UTF-8?Q?abc=C?=")).isEqualTo("=?UTF-8?Q?abc=C?=");
  }
}
