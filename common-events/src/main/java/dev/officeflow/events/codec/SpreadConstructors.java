package dev.officeflow.events.codec;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Constructor;
import tools.jackson.databind.BeanDescription;
import tools.jackson.databind.DeserializationConfig;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.deser.ValueInstantiator;
import tools.jackson.databind.deser.ValueInstantiators;
import tools.jackson.databind.deser.std.StdValueInstantiator;
import tools.jackson.databind.introspect.AnnotatedConstructor;
import tools.jackson.databind.module.SimpleModule;

/**
 * Calls the records' canonical constructors through a spreading method handle made once per type.
 * Jackson 3.1 calls a constructor with more than one parameter by {@code
 * MethodHandle.invokeWithArguments}, which builds a new spreader on every call: in a consumer
 * draining a backlog that was 6.5 % of everything the service allocated. Only Jackson's own
 * instantiator with a constructor creator is replaced; the arguments, the errors and their handling
 * stay Jackson's.
 */
final class SpreadConstructors extends SimpleModule {

  SpreadConstructors() {
    super("officeflow-spread-constructors");
  }

  @Override
  public void setupModule(SetupContext context) {
    super.setupModule(context);
    context.addValueInstantiators(new Modifier());
  }

  private static final class Modifier extends ValueInstantiators.Base {
    @Override
    public ValueInstantiator modifyValueInstantiator(
        DeserializationConfig config, BeanDescription.Supplier bean, ValueInstantiator found) {
      if (found.getClass() == StdValueInstantiator.class
          && found.getWithArgsCreator() instanceof AnnotatedConstructor creator
          && creator.getParameterCount() > 1) {
        return new Spread((StdValueInstantiator) found, spreader(creator.getAnnotated()));
      }
      return found;
    }

    private static MethodHandle spreader(Constructor<?> constructor) {
      try {
        constructor.setAccessible(true);
        return MethodHandles.lookup()
            .unreflectConstructor(constructor)
            .asSpreader(Object[].class, constructor.getParameterCount())
            .asType(MethodType.methodType(Object.class, Object[].class));
      } catch (ReflectiveOperationException | RuntimeException e) {
        throw new IllegalStateException("no handle for " + constructor, e);
      }
    }
  }

  private static final class Spread extends StdValueInstantiator {
    private final MethodHandle constructor;

    Spread(StdValueInstantiator source, MethodHandle constructor) {
      super(source);
      this.constructor = constructor;
    }

    @Override
    public Object createFromObjectWith(DeserializationContext context, Object[] args) {
      try {
        return (Object) constructor.invokeExact(args);
      } catch (Error e) {
        throw e;
      } catch (Throwable e) {
        return context.handleInstantiationProblem(_valueClass, args, rewrapCtorProblem(context, e));
      }
    }
  }
}
