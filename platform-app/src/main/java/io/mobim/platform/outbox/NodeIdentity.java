package io.mobim.platform.outbox;

/** The node id this instance stamps on the charging events it relays; it may change while the instance runs. */
@FunctionalInterface
public interface NodeIdentity {

    String current();
}
