package io.mobim.smpp.mo;

/**
 * Puts a handler of this process in front of the gateway's {@link MoSink} ({@code sms.mo.v1}): in the all-in-one the
 * IM core takes MOs straight from the gateway, and hands what it cannot take to the sink behind it.
 */
@FunctionalInterface
public interface MoSinkDecorator {

    /** The sink the gateway uses, given the one it would use without this. */
    MoSink around(MoSink next);
}
