package dev.officeflow.googlesim.gmail;

import dev.officeflow.googlesim.web.ApiKind;
import dev.officeflow.googlesim.web.GoogleErrors;
import dev.officeflow.simkit.web.BadRequestException;
import dev.officeflow.simkit.web.Json;
import dev.officeflow.simkit.web.PageTokens;
import dev.officeflow.simkit.web.Params;
import dev.officeflow.simkit.web.SimResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** {@code history.list}, {@code watch} and {@code stop}. */
final class GmailHistory {

  /** Gmail watches last seven days; clients renew them. */
  static final Duration WATCH_LIFETIME = Duration.ofDays(7);

  private static final Pattern TOPIC = Pattern.compile("projects/[^/]+/topics/[^/]+");

  private final Clock clock;

  GmailHistory(Clock clock) {
    this.clock = clock;
  }

  SimResponse list(Mailbox m, Params p) {
    long start =
        number(
            p.first("startHistoryId")
                .orElseThrow(
                    () ->
                        new BadRequestException(
                            "Missing required parameter: startHistoryId", "startHistoryId")),
            "startHistoryId");
    long after =
        p.first("pageToken")
            .map(t -> number(PageTokens.decode(t, 2, "pageToken").get(1), "pageToken"))
            .orElse(start);
    int max =
        Math.min(
            GmailMessages.MAX_PAGE, p.integer("maxResults").orElse(GmailMessages.DEFAULT_PAGE));
    Set<HistoryRecord.Type> types =
        p.all("historyTypes").stream()
            .map(HistoryRecord.Type::fromParameter)
            .collect(Collectors.toSet());
    Optional<String> label = p.first("labelId");
    long current = m.historyId();
    Optional<List<HistoryRecord>> records = m.history(start, after);
    if (records.isEmpty()) {
      return GoogleErrors.notFound(ApiKind.GMAIL);
    }
    List<HistoryRecord> matching =
        records.get().stream()
            .filter(r -> types.isEmpty() || types.contains(r.type()))
            .filter(
                r ->
                    label.isEmpty()
                        || r.messageLabels().contains(label.get())
                        || r.changedLabels().contains(label.get()))
            .toList();
    List<HistoryRecord> page = matching.subList(0, Math.min(max, matching.size()));
    ObjectNode out = Json.object();
    if (!page.isEmpty()) {
      ArrayNode history = out.putArray("history");
      page.forEach(r -> history.add(render(r)));
    }
    if (matching.size() > page.size()) {
      out.put(
          "nextPageToken", PageTokens.encode("h", Long.toString(page.get(page.size() - 1).id())));
    }
    out.put("historyId", Long.toString(current));
    return SimResponse.ok(out);
  }

  private static ObjectNode render(HistoryRecord r) {
    ObjectNode node = Json.object();
    node.put("id", Long.toString(r.id()));
    node.putArray("messages").addObject().put("id", r.messageId()).put("threadId", r.threadId());
    ObjectNode entry = node.putArray(r.type().field()).addObject();
    ObjectNode message = entry.putObject("message");
    message.put("id", r.messageId()).put("threadId", r.threadId());
    ArrayNode labels = message.putArray("labelIds");
    r.messageLabels().forEach(labels::add);
    if (!r.changedLabels().isEmpty()) {
      ArrayNode changed = entry.putArray("labelIds");
      r.changedLabels().forEach(changed::add);
    }
    return node;
  }

  SimResponse watch(Mailbox m, JsonNode body) {
    String topic = Json.text(body, "topicName", "");
    if (!TOPIC.matcher(topic).matches()) {
      return GoogleErrors.badRequest(
          ApiKind.GMAIL,
          "Invalid topicName does not match projects/SOME-PROJECT/topics/SOME-TOPIC",
          "topicName");
    }
    List<String> labelIds = new ArrayList<>();
    body.path("labelIds").forEach(n -> labelIds.add(n.asString()));
    String behavior =
        Json.text(body, "labelFilterBehavior", Json.text(body, "labelFilterAction", "include"));
    GmailWatch watch =
        new GmailWatch(topic, labelIds, behavior, clock.instant().plus(WATCH_LIFETIME));
    m.watch(watch);
    ObjectNode out = Json.object();
    out.put("historyId", Long.toString(m.historyId()))
        .put("expiration", Long.toString(watch.expiration().toEpochMilli()));
    return SimResponse.ok(out);
  }

  SimResponse stop(Mailbox m) {
    m.stop();
    return SimResponse.noContent();
  }

  private static long number(String value, String parameter) {
    try {
      return Long.parseUnsignedLong(value.trim());
    } catch (NumberFormatException e) {
      throw new BadRequestException("Invalid value for " + parameter + ": " + value, parameter);
    }
  }
}
