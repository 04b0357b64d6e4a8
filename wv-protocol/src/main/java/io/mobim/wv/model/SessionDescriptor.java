package io.mobim.wv.model;

/**
 * {@code <SessionDescriptor>}.
 *
 * @param type Inband or Outband
 * @param sessionId the session, absent ({@code null}) when Outband
 */
public record SessionDescriptor(SessionType type, String sessionId) {

    public SessionDescriptor {
        if (type == null) {
            throw new IllegalArgumentException("type");
        }
    }

    public static SessionDescriptor outband() {
        return new SessionDescriptor(SessionType.OUTBAND, null);
    }

    public static SessionDescriptor inband(String sessionId) {
        return new SessionDescriptor(SessionType.INBAND, sessionId);
    }
}
