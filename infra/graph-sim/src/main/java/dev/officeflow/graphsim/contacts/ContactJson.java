package dev.officeflow.graphsim.contacts;

import dev.officeflow.graphsim.account.ContactItem;
import dev.officeflow.graphsim.account.GraphIds;
import dev.officeflow.simkit.people.PersonRecord;
import dev.officeflow.simkit.web.Json;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Set;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A personal contact as Graph v1.0 writes it ({@code microsoft.graph.contact}): names, {@code
 * emailAddresses [{name, address}]}, {@code companyName}, {@code jobTitle}, {@code businessPhones},
 * {@code homePhones}, {@code mobilePhone}, from the kit's provider-neutral person.
 */
final class ContactJson {

  static final String TYPE = "microsoft.graph.contact";

  static final Set<String> PROPERTIES =
      Set.of(
          "id",
          "createdDateTime",
          "lastModifiedDateTime",
          "changeKey",
          "categories",
          "parentFolderId",
          "birthday",
          "fileAs",
          "displayName",
          "givenName",
          "initials",
          "middleName",
          "nickName",
          "surname",
          "title",
          "generation",
          "imAddresses",
          "jobTitle",
          "companyName",
          "department",
          "officeLocation",
          "profession",
          "businessHomePage",
          "assistantName",
          "manager",
          "homePhones",
          "mobilePhone",
          "businessPhones",
          "spouseName",
          "personalNotes",
          "children",
          "emailAddresses",
          "homeAddress",
          "businessAddress",
          "otherAddress");

  private ContactJson() {}

  static ObjectNode of(ContactItem c, String accountId) {
    PersonRecord p = c.person();
    String changeKey = GraphIds.changeKey(c.id(), c.version());
    String display = p.displayName().isEmpty() ? p.emails().get(0).value() : p.displayName();
    ObjectNode o = Json.object();
    o.put("@odata.etag", "W/\"" + changeKey + "\"");
    o.put("id", c.id());
    o.put("createdDateTime", time(c.created()));
    o.put("lastModifiedDateTime", time(p.updated()));
    o.put("changeKey", changeKey);
    o.putArray("categories");
    o.put("parentFolderId", GraphIds.item(accountId, GraphIds.Kind.FOLDER, "contacts"));
    o.putNull("birthday");
    o.put("fileAs", "");
    o.put("displayName", display);
    o.put("givenName", p.givenName());
    o.putNull("initials");
    o.putNull("middleName");
    o.putNull("nickName");
    o.put("surname", p.familyName());
    o.putNull("title");
    o.putNull("generation");
    o.putArray("imAddresses");
    PersonRecord.Organization org = p.organization();
    o.put("jobTitle", org == null || org.title().isEmpty() ? null : org.title());
    o.put("companyName", org == null || org.name().isEmpty() ? null : org.name());
    o.putNull("department");
    o.putNull("officeLocation");
    o.putNull("profession");
    o.putNull("businessHomePage");
    o.putNull("assistantName");
    o.putNull("manager");
    o.set("homePhones", phones(p, "home"));
    o.put(
        "mobilePhone",
        p.phones().stream()
            .filter(ph -> ph.type().equals("mobile"))
            .map(PersonRecord.Phone::value)
            .findFirst()
            .orElse(null));
    o.set("businessPhones", phones(p, "work"));
    o.putNull("spouseName");
    o.putNull("personalNotes");
    o.putArray("children");
    ArrayNode emails = o.putArray("emailAddresses");
    p.emails().forEach(e -> emails.addObject().put("name", display).put("address", e.value()));
    o.putObject("homeAddress");
    o.putObject("businessAddress");
    o.putObject("otherAddress");
    return o;
  }

  private static ArrayNode phones(PersonRecord p, String type) {
    ArrayNode out = Json.array();
    p.phones().stream().filter(ph -> ph.type().equals(type)).forEach(ph -> out.add(ph.value()));
    return out;
  }

  private static String time(Instant t) {
    return t.truncatedTo(ChronoUnit.SECONDS).toString();
  }
}
