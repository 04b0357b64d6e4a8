package io.mobim.platform.wv.groups;

import io.mobim.platform.rooms.RoomRefused;
import io.mobim.platform.subscribers.InvalidSubscriberData;
import io.mobim.platform.wv.CspFault;
import io.mobim.wv.StatusCode;
import java.util.function.Supplier;

/** The CSP status of a room operation the core refused. */
final class GroupFaults {

    private GroupFaults() {
    }

    /** Runs {@code operation}, turning a refusal into its CSP status. */
    static <T> T run(Supplier<T> operation) {
        try {
            return operation.get();
        } catch (RoomRefused e) {
            throw new CspFault(status(e.reason()), e.getMessage());
        } catch (InvalidSubscriberData e) {
            throw new CspFault(StatusCode.BAD_PARAMETER, e.getMessage());
        }
    }

    static void run(Runnable operation) {
        run(() -> {
            operation.run();
            return null;
        });
    }

    private static StatusCode status(RoomRefused.Reason reason) {
        return switch (reason) {
            case NO_SUCH_ROOM -> StatusCode.GROUP_DOES_NOT_EXIST;
            case NAME_TAKEN -> StatusCode.GROUP_ALREADY_EXISTS;
            case NICKNAME_TAKEN -> StatusCode.SCREEN_NAME_IN_USE;
            case PRIVATE -> StatusCode.UNAUTHORIZED_GROUP_MEMBERSHIP;
            case REJECTED -> StatusCode.GROUP_JOIN_REJECTED;
            case FULL -> StatusCode.MAX_JOINED_USERS;
            case NOT_OWNER, NOT_ALLOWED -> StatusCode.INSUFFICIENT_GROUP_PRIVILEGES;
            case NOT_A_MEMBER -> StatusCode.GROUP_NOT_JOINED;
            case INVALID_NAME, INVALID_PROPERTIES -> StatusCode.INVALID_GROUP_PROPERTIES;
        };
    }
}
