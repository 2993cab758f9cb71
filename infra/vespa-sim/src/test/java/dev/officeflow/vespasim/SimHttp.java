package dev.officeflow.vespasim;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse.BodyHandlers;
import tools.jackson.databind.JsonNode;

/** A plain HTTP client for the sim, for what the feed client cannot do (get, visit, admin). */
final class SimHttp {

  /** A response: status, JSON body and protocol version. */
  record Reply(int status, JsonNode json, HttpClient.Version version) {}

  private final HttpClient client;
  private final String base;

  SimHttp(int port, HttpClient.Version version) {
    this.client = HttpClient.newBuilder().version(version).build();
    this.base = "http://127.0.0.1:" + port;
  }

  SimHttp(int port) {
    this(port, HttpClient.Version.HTTP_1_1);
  }

  Reply get(String pathAndQuery) {
    return send(HttpRequest.newBuilder(uri(pathAndQuery)).GET());
  }

  Reply post(String pathAndQuery, String body) {
    return send(HttpRequest.newBuilder(uri(pathAndQuery)).POST(BodyPublishers.ofString(body)));
  }

  Reply put(String pathAndQuery, String body) {
    return send(HttpRequest.newBuilder(uri(pathAndQuery)).PUT(BodyPublishers.ofString(body)));
  }

  Reply delete(String pathAndQuery) {
    return send(HttpRequest.newBuilder(uri(pathAndQuery)).DELETE());
  }

  private URI uri(String pathAndQuery) {
    return URI.create(base + pathAndQuery);
  }

  private Reply send(HttpRequest.Builder request) {
    try {
      var response = client.send(request.build(), BodyHandlers.ofString());
      return new Reply(response.statusCode(), Json.parse(response.body()), response.version());
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
