package dev.officeflow.runtime.payload;

import dev.officeflow.events.DataEvent;
import dev.officeflow.events.EventType;
import dev.officeflow.events.OfficeEvent;
import dev.officeflow.events.PayloadRef;
import dev.officeflow.events.codec.EventCodec;
import dev.officeflow.runtime.payload.PayloadUnavailableException.Reason;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.concurrent.CompletableFuture;

/**
 * The claim-check pattern of ARCHITECTURE §4: {@link #offload} moves a large payload into the store
 * before publishing; {@link #resolve} brings it back, verified, before a handler runs.
 */
public final class PayloadPointers {

  private final PayloadStore store;
  private final EventCodec codec;
  private final PayloadSettings settings;

  public PayloadPointers(PayloadStore store, EventCodec codec, PayloadSettings settings) {
    this.store = store;
    this.codec = codec;
    this.settings = settings;
  }

  /**
   * The event as it should travel: bodies left out in metadata-only mode; a large payload stored
   * whole, the event keeping it inline without its body beside the pointer, so that a reader that
   * does not resolve pointers (the reference services) still has every required field.
   */
  public CompletableFuture<OfficeEvent> offload(OfficeEvent event) {
    if (!(event instanceof DataEvent<?> data) || data.payload() == null) {
      return CompletableFuture.completedFuture(event);
    }
    DataEvent<?> travelling = settings.metadataOnly() ? data.withoutBody() : data;
    byte[] bytes = codec.encodePayload(travelling.payload());
    if (bytes.length <= settings.thresholdBytes()) {
      return CompletableFuture.completedFuture(travelling);
    }
    String sha256 = sha256(bytes);
    String docType = EventType.of(travelling).docType();
    String key =
        PayloadRef.redisKey(travelling.userId(), docType, travelling.providerItemId(), sha256);
    PayloadRef ref = new PayloadRef(PayloadRef.REDIS, key, bytes.length, sha256);
    return store.put(key, bytes, settings.ttl()).thenApply(ok -> travelling.withPayloadRef(ref));
  }

  /**
   * The event with its payload inline. Fails with {@link PayloadUnavailableException} when the
   * stored payload is gone or altered.
   */
  public CompletableFuture<OfficeEvent> resolve(OfficeEvent event) {
    if (!(event instanceof DataEvent<?> data) || data.payloadRef() == null) {
      return CompletableFuture.completedFuture(event);
    }
    PayloadRef ref = data.payloadRef();
    return store
        .get(ref.key())
        .thenApply(
            stored ->
                inline(
                    data,
                    ref,
                    stored.orElseThrow(
                        () ->
                            new PayloadUnavailableException(
                                Reason.PAYLOAD_MISSING, ref.key(), "is not in the store"))));
  }

  private <P> DataEvent<P> inline(DataEvent<P> event, PayloadRef ref, byte[] bytes) {
    if (bytes.length != ref.sizeBytes() || !sha256(bytes).equals(ref.sha256())) {
      throw new PayloadUnavailableException(
          Reason.PAYLOAD_CORRUPT, ref.key(), "does not match size_bytes and sha256");
    }
    // Errors name the stored payload as "payload" ("payload.received_date: missing").
    return event.withPayload(codec.decodePayload(bytes, event.payloadType(), "payload"));
  }

  static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }
}
