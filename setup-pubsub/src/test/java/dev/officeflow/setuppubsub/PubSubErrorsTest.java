package dev.officeflow.setuppubsub;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.api.gax.grpc.GrpcStatusCode;
import com.google.api.gax.rpc.ApiException;
import com.google.api.gax.rpc.ApiExceptionFactory;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import org.junit.jupiter.api.Test;

class PubSubErrorsTest {

  private final PubSubErrors errors =
      PubSubErrors.forEmulator("officeflow-local", new HostPort("127.0.0.1", 8085));

  private static ApiException exception(Status status) {
    return ApiExceptionFactory.createException(
        new StatusRuntimeException(status), GrpcStatusCode.of(status.getCode()), false);
  }

  @Test
  void permissionDeniedNamesTheProjectAndTheRole() {
    SetupException e =
        errors.translate(
            exception(Status.PERMISSION_DENIED.withDescription("no")), "create topic x");

    assertThat(e.status()).isEqualTo(ExitStatus.PERMISSION_DENIED);
    assertThat(e.getMessage())
        .isEqualTo(
            "permission denied on projects/officeflow-local: the credentials need"
                + " roles/pubsub.editor");
  }

  @Test
  void unavailableSaysHowToStartTheEmulator() {
    SetupException e =
        errors.translate(exception(Status.UNAVAILABLE.withDescription("io exception")), "read");

    assertThat(e.status()).isEqualTo(ExitStatus.UNREACHABLE);
    assertThat(e.getMessage())
        .isEqualTo(
            "cannot reach the Pub/Sub emulator at 127.0.0.1:8085: UNAVAILABLE: io exception"
                + " — start it with ./dev infra");
  }

  @Test
  void otherFailuresNameTheAction() {
    SetupException e =
        errors.translate(
            exception(Status.INVALID_ARGUMENT.withDescription("Invalid [topics] name")),
            "create topic x");

    assertThat(e.status()).isEqualTo(ExitStatus.FAILED);
    assertThat(e.getMessage())
        .isEqualTo(
            "cannot create topic x in projects/officeflow-local: INVALID_ARGUMENT: Invalid"
                + " [topics] name");
  }

  @Test
  void connectionFailuresReadAsLowerCaseReasons() {
    assertThat(PubSubConnection.reason(new ConnectException("Connection refused")))
        .isEqualTo("connection refused");
    assertThat(PubSubConnection.reason(new UnknownHostException("nohost")))
        .isEqualTo("unknown host nohost");
  }
}
