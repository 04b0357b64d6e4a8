package io.mobim.wv.bind;

import io.mobim.wv.model.*;

/**
 * The element layout of every CSP structure and primitive, in the element order the CSP DTDs use.
 * One line per record: which child element feeds which component, with its data type, in the
 * order of the record's components. The XML and WBXML codecs share these through {@link Binder};
 * the code that builds, writes and reads (WBXML) each record is generated from them by
 * {@code BinderGenerator} (in the tests), and a test fails when it is out of date.
 */
public final class Schemas {

    private Schemas() {
    }

    public static final Schema<ScreenName> SCREEN_NAME = Schema.of(ScreenName.class, null,
            Field.of("SName", "SName", Kind.STR, null, false),
            Field.of("GroupID", "GroupID", Kind.STR, null, false));
    public static final Schema<DetailedResult> DETAILED_RESULT = Schema.of(DetailedResult.class, null,
            Field.of("Code", "Code", Kind.INT, null, false),
            Field.of("Description", "Description", Kind.STR, null, false),
            Field.of("UserID", "UserID", Kind.STR, null, true),
            Field.of("GroupID", "GroupID", Kind.STR, null, true),
            Field.of("ScreenName", "ScreenName", Kind.REC, SCREEN_NAME, true),
            Field.of("MessageID", "MessageID", Kind.STR, null, true),
            Field.of("ContactList", "ContactList", Kind.STR, null, true),
            Field.of("Domain", "Domain", Kind.STR, null, true));
    public static final Schema<Result> RESULT = Schema.of(Result.class, null,
            Field.of("Code", "Code", Kind.INT, null, false),
            Field.of("Description", "Description", Kind.STR, null, false),
            Field.of("DetailedResult", "DetailedResult", Kind.REC, DETAILED_RESULT, true));
    public static final Schema<ClientId> CLIENT_ID = Schema.of(ClientId.class, null,
            Field.of("URL", "URL", Kind.STR, null, false),
            Field.of("MSISDN", "MSISDN", Kind.STR, null, false));
    public static final Schema<User> USER = Schema.of(User.class, null,
            Field.of("UserID", "UserID", Kind.STR, null, false));
    public static final Schema<Group> GROUP = Schema.of(Group.class, null,
            Field.of("GroupID", "GroupID", Kind.STR, null, false),
            Field.of("ScreenName", "ScreenName", Kind.REC, SCREEN_NAME, false));
    public static final Schema<Recipient> RECIPIENT = Schema.of(Recipient.class, null,
            Field.of("User", "User", Kind.REC, USER, true),
            Field.of("Group", "Group", Kind.REC, GROUP, true),
            Field.of("ContactList", "ContactList", Kind.STR, null, true));
    public static final Schema<Sender> SENDER = Schema.of(Sender.class, null,
            Field.of("User", "User", Kind.REC, USER, false),
            Field.of("Group", "Group", Kind.REC, GROUP, false));
    public static final Schema<MessageInfo> MESSAGE_INFO = Schema.of(MessageInfo.class, null,
            Field.of("MessageID", "MessageID", Kind.STR, null, false),
            Field.of("MessageURI", "MessageURI", Kind.STR, null, false),
            Field.of("ContentType", "ContentType", Kind.STR, null, false),
            Field.of("ContentEncoding", "ContentEncoding", Kind.STR, null, false),
            Field.of("ContentSize", "ContentSize", Kind.INT, null, false),
            Field.of("Recipient", "Recipient", Kind.REC, RECIPIENT, false),
            Field.of("Sender", "Sender", Kind.REC, SENDER, false),
            Field.of("ScreenName", "ScreenName", Kind.REC, SCREEN_NAME, false),
            Field.of("DateTime", "DateTime", Kind.DATE, null, false),
            Field.of("Validity", "Validity", Kind.INT, null, false));
    public static final Schema<NickName> NICK_NAME = Schema.of(NickName.class, null,
            Field.of("Name", "Name", Kind.STR, null, false),
            Field.of("UserID", "UserID", Kind.STR, null, false));
    public static final Schema<NickList> NICK_LIST = Schema.of(NickList.class, null,
            Field.of("NickName", "NickName", Kind.REC, NICK_NAME, true));
    public static final Schema<EntityList> ENTITY_LIST = Schema.of(EntityList.class, null,
            Field.of("UserID", "UserID", Kind.STR, null, true),
            Field.of("GroupID", "GroupID", Kind.STR, null, true),
            Field.of("ScreenName", "ScreenName", Kind.REC, SCREEN_NAME, true));
    public static final Schema<Property> PROPERTY = Schema.of(Property.class, null,
            Field.of("Name", "Name", Kind.STR, null, false),
            Field.of("Value", "Value", Kind.STR, null, false));
    public static final Schema<PropertyList> PROPERTY_LIST = Schema.of(PropertyList.class, null,
            Field.of("Property", "Property", Kind.REC, PROPERTY, true));
    public static final Schema<WelcomeNote> WELCOME_NOTE = Schema.of(WelcomeNote.class, null,
            Field.of("ContentType", "ContentType", Kind.STR, null, false),
            Field.of("ContentEncoding", "ContentEncoding", Kind.STR, null, false),
            Field.of("ContentData", "ContentData", Kind.STR, null, false));
    public static final Schema<GroupProperties> GROUP_PROPERTIES = Schema.of(GroupProperties.class, null,
            Field.of("Property", "Property", Kind.REC, PROPERTY, true),
            Field.of("WelcomeNote", "WelcomeNote", Kind.REC, WELCOME_NOTE, false));
    public static final Schema<UserList> USER_LIST = Schema.of(UserList.class, null,
            Field.of("User", "User", Kind.REC, USER, true),
            Field.of("ScreenName", "ScreenName", Kind.REC, SCREEN_NAME, true));
    public static final Schema<UserMapping> USER_MAPPING = Schema.of(UserMapping.class, null,
            Field.of("UserID", "UserID", Kind.STR, null, false),
            Field.of("SName", "SName", Kind.STR, null, false));
    public static final Schema<UserMapList> USER_MAP_LIST = Schema.of(UserMapList.class, null,
            Field.of("UserMapping", "UserMapping", Kind.REC, USER_MAPPING, true));
    public static final Schema<MemberList> MEMBER_LIST = Schema.of(MemberList.class, null,
            Field.of("UserList", "UserList", Kind.REC, USER_LIST, false),
            Field.of("UserMapList", "UserMapList", Kind.REC, USER_MAP_LIST, false));
    public static final Schema<CapabilityList> CAPABILITY_LIST = Schema.of(CapabilityList.class, null,
            Field.of("ClientType", "ClientType", Kind.STR, null, false),
            Field.of("InitialDeliveryMethod", "InitialDeliveryMethod", Kind.STR, null, false),
            Field.of("AcceptedContentType", "AcceptedContentType", Kind.STR, null, true),
            Field.of("AcceptedCharset", "AcceptedCharset", Kind.INT, null, true),
            Field.of("AcceptedTransferEncoding", "AcceptedTransferEncoding", Kind.STR, null, true),
            Field.of("AcceptedContentLength", "AcceptedContentLength", Kind.INT, null, false),
            Field.of("AnyContent", "AnyContent", Kind.BOOL, null, false),
            Field.of("SupportedBearer", "SupportedBearer", Kind.STR, null, true),
            Field.of("MultiTrans", "MultiTrans", Kind.INT, null, false),
            Field.of("ParserSize", "ParserSize", Kind.INT, null, false),
            Field.of("SupportedCIRMethod", "SupportedCIRMethod", Kind.STR, null, true),
            Field.of("UDPPort", "UDPPort", Kind.INT, null, false),
            Field.of("TCPAddress", "TCPAddress", Kind.STR, null, false),
            Field.of("TCPPort", "TCPPort", Kind.INT, null, false),
            Field.of("ServerPollMin", "ServerPollMin", Kind.INT, null, false),
            Field.of("DefaultLanguage", "DefaultLanguage", Kind.STR, null, false));
    public static final Schema<Presence> PRESENCE = Schema.of(Presence.class, null,
            Field.of("UserID", "UserID", Kind.STR, null, false),
            Field.of("ContactList", "ContactList", Kind.STR, null, false),
            Field.of("PresenceSubList", "PresenceSubList", Kind.PRESENCE, null, false));
    public static final Schema<SearchPair> SEARCH_PAIR = Schema.of(SearchPair.class, null,
            Field.of("SearchElement", "SearchElement", Kind.STR, null, false),
            Field.of("SearchString", "SearchString", Kind.STR, null, false));
    public static final Schema<GroupList> GROUP_LIST = Schema.of(GroupList.class, null,
            Field.of("GroupID", "GroupID", Kind.STR, null, true));
    public static final Schema<SearchResult> SEARCH_RESULT = Schema.of(SearchResult.class, null,
            Field.of("UserList", "UserList", Kind.REC, USER_LIST, false),
            Field.of("GroupList", "GroupList", Kind.REC, GROUP_LIST, false));
    public static final Schema<AccessList> ACCESS_LIST = Schema.of(AccessList.class, null,
            Field.of("InUse", "InUse", Kind.BOOL, null, false),
            Field.of("EntityList", "EntityList", Kind.REC, ENTITY_LIST, false),
            Field.of("AddList", "AddList", Kind.REC, ENTITY_LIST, false),
            Field.of("RemoveList", "RemoveList", Kind.REC, ENTITY_LIST, false));
    public static final Schema<ReactiveAuthState> REACTIVE_AUTH_STATE = Schema.of(ReactiveAuthState.class, null,
            Field.of("UserID", "UserID", Kind.STR, null, false),
            Field.of("ReactiveAuthStatus", "ReactiveAuthStatus", Kind.STR, null, false));
    public static final Schema<ReactiveAuthStatusList> REACTIVE_AUTH_STATUS_LIST = Schema.of(ReactiveAuthStatusList.class, null,
            Field.of("ReactiveAuthState", "ReactiveAuthState", Kind.REC, REACTIVE_AUTH_STATE, true));
    public static final Schema<UrlList> URL_LIST = Schema.of(UrlList.class, null,
            Field.of("URL", "URL", Kind.STR, null, true));
    public static final Schema<LoginRequest> LOGIN_REQUEST = Schema.of(LoginRequest.class, "Login-Request",
            Field.of("UserID", "UserID", Kind.STR, null, false),
            Field.of("ClientID", "ClientID", Kind.REC, CLIENT_ID, false),
            Field.of("Password", "Password", Kind.STR, null, false),
            Field.of("DigestSchema", "DigestSchema", Kind.STR, null, true),
            Field.of("DigestBytes", "DigestBytes", Kind.STR, null, false),
            Field.of("TimeToLive", "TimeToLive", Kind.INT, null, false),
            Field.of("SessionCookie", "SessionCookie", Kind.STR, null, false));
    public static final Schema<LoginResponse> LOGIN_RESPONSE = Schema.of(LoginResponse.class, "Login-Response",
            Field.of("ClientID", "ClientID", Kind.REC, CLIENT_ID, false),
            Field.of("Result", "Result", Kind.REC, RESULT, false),
            Field.of("SessionID", "SessionID", Kind.STR, null, false),
            Field.of("KeepAliveTime", "KeepAliveTime", Kind.INT, null, false),
            Field.of("CapabilityRequest", "CapabilityRequest", Kind.BOOL, null, false),
            Field.of("Nonce", "Nonce", Kind.STR, null, false),
            Field.of("DigestSchema", "DigestSchema", Kind.STR, null, false));
    public static final Schema<ClientCapabilityRequest> CLIENT_CAPABILITY_REQUEST = Schema.of(ClientCapabilityRequest.class, "ClientCapability-Request",
            Field.of("ClientID", "ClientID", Kind.REC, CLIENT_ID, false),
            Field.of("CapabilityList", "CapabilityList", Kind.REC, CAPABILITY_LIST, false));
    public static final Schema<ClientCapabilityResponse> CLIENT_CAPABILITY_RESPONSE = Schema.of(ClientCapabilityResponse.class, "ClientCapability-Response",
            Field.of("ClientID", "ClientID", Kind.REC, CLIENT_ID, false),
            Field.of("CapabilityList", "AgreedCapabilityList", Kind.REC, CAPABILITY_LIST, false));
    public static final Schema<ServiceRequest> SERVICE_REQUEST = Schema.of(ServiceRequest.class, "Service-Request",
            Field.of("ClientID", "ClientID", Kind.REC, CLIENT_ID, false),
            Field.of("Functions", "Functions", Kind.NODE, null, false),
            Field.of("AllFunctionsRequest", "AllFunctionsRequest", Kind.BOOL, null, false));
    public static final Schema<ServiceResponse> SERVICE_RESPONSE = Schema.of(ServiceResponse.class, "Service-Response",
            Field.of("ClientID", "ClientID", Kind.REC, CLIENT_ID, false),
            Field.of("Functions", "Functions", Kind.NODE, null, false),
            Field.of("AllFunctions", "AllFunctions", Kind.NODE, null, false));
    public static final Schema<KeepAliveRequest> KEEP_ALIVE_REQUEST = Schema.of(KeepAliveRequest.class, "KeepAlive-Request",
            Field.of("TimeToLive", "TimeToLive", Kind.INT, null, false));
    public static final Schema<KeepAliveResponse> KEEP_ALIVE_RESPONSE = Schema.of(KeepAliveResponse.class, "KeepAlive-Response",
            Field.of("Result", "Result", Kind.REC, RESULT, false),
            Field.of("KeepAliveTime", "KeepAliveTime", Kind.INT, null, false));
    public static final Schema<PollingRequest> POLLING_REQUEST = Schema.of(PollingRequest.class, "Polling-Request");
    public static final Schema<LogoutRequest> LOGOUT_REQUEST = Schema.of(LogoutRequest.class, "Logout-Request");
    public static final Schema<Disconnect> DISCONNECT = Schema.of(Disconnect.class, "Disconnect",
            Field.of("Result", "Result", Kind.REC, RESULT, false));
    public static final Schema<GetSpInfoRequest> GET_SP_INFO_REQUEST = Schema.of(GetSpInfoRequest.class, "GetSPInfo-Request",
            Field.of("ClientID", "ClientID", Kind.REC, CLIENT_ID, false));
    public static final Schema<GetSpInfoResponse> GET_SP_INFO_RESPONSE = Schema.of(GetSpInfoResponse.class, "GetSPInfo-Response",
            Field.of("ClientID", "ClientID", Kind.REC, CLIENT_ID, false),
            Field.of("Name", "Name", Kind.STR, null, false),
            Field.of("Logo", "Logo", Kind.NODE, null, false),
            Field.of("Description", "Description", Kind.STR, null, false),
            Field.of("URL", "URL", Kind.STR, null, false));
    public static final Schema<Status> STATUS = Schema.of(Status.class, "Status",
            Field.of("Result", "Result", Kind.REC, RESULT, false));
    public static final Schema<UpdatePresenceRequest> UPDATE_PRESENCE_REQUEST = Schema.of(UpdatePresenceRequest.class, "UpdatePresence-Request",
            Field.of("PresenceSubList", "PresenceSubList", Kind.PRESENCE, null, false));
    public static final Schema<GetPresenceRequest> GET_PRESENCE_REQUEST = Schema.of(GetPresenceRequest.class, "GetPresence-Request",
            Field.of("User", "User", Kind.REC, USER, true),
            Field.of("ContactList", "ContactList", Kind.STR, null, true),
            Field.of("PresenceSubList", "PresenceSubList", Kind.PRESENCE, null, false));
    public static final Schema<GetPresenceResponse> GET_PRESENCE_RESPONSE = Schema.of(GetPresenceResponse.class, "GetPresence-Response",
            Field.of("Result", "Result", Kind.REC, RESULT, false),
            Field.of("Presence", "Presence", Kind.REC, PRESENCE, true));
    public static final Schema<SubscribePresenceRequest> SUBSCRIBE_PRESENCE_REQUEST = Schema.of(SubscribePresenceRequest.class, "SubscribePresence-Request",
            Field.of("User", "User", Kind.REC, USER, true),
            Field.of("ContactList", "ContactList", Kind.STR, null, true),
            Field.of("PresenceSubList", "PresenceSubList", Kind.PRESENCE, null, false),
            Field.of("AutoSubscribe", "AutoSubscribe", Kind.BOOL, null, false));
    public static final Schema<UnsubscribePresenceRequest> UNSUBSCRIBE_PRESENCE_REQUEST = Schema.of(UnsubscribePresenceRequest.class, "UnsubscribePresence-Request",
            Field.of("User", "User", Kind.REC, USER, true),
            Field.of("ContactList", "ContactList", Kind.STR, null, true),
            Field.of("AutoSubscribe", "AutoSubscribe", Kind.BOOL, null, false));
    public static final Schema<PresenceNotificationRequest> PRESENCE_NOTIFICATION_REQUEST = Schema.of(PresenceNotificationRequest.class, "PresenceNotification-Request",
            Field.of("Presence", "Presence", Kind.REC, PRESENCE, true));
    public static final Schema<PresenceAuthRequest> PRESENCE_AUTH_REQUEST = Schema.of(PresenceAuthRequest.class, "PresenceAuth-Request",
            Field.of("UserID", "UserID", Kind.STR, null, false),
            Field.of("PresenceSubList", "PresenceSubList", Kind.PRESENCE, null, false));
    public static final Schema<PresenceAuthUser> PRESENCE_AUTH_USER = Schema.of(PresenceAuthUser.class, "PresenceAuth-User",
            Field.of("UserID", "UserID", Kind.STR, null, false),
            Field.of("Acceptance", "Acceptance", Kind.BOOL, null, false));
    public static final Schema<CancelAuthRequest> CANCEL_AUTH_REQUEST = Schema.of(CancelAuthRequest.class, "CancelAuth-Request",
            Field.of("UserID", "UserID", Kind.STR, null, false));
    public static final Schema<GetWatcherListRequest> GET_WATCHER_LIST_REQUEST = Schema.of(GetWatcherListRequest.class, "GetWatcherList-Request");
    public static final Schema<GetWatcherListResponse> GET_WATCHER_LIST_RESPONSE = Schema.of(GetWatcherListResponse.class, "GetWatcherList-Response",
            Field.of("Result", "Result", Kind.REC, RESULT, false),
            Field.of("UserID", "UserID", Kind.STR, null, true));
    public static final Schema<CreateAttributeListRequest> CREATE_ATTRIBUTE_LIST_REQUEST = Schema.of(CreateAttributeListRequest.class, "CreateAttributeList-Request",
            Field.of("PresenceSubList", "PresenceSubList", Kind.PRESENCE, null, false),
            Field.of("UserID", "UserID", Kind.STR, null, true),
            Field.of("ContactList", "ContactList", Kind.STR, null, true),
            Field.of("DefaultList", "DefaultList", Kind.BOOL, null, false));
    public static final Schema<DeleteAttributeListRequest> DELETE_ATTRIBUTE_LIST_REQUEST = Schema.of(DeleteAttributeListRequest.class, "DeleteAttributeList-Request",
            Field.of("UserID", "UserID", Kind.STR, null, true),
            Field.of("ContactList", "ContactList", Kind.STR, null, true),
            Field.of("DefaultList", "DefaultList", Kind.BOOL, null, false));
    public static final Schema<GetAttributeListRequest> GET_ATTRIBUTE_LIST_REQUEST = Schema.of(GetAttributeListRequest.class, "GetAttributeList-Request",
            Field.of("UserID", "UserID", Kind.STR, null, true),
            Field.of("ContactList", "ContactList", Kind.STR, null, true),
            Field.of("DefaultList", "DefaultList", Kind.BOOL, null, false));
    public static final Schema<GetAttributeListResponse> GET_ATTRIBUTE_LIST_RESPONSE = Schema.of(GetAttributeListResponse.class, "GetAttributeList-Response",
            Field.of("Result", "Result", Kind.REC, RESULT, false),
            Field.of("DefaultAttributeList", "DefaultAttributeList", Kind.NODE, null, false),
            Field.of("Presence", "Presence", Kind.REC, PRESENCE, true));
    public static final Schema<GetReactiveAuthStatusRequest> GET_REACTIVE_AUTH_STATUS_REQUEST = Schema.of(GetReactiveAuthStatusRequest.class, "GetReactiveAuthStatus-Request",
            Field.of("UserID", "UserID", Kind.STR, null, true));
    public static final Schema<GetReactiveAuthStatusResponse> GET_REACTIVE_AUTH_STATUS_RESPONSE = Schema.of(GetReactiveAuthStatusResponse.class, "GetReactiveAuthStatus-Response",
            Field.of("Result", "Result", Kind.REC, RESULT, false),
            Field.of("ReactiveAuthStatusList", "ReactiveAuthStatusList", Kind.REC, REACTIVE_AUTH_STATUS_LIST, false));
    public static final Schema<GetListRequest> GET_LIST_REQUEST = Schema.of(GetListRequest.class, "GetList-Request");
    public static final Schema<GetListResponse> GET_LIST_RESPONSE = Schema.of(GetListResponse.class, "GetList-Response",
            Field.of("Result", "Result", Kind.REC, RESULT, false),
            Field.of("ContactList", "ContactList", Kind.STR, null, true),
            Field.of("DefaultContactList", "DefaultContactList", Kind.STR, null, false));
    public static final Schema<CreateListRequest> CREATE_LIST_REQUEST = Schema.of(CreateListRequest.class, "CreateList-Request",
            Field.of("ContactList", "ContactList", Kind.STR, null, false),
            Field.of("NickList", "NickList", Kind.REC, NICK_LIST, false),
            Field.of("ContactListProperties", "ContactListProperties", Kind.REC, PROPERTY_LIST, false));
    public static final Schema<DeleteListRequest> DELETE_LIST_REQUEST = Schema.of(DeleteListRequest.class, "DeleteList-Request",
            Field.of("ContactList", "ContactList", Kind.STR, null, false));
    public static final Schema<ListManageRequest> LIST_MANAGE_REQUEST = Schema.of(ListManageRequest.class, "ListManage-Request",
            Field.of("ContactList", "ContactList", Kind.STR, null, false),
            Field.of("AddNickList", "AddNickList", Kind.REC, NICK_LIST, false),
            Field.of("RemoveNickList", "RemoveNickList", Kind.REC, ENTITY_LIST, false),
            Field.of("ContactListProperties", "ContactListProperties", Kind.REC, PROPERTY_LIST, false),
            Field.of("ReceiveList", "ReceiveList", Kind.BOOL, null, false));
    public static final Schema<ListManageResponse> LIST_MANAGE_RESPONSE = Schema.of(ListManageResponse.class, "ListManage-Response",
            Field.of("Result", "Result", Kind.REC, RESULT, false),
            Field.of("NickList", "NickList", Kind.REC, NICK_LIST, false),
            Field.of("ContactListProperties", "ContactListProperties", Kind.REC, PROPERTY_LIST, false));
    public static final Schema<SendMessageRequest> SEND_MESSAGE_REQUEST = Schema.of(SendMessageRequest.class, "SendMessage-Request",
            Field.of("DeliveryReport", "DeliveryReport", Kind.BOOL, null, false),
            Field.of("MessageInfo", "MessageInfo", Kind.REC, MESSAGE_INFO, false),
            Field.of("ContentData", "ContentData", Kind.STR, null, false));
    public static final Schema<SendMessageResponse> SEND_MESSAGE_RESPONSE = Schema.of(SendMessageResponse.class, "SendMessage-Response",
            Field.of("Result", "Result", Kind.REC, RESULT, false),
            Field.of("MessageID", "MessageID", Kind.STR, null, false));
    public static final Schema<NewMessage> NEW_MESSAGE = Schema.of(NewMessage.class, "NewMessage",
            Field.of("MessageInfo", "MessageInfo", Kind.REC, MESSAGE_INFO, false),
            Field.of("ContentData", "ContentData", Kind.STR, null, false));
    public static final Schema<MessageDelivered> MESSAGE_DELIVERED = Schema.of(MessageDelivered.class, "MessageDelivered",
            Field.of("MessageID", "MessageID", Kind.STR, null, false));
    public static final Schema<MessageNotification> MESSAGE_NOTIFICATION = Schema.of(MessageNotification.class, "MessageNotification",
            Field.of("MessageInfo", "MessageInfo", Kind.REC, MESSAGE_INFO, false));
    public static final Schema<GetMessageRequest> GET_MESSAGE_REQUEST = Schema.of(GetMessageRequest.class, "GetMessage-Request",
            Field.of("MessageID", "MessageID", Kind.STR, null, false));
    public static final Schema<GetMessageResponse> GET_MESSAGE_RESPONSE = Schema.of(GetMessageResponse.class, "GetMessage-Response",
            Field.of("MessageInfo", "MessageInfo", Kind.REC, MESSAGE_INFO, false),
            Field.of("ContentData", "ContentData", Kind.STR, null, false));
    public static final Schema<RejectMessageRequest> REJECT_MESSAGE_REQUEST = Schema.of(RejectMessageRequest.class, "RejectMessage-Request",
            Field.of("MessageID", "MessageID", Kind.STR, null, true));
    public static final Schema<GetMessageListRequest> GET_MESSAGE_LIST_REQUEST = Schema.of(GetMessageListRequest.class, "GetMessageList-Request",
            Field.of("GroupID", "GroupID", Kind.STR, null, false),
            Field.of("MessageCount", "MessageCount", Kind.INT, null, false));
    public static final Schema<GetMessageListResponse> GET_MESSAGE_LIST_RESPONSE = Schema.of(GetMessageListResponse.class, "GetMessageList-Response",
            Field.of("MessageInfo", "MessageInfo", Kind.REC, MESSAGE_INFO, true));
    public static final Schema<DeliveryReportRequest> DELIVERY_REPORT_REQUEST = Schema.of(DeliveryReportRequest.class, "DeliveryReport-Request",
            Field.of("Result", "Result", Kind.REC, RESULT, false),
            Field.of("DeliveryTime", "DeliveryTime", Kind.DATE, null, false),
            Field.of("MessageInfo", "MessageInfo", Kind.REC, MESSAGE_INFO, false));
    public static final Schema<SetDeliveryMethodRequest> SET_DELIVERY_METHOD_REQUEST = Schema.of(SetDeliveryMethodRequest.class, "SetDeliveryMethod-Request",
            Field.of("DeliveryMethod", "DeliveryMethod", Kind.STR, null, false),
            Field.of("AcceptedContentLength", "AcceptedContentLength", Kind.INT, null, false),
            Field.of("GroupID", "GroupID", Kind.STR, null, false));
    public static final Schema<ForwardMessageRequest> FORWARD_MESSAGE_REQUEST = Schema.of(ForwardMessageRequest.class, "ForwardMessage-Request",
            Field.of("MessageID", "MessageID", Kind.STR, null, false),
            Field.of("Recipient", "Recipient", Kind.REC, RECIPIENT, false));
    public static final Schema<GetBlockedListRequest> GET_BLOCKED_LIST_REQUEST = Schema.of(GetBlockedListRequest.class, "GetBlockedList-Request");
    public static final Schema<GetBlockedListResponse> GET_BLOCKED_LIST_RESPONSE = Schema.of(GetBlockedListResponse.class, "GetBlockedList-Response",
            Field.of("BlockList", "BlockList", Kind.REC, ACCESS_LIST, false),
            Field.of("GrantList", "GrantList", Kind.REC, ACCESS_LIST, false));
    public static final Schema<BlockEntityRequest> BLOCK_ENTITY_REQUEST = Schema.of(BlockEntityRequest.class, "BlockEntity-Request",
            Field.of("BlockList", "BlockList", Kind.REC, ACCESS_LIST, false),
            Field.of("GrantList", "GrantList", Kind.REC, ACCESS_LIST, false));
    public static final Schema<CreateGroupRequest> CREATE_GROUP_REQUEST = Schema.of(CreateGroupRequest.class, "CreateGroup-Request",
            Field.of("GroupID", "GroupID", Kind.STR, null, false),
            Field.of("GroupProperties", "GroupProperties", Kind.REC, GROUP_PROPERTIES, false),
            Field.of("JoinGroup", "JoinGroup", Kind.BOOL, null, false),
            Field.of("ScreenName", "ScreenName", Kind.REC, SCREEN_NAME, false),
            Field.of("SubscribeNotification", "SubscribeNotification", Kind.BOOL, null, false));
    public static final Schema<DeleteGroupRequest> DELETE_GROUP_REQUEST = Schema.of(DeleteGroupRequest.class, "DeleteGroup-Request",
            Field.of("GroupID", "GroupID", Kind.STR, null, false));
    public static final Schema<JoinGroupRequest> JOIN_GROUP_REQUEST = Schema.of(JoinGroupRequest.class, "JoinGroup-Request",
            Field.of("GroupID", "GroupID", Kind.STR, null, false),
            Field.of("ScreenName", "ScreenName", Kind.REC, SCREEN_NAME, false),
            Field.of("OwnProperties", "OwnProperties", Kind.REC, PROPERTY_LIST, false),
            Field.of("JoinedRequest", "JoinedRequest", Kind.BOOL, null, false),
            Field.of("SubscribeNotification", "SubscribeNotification", Kind.BOOL, null, false));
    public static final Schema<JoinGroupResponse> JOIN_GROUP_RESPONSE = Schema.of(JoinGroupResponse.class, "JoinGroup-Response",
            Field.of("Result", "Result", Kind.REC, RESULT, false),
            Field.of("UserList", "UserList", Kind.REC, USER_LIST, false),
            Field.of("UserMapList", "UserMapList", Kind.REC, USER_MAP_LIST, false),
            Field.of("WelcomeNote", "WelcomeNote", Kind.REC, WELCOME_NOTE, false));
    public static final Schema<LeaveGroupRequest> LEAVE_GROUP_REQUEST = Schema.of(LeaveGroupRequest.class, "LeaveGroup-Request",
            Field.of("GroupID", "GroupID", Kind.STR, null, false));
    public static final Schema<LeaveGroupResponse> LEAVE_GROUP_RESPONSE = Schema.of(LeaveGroupResponse.class, "LeaveGroup-Response",
            Field.of("Result", "Result", Kind.REC, RESULT, false),
            Field.of("GroupID", "GroupID", Kind.STR, null, false));
    public static final Schema<GroupChangeNotice> GROUP_CHANGE_NOTICE = Schema.of(GroupChangeNotice.class, "GroupChangeNotice",
            Field.of("GroupID", "GroupID", Kind.STR, null, false),
            Field.of("Joined", "Joined", Kind.REC, MEMBER_LIST, false),
            Field.of("Left", "Left", Kind.REC, MEMBER_LIST, false),
            Field.of("GroupProperties", "GroupProperties", Kind.REC, GROUP_PROPERTIES, false),
            Field.of("OwnProperties", "OwnProperties", Kind.REC, PROPERTY_LIST, false));
    public static final Schema<GetGroupMembersRequest> GET_GROUP_MEMBERS_REQUEST = Schema.of(GetGroupMembersRequest.class, "GetGroupMembers-Request",
            Field.of("GroupID", "GroupID", Kind.STR, null, false));
    public static final Schema<GetGroupMembersResponse> GET_GROUP_MEMBERS_RESPONSE = Schema.of(GetGroupMembersResponse.class, "GetGroupMembers-Response",
            Field.of("Result", "Result", Kind.REC, RESULT, false),
            Field.of("Admin", "Admin", Kind.REC, MEMBER_LIST, false),
            Field.of("Mod", "Mod", Kind.REC, MEMBER_LIST, false),
            Field.of("UserList", "UserList", Kind.REC, USER_LIST, false));
    public static final Schema<AddGroupMembersRequest> ADD_GROUP_MEMBERS_REQUEST = Schema.of(AddGroupMembersRequest.class, "AddGroupMembers-Request",
            Field.of("GroupID", "GroupID", Kind.STR, null, false),
            Field.of("UserList", "UserList", Kind.REC, USER_LIST, false));
    public static final Schema<RemoveGroupMembersRequest> REMOVE_GROUP_MEMBERS_REQUEST = Schema.of(RemoveGroupMembersRequest.class, "RemoveGroupMembers-Request",
            Field.of("GroupID", "GroupID", Kind.STR, null, false),
            Field.of("UserList", "UserList", Kind.REC, USER_LIST, false));
    public static final Schema<MemberAccessRequest> MEMBER_ACCESS_REQUEST = Schema.of(MemberAccessRequest.class, "MemberAccess-Request",
            Field.of("GroupID", "GroupID", Kind.STR, null, false),
            Field.of("Admin", "Admin", Kind.REC, MEMBER_LIST, false),
            Field.of("Mod", "Mod", Kind.REC, MEMBER_LIST, false),
            Field.of("UserList", "UserList", Kind.REC, USER_LIST, false));
    public static final Schema<GetGroupPropsRequest> GET_GROUP_PROPS_REQUEST = Schema.of(GetGroupPropsRequest.class, "GetGroupProps-Request",
            Field.of("GroupID", "GroupID", Kind.STR, null, false));
    public static final Schema<GetGroupPropsResponse> GET_GROUP_PROPS_RESPONSE = Schema.of(GetGroupPropsResponse.class, "GetGroupProps-Response",
            Field.of("GroupProperties", "GroupProperties", Kind.REC, GROUP_PROPERTIES, false),
            Field.of("OwnProperties", "OwnProperties", Kind.REC, PROPERTY_LIST, false));
    public static final Schema<SetGroupPropsRequest> SET_GROUP_PROPS_REQUEST = Schema.of(SetGroupPropsRequest.class, "SetGroupProps-Request",
            Field.of("GroupID", "GroupID", Kind.STR, null, false),
            Field.of("GroupProperties", "GroupProperties", Kind.REC, GROUP_PROPERTIES, false),
            Field.of("OwnProperties", "OwnProperties", Kind.REC, PROPERTY_LIST, false));
    public static final Schema<RejectListRequest> REJECT_LIST_REQUEST = Schema.of(RejectListRequest.class, "RejectList-Request",
            Field.of("GroupID", "GroupID", Kind.STR, null, false),
            Field.of("AddList", "AddList", Kind.REC, ENTITY_LIST, false),
            Field.of("RemoveList", "RemoveList", Kind.REC, ENTITY_LIST, false));
    public static final Schema<RejectListResponse> REJECT_LIST_RESPONSE = Schema.of(RejectListResponse.class, "RejectList-Response",
            Field.of("Result", "Result", Kind.REC, RESULT, false),
            Field.of("UserList", "UserList", Kind.REC, USER_LIST, false));
    public static final Schema<SubscribeGroupNoticeRequest> SUBSCRIBE_GROUP_NOTICE_REQUEST = Schema.of(SubscribeGroupNoticeRequest.class, "SubscribeGroupNotice-Request",
            Field.of("GroupID", "GroupID", Kind.STR, null, false),
            Field.of("SubscribeType", "SubscribeType", Kind.STR, null, false));
    public static final Schema<SubscribeGroupNoticeResponse> SUBSCRIBE_GROUP_NOTICE_RESPONSE = Schema.of(SubscribeGroupNoticeResponse.class, "SubscribeGroupNotice-Response",
            Field.of("Result", "Result", Kind.REC, RESULT, false),
            Field.of("Value", "Value", Kind.STR, null, false));
    public static final Schema<GetJoinedUsersRequest> GET_JOINED_USERS_REQUEST = Schema.of(GetJoinedUsersRequest.class, "GetJoinedUsers-Request",
            Field.of("GroupID", "GroupID", Kind.STR, null, false));
    public static final Schema<GetJoinedUsersResponse> GET_JOINED_USERS_RESPONSE = Schema.of(GetJoinedUsersResponse.class, "GetJoinedUsers-Response",
            Field.of("Result", "Result", Kind.REC, RESULT, false),
            Field.of("UserMapList", "UserMapList", Kind.REC, USER_MAP_LIST, false),
            Field.of("AdminMapList", "AdminMapList", Kind.NODE, null, false));
    public static final Schema<InviteRequest> INVITE_REQUEST = Schema.of(InviteRequest.class, "Invite-Request",
            Field.of("InviteID", "InviteID", Kind.STR, null, false),
            Field.of("InviteType", "InviteType", Kind.STR, null, false),
            Field.of("Recipient", "Recipient", Kind.REC, RECIPIENT, false),
            Field.of("GroupID", "GroupID", Kind.STR, null, false),
            Field.of("PresenceSubList", "PresenceSubList", Kind.PRESENCE, null, false),
            Field.of("URLList", "URLList", Kind.REC, URL_LIST, false),
            Field.of("InviteNote", "InviteNote", Kind.STR, null, false),
            Field.of("ScreenName", "ScreenName", Kind.REC, SCREEN_NAME, false),
            Field.of("Validity", "Validity", Kind.INT, null, false));
    public static final Schema<InviteResponse> INVITE_RESPONSE = Schema.of(InviteResponse.class, "Invite-Response",
            Field.of("InviteID", "InviteID", Kind.STR, null, false),
            Field.of("Acceptance", "Acceptance", Kind.BOOL, null, false),
            Field.of("Sender", "Sender", Kind.REC, SENDER, false),
            Field.of("ResponseNote", "ResponseNote", Kind.STR, null, false));
    public static final Schema<InviteUserRequest> INVITE_USER_REQUEST = Schema.of(InviteUserRequest.class, "InviteUser-Request",
            Field.of("InviteID", "InviteID", Kind.STR, null, false),
            Field.of("InviteType", "InviteType", Kind.STR, null, false),
            Field.of("Sender", "Sender", Kind.REC, SENDER, false),
            Field.of("GroupID", "GroupID", Kind.STR, null, false),
            Field.of("PresenceSubList", "PresenceSubList", Kind.PRESENCE, null, false),
            Field.of("URLList", "URLList", Kind.REC, URL_LIST, false),
            Field.of("InviteNote", "InviteNote", Kind.STR, null, false),
            Field.of("ScreenName", "ScreenName", Kind.REC, SCREEN_NAME, false),
            Field.of("Validity", "Validity", Kind.INT, null, false));
    public static final Schema<InviteUserResponse> INVITE_USER_RESPONSE = Schema.of(InviteUserResponse.class, "InviteUser-Response",
            Field.of("InviteID", "InviteID", Kind.STR, null, false),
            Field.of("Acceptance", "Acceptance", Kind.BOOL, null, false),
            Field.of("ResponseNote", "ResponseNote", Kind.STR, null, false),
            Field.of("ScreenName", "ScreenName", Kind.REC, SCREEN_NAME, false));
    public static final Schema<CancelInviteRequest> CANCEL_INVITE_REQUEST = Schema.of(CancelInviteRequest.class, "CancelInvite-Request",
            Field.of("InviteID", "InviteID", Kind.STR, null, false),
            Field.of("Recipient", "Recipient", Kind.REC, RECIPIENT, false),
            Field.of("GroupID", "GroupID", Kind.STR, null, false),
            Field.of("PresenceSubList", "PresenceSubList", Kind.PRESENCE, null, false),
            Field.of("URLList", "URLList", Kind.REC, URL_LIST, false),
            Field.of("ResponseNote", "ResponseNote", Kind.STR, null, false),
            Field.of("ScreenName", "ScreenName", Kind.REC, SCREEN_NAME, false));
    public static final Schema<CancelInviteUserRequest> CANCEL_INVITE_USER_REQUEST = Schema.of(CancelInviteUserRequest.class, "CancelInviteUser-Request",
            Field.of("InviteID", "InviteID", Kind.STR, null, false),
            Field.of("Sender", "Sender", Kind.REC, SENDER, false),
            Field.of("GroupID", "GroupID", Kind.STR, null, false),
            Field.of("PresenceSubList", "PresenceSubList", Kind.PRESENCE, null, false),
            Field.of("URLList", "URLList", Kind.REC, URL_LIST, false),
            Field.of("ResponseNote", "ResponseNote", Kind.STR, null, false),
            Field.of("ScreenName", "ScreenName", Kind.REC, SCREEN_NAME, false));
    public static final Schema<SearchRequest> SEARCH_REQUEST = Schema.of(SearchRequest.class, "Search-Request",
            Field.of("SearchPairList", "SearchPairList", Kind.REC, SEARCH_PAIR, true),
            Field.of("SearchLimit", "SearchLimit", Kind.INT, null, false),
            Field.of("SearchID", "SearchID", Kind.STR, null, false),
            Field.of("SearchIndex", "SearchIndex", Kind.INT, null, false));
    public static final Schema<SearchResponse> SEARCH_RESPONSE = Schema.of(SearchResponse.class, "Search-Response",
            Field.of("Result", "Result", Kind.REC, RESULT, false),
            Field.of("SearchID", "SearchID", Kind.STR, null, false),
            Field.of("SearchFindings", "SearchFindings", Kind.INT, null, false),
            Field.of("CompletionFlag", "CompletionFlag", Kind.BOOL, null, false),
            Field.of("SearchIndex", "SearchIndex", Kind.INT, null, false),
            Field.of("SearchResult", "SearchResult", Kind.REC, SEARCH_RESULT, false));
    public static final Schema<StopSearchRequest> STOP_SEARCH_REQUEST = Schema.of(StopSearchRequest.class, "StopSearch-Request",
            Field.of("SearchID", "SearchID", Kind.STR, null, false));

    /** Every primitive, indexed by its tag id. */
    static final Schema<?>[] PRIMITIVES = {
            LOGIN_REQUEST,
            LOGIN_RESPONSE,
            CLIENT_CAPABILITY_REQUEST,
            CLIENT_CAPABILITY_RESPONSE,
            SERVICE_REQUEST,
            SERVICE_RESPONSE,
            KEEP_ALIVE_REQUEST,
            KEEP_ALIVE_RESPONSE,
            POLLING_REQUEST,
            LOGOUT_REQUEST,
            DISCONNECT,
            GET_SP_INFO_REQUEST,
            GET_SP_INFO_RESPONSE,
            STATUS,
            UPDATE_PRESENCE_REQUEST,
            GET_PRESENCE_REQUEST,
            GET_PRESENCE_RESPONSE,
            SUBSCRIBE_PRESENCE_REQUEST,
            UNSUBSCRIBE_PRESENCE_REQUEST,
            PRESENCE_NOTIFICATION_REQUEST,
            PRESENCE_AUTH_REQUEST,
            PRESENCE_AUTH_USER,
            CANCEL_AUTH_REQUEST,
            GET_WATCHER_LIST_REQUEST,
            GET_WATCHER_LIST_RESPONSE,
            CREATE_ATTRIBUTE_LIST_REQUEST,
            DELETE_ATTRIBUTE_LIST_REQUEST,
            GET_ATTRIBUTE_LIST_REQUEST,
            GET_ATTRIBUTE_LIST_RESPONSE,
            GET_REACTIVE_AUTH_STATUS_REQUEST,
            GET_REACTIVE_AUTH_STATUS_RESPONSE,
            GET_LIST_REQUEST,
            GET_LIST_RESPONSE,
            CREATE_LIST_REQUEST,
            DELETE_LIST_REQUEST,
            LIST_MANAGE_REQUEST,
            LIST_MANAGE_RESPONSE,
            SEND_MESSAGE_REQUEST,
            SEND_MESSAGE_RESPONSE,
            NEW_MESSAGE,
            MESSAGE_DELIVERED,
            MESSAGE_NOTIFICATION,
            GET_MESSAGE_REQUEST,
            GET_MESSAGE_RESPONSE,
            REJECT_MESSAGE_REQUEST,
            GET_MESSAGE_LIST_REQUEST,
            GET_MESSAGE_LIST_RESPONSE,
            DELIVERY_REPORT_REQUEST,
            SET_DELIVERY_METHOD_REQUEST,
            FORWARD_MESSAGE_REQUEST,
            GET_BLOCKED_LIST_REQUEST,
            GET_BLOCKED_LIST_RESPONSE,
            BLOCK_ENTITY_REQUEST,
            CREATE_GROUP_REQUEST,
            DELETE_GROUP_REQUEST,
            JOIN_GROUP_REQUEST,
            JOIN_GROUP_RESPONSE,
            LEAVE_GROUP_REQUEST,
            LEAVE_GROUP_RESPONSE,
            GROUP_CHANGE_NOTICE,
            GET_GROUP_MEMBERS_REQUEST,
            GET_GROUP_MEMBERS_RESPONSE,
            ADD_GROUP_MEMBERS_REQUEST,
            REMOVE_GROUP_MEMBERS_REQUEST,
            MEMBER_ACCESS_REQUEST,
            GET_GROUP_PROPS_REQUEST,
            GET_GROUP_PROPS_RESPONSE,
            SET_GROUP_PROPS_REQUEST,
            REJECT_LIST_REQUEST,
            REJECT_LIST_RESPONSE,
            SUBSCRIBE_GROUP_NOTICE_REQUEST,
            SUBSCRIBE_GROUP_NOTICE_RESPONSE,
            GET_JOINED_USERS_REQUEST,
            GET_JOINED_USERS_RESPONSE,
            INVITE_REQUEST,
            INVITE_RESPONSE,
            INVITE_USER_REQUEST,
            INVITE_USER_RESPONSE,
            CANCEL_INVITE_REQUEST,
            CANCEL_INVITE_USER_REQUEST,
            SEARCH_REQUEST,
            SEARCH_RESPONSE,
            STOP_SEARCH_REQUEST};
}
