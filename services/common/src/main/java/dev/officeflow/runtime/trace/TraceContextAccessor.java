package dev.officeflow.runtime.trace;

import io.micrometer.context.ThreadLocalAccessor;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import java.util.ArrayDeque;
import java.util.Deque;
import org.jspecify.annotations.Nullable;

/**
 * Makes the trace a Reactor chain carries ({@link HttpTraceContext#with}) the current OpenTelemetry
 * context on whatever thread the chain runs, through Micrometer's context-propagation library: with
 * Reactor's automatic context propagation on ({@code spring.reactor.context-propagation=auto}, a
 * services-common default), a handler's code after an R2DBC or WebClient call still sees its span,
 * and its log lines carry the trace ({@link LogCorrelation}). Loaded through {@code
 * META-INF/services}. Each value set on a thread is a scope, closed in reverse order when Reactor
 * restores the thread.
 */
public final class TraceContextAccessor implements ThreadLocalAccessor<Context> {

  private static final ThreadLocal<Deque<Scope>> SCOPES = ThreadLocal.withInitial(ArrayDeque::new);

  @Override
  public Object key() {
    return HttpTraceContext.KEY;
  }

  @Override
  public @Nullable Context getValue() {
    Context current = Context.current();
    return current == Context.root() ? null : current;
  }

  @Override
  public void setValue(Context value) {
    SCOPES.get().push(value.makeCurrent());
  }

  /** The chain carries no trace: none is current while it runs here. */
  @Override
  public void setValue() {
    SCOPES.get().push(Context.root().makeCurrent());
  }

  @Override
  public void restore(Context previousValue) {
    restore();
  }

  @Override
  public void restore() {
    Scope scope = SCOPES.get().poll();
    if (scope != null) {
      scope.close();
    }
  }
}
