package dev.officeflow.testsupport;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import org.junit.jupiter.api.Test;

@IntegrationTest
class InfrastructureIT {

  private static final Duration TIMEOUT = Duration.ofSeconds(10);

  private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();

  private HttpResponse<String> emulator(String method, String path) throws Exception {
    URI uri =
        URI.create(
            "http://"
                + Infrastructure.pubsubEmulatorHost()
                + "/v1/projects/"
                + Infrastructure.pubsubProjectId()
                + path);
    HttpRequest request =
        HttpRequest.newBuilder(uri)
            .timeout(TIMEOUT)
            .method(method, HttpRequest.BodyPublishers.noBody())
            .build();
    return http.send(request, HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void emulatorListsTheTopicsOfTheProject() throws Exception {
    assertThat(emulator("GET", "/topics").statusCode()).isEqualTo(200);
  }

  @Test
  void emulatorAcceptsAUniqueTopicName() throws Exception {
    String topic = Infrastructure.uniqueName("infrastructure-it");

    HttpResponse<String> created = emulator("PUT", "/topics/" + topic);

    assertThat(created.statusCode()).isEqualTo(200);
    assertThat(created.body()).contains(topic);
  }

  @Test
  void redisAnswersPing() throws Exception {
    URI redis = URI.create(Infrastructure.redisUri());
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(redis.getHost(), redis.getPort()), 2_000);
      socket.setSoTimeout(Math.toIntExact(TIMEOUT.toMillis()));
      OutputStream out = socket.getOutputStream();
      out.write("PING\r\n".getBytes(US_ASCII));
      out.flush();
      BufferedReader in =
          new BufferedReader(new InputStreamReader(socket.getInputStream(), US_ASCII));

      assertThat(in.readLine()).isEqualTo("+PONG");
    }
  }

  @Test
  void createdDatabaseAnswersSelectOne() throws Exception {
    TestDatabase database = Infrastructure.createDatabase("infrastructure-it");

    try (Connection connection =
            DriverManager.getConnection(
                database.jdbcUrl(),
                Infrastructure.postgresUser(),
                Infrastructure.postgresPassword());
        Statement statement = connection.createStatement();
        ResultSet result = statement.executeQuery("select 1, current_database()")) {
      assertThat(result.next()).isTrue();
      assertThat(result.getInt(1)).isEqualTo(1);
      assertThat(result.getString(2)).isEqualTo(database.name());
    }
  }

  @Test
  void eachCreatedDatabaseIsANewOne() {
    TestDatabase first = Infrastructure.createDatabase("infrastructure-it");
    TestDatabase second = Infrastructure.createDatabase("infrastructure-it");

    assertThat(first.name()).isNotEqualTo(second.name());
    assertThat(first.r2dbcUrl())
        .isEqualTo("r2dbc:postgresql://" + hostAndPort() + "/" + first.name());
  }

  private static String hostAndPort() {
    return Infrastructure.postgresHost() + ":" + Infrastructure.postgresPort();
  }
}
