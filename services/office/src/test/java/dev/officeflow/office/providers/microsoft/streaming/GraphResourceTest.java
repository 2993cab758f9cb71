package dev.officeflow.office.providers.microsoft.streaming;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;

class GraphResourceTest {

  @Test
  void mailOnlyGrantStreamsTheInboxAndSentItems() {
    assertThat(GraphResource.grantedBy(Set.of("openid", "Mail.Read", "offline_access")))
        .containsExactly(GraphResource.INBOX, GraphResource.SENT_ITEMS);
  }

  @Test
  void readWriteScopesCountAsRead() {
    assertThat(GraphResource.grantedBy(Set.of("Calendars.ReadWrite", "Contacts.Read")))
        .containsExactly(GraphResource.EVENTS, GraphResource.CONTACTS);
  }

  @Test
  void unknownScopesStreamEveryResourceAndLetGraphDecide() {
    assertThat(GraphResource.grantedBy(Set.of())).containsExactly(GraphResource.values());
  }

  @Test
  void storedNamesReadBack() {
    for (GraphResource r : GraphResource.values()) {
      assertThat(GraphResource.fromWire(r.wire())).contains(r);
    }
    assertThat(GraphResource.fromWire("drafts")).isEmpty();
  }
}
