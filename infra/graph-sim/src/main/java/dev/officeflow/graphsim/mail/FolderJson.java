package dev.officeflow.graphsim.mail;

import dev.officeflow.graphsim.account.GraphAccount;
import dev.officeflow.graphsim.account.GraphIds;
import dev.officeflow.graphsim.account.MailFolder;
import dev.officeflow.graphsim.account.MailItem;
import dev.officeflow.graphsim.odata.Links;
import dev.officeflow.simkit.web.Json;
import dev.officeflow.simkit.web.SimRequest;
import java.util.List;
import tools.jackson.databind.node.ObjectNode;

/** A {@code microsoft.graph.mailFolder}: id, display name and its counts. */
final class FolderJson {

  private FolderJson() {}

  static ObjectNode of(SimRequest r, GraphAccount account, MailFolder folder) {
    List<MailItem> items =
        account.messages().snapshot().live().stream().filter(m -> m.folder() == folder).toList();
    ObjectNode o = Json.object();
    o.put("@odata.context", Links.context(r, account.id(), "mailFolders/$entity"));
    o.put("id", folder.id(account.id()));
    o.put("displayName", folder.displayName());
    o.put("parentFolderId", GraphIds.item(account.id(), GraphIds.Kind.FOLDER, "msgfolderroot"));
    o.put("childFolderCount", 0);
    o.put("unreadItemCount", items.stream().filter(m -> !m.isRead()).count());
    o.put("totalItemCount", items.size());
    o.put("sizeInBytes", 0);
    o.put("isHidden", false);
    return o;
  }
}
