package io.mobim.wv;

/**
 * CSP result codes ({@code <Result><Code>}), with their meaning (reference section 9: Nokia's
 * {@code ImpsCSPAllErrors.h} from WV-022, cross-checked with AOSP {@code ImpsErrorInfo}).
 * {@link #of(int)} is an array lookup.
 */
public enum StatusCode {
    CONTINUE(100, "Continue"),
    QUEUED(101, "Queued"),
    STARTED(102, "Started"),

    SUCCESSFUL(200, "Successful"),
    PARTIALLY_SUCCESSFUL(201, "Partially successful"),
    ACCEPTED(202, "Accepted"),

    BAD_REQUEST(400, "Bad request"),
    UNAUTHORIZED(401, "Unauthorized"),
    BAD_PARAMETER(402, "Bad parameter"),
    FORBIDDEN(403, "Forbidden"),
    NOT_FOUND(404, "Not found"),
    SERVICE_NOT_SUPPORTED(405, "Service not supported"),
    REQUEST_TIMEOUT(406, "Request timeout"),
    REQUEST_TIMEOUT_408(408, "Request timeout"),
    INVALID_PASSWORD(409, "Invalid password"),
    UNABLE_TO_DELIVER(410, "Unable to deliver"),
    UNSUPPORTED_MEDIA_TYPE(415, "Unsupported media type"),
    INVALID_TRANSACTION(420, "Invalid transaction"),
    USER_ID_AND_CLIENT_ID_DO_NOT_MATCH(422, "UserID and ClientID do not match"),
    INVALID_INVITATION_ID(423, "Invalid invitation ID"),
    INVALID_SEARCH_ID(424, "Invalid search ID"),
    INVALID_SEARCH_INDEX(425, "Invalid search index"),
    INVALID_MESSAGE_ID(426, "Invalid message ID"),
    UNAUTHORIZED_GROUP_MEMBERSHIP(431, "Unauthorized group membership"),
    RESPONSE_TOO_LARGE(432, "Response too large"),

    INTERNAL_SERVER_ERROR(500, "Internal server or network error"),
    NOT_IMPLEMENTED(501, "Not implemented"),
    COULD_NOT_RECOVER_SESSION(502, "Could not recover session"),
    SERVICE_UNAVAILABLE(503, "Service unavailable"),
    TIMEOUT(504, "Timeout"),
    VERSION_NOT_SUPPORTED(505, "Version not supported"),
    SERVICE_NOT_AGREED(506, "Service not agreed"),
    MESSAGE_QUEUE_FULL(507, "Message queue full"),
    DOMAIN_NOT_SUPPORTED(516, "Domain not supported"),
    UNRESPONDED_PRESENCE_REQUEST(521, "Unresponded presence request"),
    UNRESPONDED_GROUP_REQUEST(522, "Unresponded group request"),
    UNKNOWN_USER(531, "Unknown user"),
    RECIPIENT_BLOCKED_SENDER(532, "Recipient blocked the sender"),
    RECIPIENT_NOT_LOGGED_IN(533, "Message recipient not logged in"),
    RECIPIENT_NOT_AUTHORIZED(534, "Message recipient not authorized"),
    SEARCH_TIMED_OUT(535, "Search timed out"),
    TOO_MANY_HITS(536, "Too many hits"),
    TOO_BROAD_SEARCH_CRITERIA(537, "Too broad search criteria"),
    MESSAGE_REJECTED(538, "Message rejected"),
    HEADER_ENCODING_NOT_SUPPORTED(540, "Header encoding not supported"),
    MESSAGE_FORWARDED(541, "Message forwarded"),
    MESSAGE_EXPIRED(542, "Message expired"),
    NO_MATCHING_DIGEST_SCHEME(543, "No matching digest scheme"),

    SESSION_EXPIRED(600, "Session expired"),
    FORCED_LOGOUT(601, "Forced logout"),
    ALREADY_LOGGED_IN(603, "Already logged in"),
    INVALID_SESSION(604, "Invalid session / not logged in"),
    NEW_VALUE_NOT_ACCEPTED(605, "New value not accepted"),

    CONTACT_LIST_DOES_NOT_EXIST(700, "Contact list does not exist"),
    CONTACT_LIST_ALREADY_EXISTS(701, "Contact list already exists"),
    INVALID_USER_PROPERTIES(702, "Invalid or unsupported user properties"),
    INVALID_PRESENCE_ATTRIBUTE(750, "Invalid or unsupported presence attribute"),
    INVALID_PRESENCE_VALUE(751, "Invalid or unsupported presence value"),
    INVALID_CONTACT_LIST_PROPERTY(752, "Invalid or unsupported contact list property"),
    MAX_CONTACT_LISTS(753, "Maximum number of contact lists reached"),
    MAX_CONTACTS(754, "Maximum number of contacts reached"),
    MAX_ATTRIBUTE_LISTS(755, "Maximum number of attribute lists reached"),
    AUTO_SUBSCRIPTION_NOT_SUPPORTED(760, "Automatic subscription/unsubscription is not supported"),

    GROUP_DOES_NOT_EXIST(800, "Group does not exist"),
    GROUP_ALREADY_EXISTS(801, "Group already exists"),
    GROUP_IS_OPEN(802, "Group is open"),
    GROUP_IS_RESTRICTED(803, "Group is restricted"),
    GROUP_IS_PUBLIC(804, "Group is public"),
    GROUP_IS_PRIVATE(805, "Group is private"),
    INVALID_GROUP_PROPERTIES(806, "Invalid or unsupported group properties"),
    GROUP_ALREADY_JOINED(807, "Group is already joined"),
    GROUP_NOT_JOINED(808, "Group is not joined"),
    GROUP_JOIN_REJECTED(809, "Group cannot be joined (rejected)"),
    NOT_A_GROUP_MEMBER(810, "Not a group member"),
    SCREEN_NAME_IN_USE(811, "Screen name already in use"),
    PRIVATE_MESSAGING_DISABLED_FOR_GROUP(812, "Private messaging is disabled for group"),
    PRIVATE_MESSAGING_DISABLED_FOR_USER(813, "Private messaging is disabled for user"),
    MAX_GROUPS_FOR_USER(814, "Maximum number of groups reached for the user"),
    MAX_GROUPS_FOR_SERVER(815, "Maximum number of groups reached for the server"),
    INSUFFICIENT_GROUP_PRIVILEGES(816, "Insufficient group privileges"),
    MAX_JOINED_USERS(817, "Maximum number of joined users reached"),
    HISTORY_NOT_SUPPORTED(821, "History is not supported"),
    GROUP_MISSING_NAME_OR_TOPIC(822, "Group name or topic missing"),

    MULTIPLE_ERRORS(900, "Multiple errors"),
    GENERAL_ADDRESS_ERROR(901, "General address error"),
    NOT_ENOUGH_CREDIT(902, "Not enough credit"),
    REQUIRES_HIGHER_SERVICE_CLASS(903, "Operation requires a higher class of service"),
    MSISDN_ERROR(920, "MSISDN error");

    private static final StatusCode[] BY_CODE = new StatusCode[1000];

    static {
        for (StatusCode s : values()) {
            BY_CODE[s.code] = s;
        }
    }

    private final int code;
    private final String meaning;

    StatusCode(int code, String meaning) {
        this.code = code;
        this.meaning = meaning;
    }

    /** The number carried in {@code <Code>}. */
    public int code() {
        return code;
    }

    /** The meaning, usable as a {@code <Description>}. */
    public String meaning() {
        return meaning;
    }

    /** True for 2xx codes. */
    public boolean isSuccess() {
        return code >= 200 && code < 300;
    }

    /** The status with this number, or {@code null} if it is not a known CSP code. */
    public static StatusCode of(int code) {
        return code >= 0 && code < BY_CODE.length ? BY_CODE[code] : null;
    }
}
