package dev.officeflow.user.microsoft;

import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.StringUtils;

/**
 * Microsoft is offered when {@code officeflow.user.microsoft.client-id} has text. Spring's {@code
 * ConditionalOnProperty} would not do: it counts the empty value {@code application.yml} gives by
 * default as set.
 */
final class MicrosoftEnabled implements Condition {

  static final String CLIENT_ID = "officeflow.user.microsoft.client-id";

  @Override
  public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
    return StringUtils.hasText(context.getEnvironment().getProperty(CLIENT_ID));
  }
}
