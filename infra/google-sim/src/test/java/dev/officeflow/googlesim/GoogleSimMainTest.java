package dev.officeflow.googlesim;

import static org.assertj.core.api.Assertions.assertThat;

import dev.officeflow.googlesim.account.AccountSpec;
import dev.officeflow.googlesim.calendar.CalendarSpec;
import dev.officeflow.googlesim.quota.QuotaSettings;
import dev.officeflow.simkit.mailbox.AddressBookSpec;
import dev.officeflow.simkit.web.Json;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class GoogleSimMainTest {

  @Test
  void anAccountsFileNamesCalendarsAnAddressBookAndThePeopleSettings() {
    GoogleSimConfig config =
        GoogleSimMain.fromFile(
            GoogleSimConfig.defaults(),
            Json.MAPPER.readTree(
                """
                {"accounts": [{"email": "alice@acme.test", "contacts": 200, "otherContacts": 50,
                  "calendars": [{"id": "team@group.calendar.google.com", "summary": "Team",
                                 "accessRole": "owner", "events": 40, "hidden": true}]}],
                 "quota": {"peopleRequestsPerMinute": 120},
                 "peopleSyncTokenLifetimeHours": 48}
                """));

    AccountSpec alice = config.accounts().get(0);
    assertThat(alice.addressBook()).isEqualTo(new AddressBookSpec(200, 50));
    assertThat(alice.calendars())
        .containsExactly(
            new CalendarSpec("team@group.calendar.google.com", "Team", "owner", 40, 0, true));
    assertThat(config.quota().peopleRequestsPerMinute()).isEqualTo(120);
    assertThat(config.peopleSyncTokenLifetime()).isEqualTo(Duration.ofHours(48));
  }

  @Test
  void aConfigFileSetsTheProjectsLimitsBesideTheUsers() {
    GoogleSimConfig config =
        GoogleSimMain.fromFile(
            GoogleSimConfig.defaults(),
            Json.MAPPER.readTree(
                """
                {"accounts": [],
                 "quota": {"gmailUnitsPerMinute": 6000, "projectGmailUnitsPerMinute": 120000,
                           "projectCalendarRequestsPerMinute": 12000,
                           "projectPeopleRequestsPerMinute": 1800}}
                """));

    assertThat(config.quota())
        .isEqualTo(
            QuotaSettings.defaults()
                .withProjectGmailUnitsPerMinute(120_000)
                .withProjectCalendarRequestsPerMinute(12_000)
                .withProjectPeopleRequestsPerMinute(1_800));
  }

  @Test
  void aConfigFileWithoutProjectLimitsGetsGooglesDefaults() {
    GoogleSimConfig config =
        GoogleSimMain.fromFile(
            GoogleSimConfig.defaults(),
            Json.MAPPER.readTree("{\"quota\": {\"gmailUnitsPerMinute\": 600}}"));

    assertThat(config.quota().projectGmailUnitsPerMinute()).isEqualTo(1_200_000);
    assertThat(config.quota().projectCalendarRequestsPerMinute()).isEqualTo(10_000);
    assertThat(config.quota().projectPeopleRequestsPerMinute()).isEqualTo(600);
  }

  @Test
  void theDemoAccountKeepsItsGrantsAndHasNoSecondaryCalendarsOrAddressBook() {
    assertThat(GoogleSimMain.DEMO.grantedScopes()).isEqualTo(AccountSpec.ALL_SCOPES);
    assertThat(GoogleSimMain.DEMO.calendars()).isEmpty();
    assertThat(GoogleSimMain.DEMO.addressBook()).isEqualTo(AddressBookSpec.NONE);
  }
}
