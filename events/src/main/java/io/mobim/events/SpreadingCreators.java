package io.mobim.events;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Constructor;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.BeanDescription;
import tools.jackson.databind.DeserializationConfig;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.deser.SettableBeanProperty;
import tools.jackson.databind.deser.ValueInstantiator;
import tools.jackson.databind.deser.bean.PropertyValueBuffer;
import tools.jackson.databind.deser.std.StdValueInstantiator;
import tools.jackson.databind.introspect.AnnotatedConstructor;
import tools.jackson.databind.module.SimpleValueInstantiators;

/**
 * Calls the events' canonical constructors through one spreading method handle per type. Jackson calls a
 * properties-based creator (every event is a record) with {@code MethodHandle.invokeWithArguments}, which builds a
 * spreading adapter on every call: garbage for every record read, and slow until the JIT has compiled the
 * method-type machinery it goes through, which it did only while traffic ran. A constructor that throws is called once
 * more through Jackson's own instantiator, so a bad record fails exactly as before (a
 * {@code ValueInstantiationException} naming the type and the cause).
 */
final class SpreadingCreators extends SimpleValueInstantiators {

    @Override
    public ValueInstantiator modifyValueInstantiator(DeserializationConfig config, BeanDescription.Supplier bean,
                                                     ValueInstantiator standard) {
        return wrap(standard);
    }

    private static ValueInstantiator wrap(ValueInstantiator standard) {
        if (standard instanceof StdValueInstantiator std && std.canCreateFromObjectWith()
                && std.getWithArgsCreator() instanceof AnnotatedConstructor creator) {
            MethodHandle spreading = spreading(creator.getAnnotated());
            if (spreading != null) {
                return new Spreading(standard, spreading);
            }
        }
        return standard;
    }

    /** {@code (Object[]) -> Object} calling the constructor, or null where its class does not let this module in. */
    private static MethodHandle spreading(Constructor<?> constructor) {
        try {
            MethodHandle direct = MethodHandles.publicLookup().unreflectConstructor(constructor);
            int arity = constructor.getParameterCount();
            return direct.asType(direct.type().generic()).asSpreader(Object[].class, arity)
                    .asType(MethodType.methodType(Object.class, Object[].class));
        } catch (IllegalAccessException notPublic) {
            return null;
        }
    }

    private static final class Spreading extends ValueInstantiator.Delegating {

        private final MethodHandle constructor;

        Spreading(ValueInstantiator standard, MethodHandle constructor) {
            super(standard);
            this.constructor = constructor;
        }

        @Override
        public ValueInstantiator createContextual(DeserializationContext ctxt, BeanDescription.Supplier bean) {
            ValueInstantiator contextual = delegate().createContextual(ctxt, bean);
            return contextual == delegate() ? this : wrap(contextual);
        }

        @Override
        public Object createFromObjectWith(DeserializationContext ctxt, SettableBeanProperty[] props, PropertyValueBuffer buffer)
                throws JacksonException {
            return createFromObjectWith(ctxt, buffer.getParameters(ctxt, props));
        }

        @Override
        public Object createFromObjectWith(DeserializationContext ctxt, Object[] args) throws JacksonException {
            try {
                return (Object) constructor.invokeExact(args);
            } catch (Error e) {
                throw e;
            } catch (Throwable refused) {
                // Jackson's own call throws what it always threw for this constructor's refusal
                return delegate().createFromObjectWith(ctxt, args);
            }
        }
    }
}
