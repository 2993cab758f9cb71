package dev.officeflow.simkit.mailbox;

import java.util.List;
import java.util.SplittableRandom;

/** Subjects, sentences and event titles for generated content. */
final class Texts {

  static final List<String> TOPICS =
      List.of(
          "Q3 planning",
          "Budget review",
          "Design doc feedback",
          "Lunch on Thursday?",
          "Hiring loop for the backend role",
          "Release 2.4 checklist",
          "Customer escalation",
          "Offsite agenda",
          "Contract renewal",
          "Quick question about the API",
          "Travel plans",
          "Onboarding notes",
          "Incident follow-up",
          "Roadmap draft",
          "Invoice #4471",
          "Conference talk proposal",
          "Team dinner",
          "Migration status",
          "Pricing update",
          "Weekend hike?",
          "Draft press release",
          "Performance review",
          "Vendor comparison",
          "Résumé for the open position",
          "Überprüfung der Verträge",
          "Café meetup next week");

  static final List<String> SENTENCES =
      List.of(
          "Thanks for sending this over.",
          "I had a look and left a few comments inline.",
          "Can we move the meeting to Thursday afternoon?",
          "The numbers look good, but the forecast for Q4 seems optimistic.",
          "Let me know if you need anything else from my side.",
          "I will share the updated draft by end of day.",
          "We should loop in the legal team before signing.",
          "Attached is the latest version of the document.",
          "Sounds good to me, let's go ahead.",
          "Could you double-check the figures in section 3?",
          "I'm out of office on Friday, back on Monday.",
          "The customer confirmed the new timeline.",
          "Happy to help with the review.",
          "Here is the summary of yesterday's discussion.",
          "Naïve question: why not reuse the existing service?",
          "Merci pour ton retour, on en parle demain.",
          "Die Präsentation ist fertig, schau mal drüber.");

  static final List<String> MEETINGS =
      List.of(
          "1:1",
          "Sprint planning",
          "Design review",
          "Customer call",
          "Standup",
          "Retro",
          "Architecture sync",
          "Interview",
          "Lunch",
          "Quarterly business review",
          "Demo",
          "Roadmap workshop",
          "Coffee chat",
          "Board prep");

  static final List<String> ALL_DAY =
      List.of(
          "Offsite", "Public holiday", "Conference", "Out of office", "Team day", "Release day");

  static final List<String> LOCATIONS =
      List.of(
          "Room Ada (3rd floor)",
          "Room Turing",
          "Zoom",
          "Café Central, Vienna",
          "Google Meet",
          "HQ, Building 2",
          "Münchner Straße 12, Berlin",
          "");

  private Texts() {}

  static String paragraph(SplittableRandom random, int sentences) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < sentences; i++) {
      if (i > 0) {
        out.append(' ');
      }
      out.append(Names.pick(SENTENCES, random));
    }
    return out.toString();
  }
}
