package io.mobim.wv.bind;

import io.mobim.wv.model.*;
import java.util.List;

/**
 * The element layout of every CSP structure and primitive, in the element order the CSP DTDs use.
 * One line per record: which child element feeds which component, with its data type.
 * The XML and WBXML codecs share these through {@link Binder}.
 */
@SuppressWarnings("unchecked")
public final class Schemas {

    private Schemas() {
    }

    public static final Schema<ScreenName> SCREEN_NAME = Schema.of(ScreenName.class, null, a -> new ScreenName((String) a[0], (String) a[1]),
            Field.of("SName", "SName", Kind.STR, null, false, (ScreenName r) -> r.sName()),
            Field.of("GroupID", "GroupID", Kind.STR, null, false, (ScreenName r) -> r.groupId()));
    public static final Schema<DetailedResult> DETAILED_RESULT = Schema.of(DetailedResult.class, null, a -> new DetailedResult((Integer) a[0], (String) a[1], (List<String>) a[2], (List<String>) a[3], (List<ScreenName>) a[4], (List<String>) a[5], (List<String>) a[6], (List<String>) a[7]),
            Field.of("Code", "Code", Kind.INT, null, false, (DetailedResult r) -> r.code()),
            Field.of("Description", "Description", Kind.STR, null, false, (DetailedResult r) -> r.description()),
            Field.of("UserID", "UserID", Kind.STR, null, true, (DetailedResult r) -> r.userIds()),
            Field.of("GroupID", "GroupID", Kind.STR, null, true, (DetailedResult r) -> r.groupIds()),
            Field.of("ScreenName", "ScreenName", Kind.REC, SCREEN_NAME, true, (DetailedResult r) -> r.screenNames()),
            Field.of("MessageID", "MessageID", Kind.STR, null, true, (DetailedResult r) -> r.messageIds()),
            Field.of("ContactList", "ContactList", Kind.STR, null, true, (DetailedResult r) -> r.contactLists()),
            Field.of("Domain", "Domain", Kind.STR, null, true, (DetailedResult r) -> r.domains()));
    public static final Schema<Result> RESULT = Schema.of(Result.class, null, a -> new Result((Integer) a[0], (String) a[1], (List<DetailedResult>) a[2]),
            Field.of("Code", "Code", Kind.INT, null, false, (Result r) -> r.code()),
            Field.of("Description", "Description", Kind.STR, null, false, (Result r) -> r.description()),
            Field.of("DetailedResult", "DetailedResult", Kind.REC, DETAILED_RESULT, true, (Result r) -> r.detailedResults()));
    public static final Schema<ClientId> CLIENT_ID = Schema.of(ClientId.class, null, a -> new ClientId((String) a[0], (String) a[1]),
            Field.of("URL", "URL", Kind.STR, null, false, (ClientId r) -> r.url()),
            Field.of("MSISDN", "MSISDN", Kind.STR, null, false, (ClientId r) -> r.msisdn()));
    public static final Schema<User> USER = Schema.of(User.class, null, a -> new User((String) a[0]),
            Field.of("UserID", "UserID", Kind.STR, null, false, (User r) -> r.userId()));
    public static final Schema<Group> GROUP = Schema.of(Group.class, null, a -> new Group((String) a[0], (ScreenName) a[1]),
            Field.of("GroupID", "GroupID", Kind.STR, null, false, (Group r) -> r.groupId()),
            Field.of("ScreenName", "ScreenName", Kind.REC, SCREEN_NAME, false, (Group r) -> r.screenName()));
    public static final Schema<Recipient> RECIPIENT = Schema.of(Recipient.class, null, a -> new Recipient((List<User>) a[0], (List<Group>) a[1], (List<String>) a[2]),
            Field.of("User", "User", Kind.REC, USER, true, (Recipient r) -> r.users()),
            Field.of("Group", "Group", Kind.REC, GROUP, true, (Recipient r) -> r.groups()),
            Field.of("ContactList", "ContactList", Kind.STR, null, true, (Recipient r) -> r.contactLists()));
    public static final Schema<Sender> SENDER = Schema.of(Sender.class, null, a -> new Sender((User) a[0], (Group) a[1]),
            Field.of("User", "User", Kind.REC, USER, false, (Sender r) -> r.user()),
            Field.of("Group", "Group", Kind.REC, GROUP, false, (Sender r) -> r.group()));
    public static final Schema<MessageInfo> MESSAGE_INFO = Schema.of(MessageInfo.class, null, a -> new MessageInfo((String) a[0], (String) a[1], (String) a[2], (String) a[3], (Integer) a[4], (Recipient) a[5], (Sender) a[6], (ScreenName) a[7], (String) a[8], (Integer) a[9]),
            Field.of("MessageID", "MessageID", Kind.STR, null, false, (MessageInfo r) -> r.messageId()),
            Field.of("MessageURI", "MessageURI", Kind.STR, null, false, (MessageInfo r) -> r.messageUri()),
            Field.of("ContentType", "ContentType", Kind.STR, null, false, (MessageInfo r) -> r.contentType()),
            Field.of("ContentEncoding", "ContentEncoding", Kind.STR, null, false, (MessageInfo r) -> r.contentEncoding()),
            Field.of("ContentSize", "ContentSize", Kind.INT, null, false, (MessageInfo r) -> r.contentSize()),
            Field.of("Recipient", "Recipient", Kind.REC, RECIPIENT, false, (MessageInfo r) -> r.recipient()),
            Field.of("Sender", "Sender", Kind.REC, SENDER, false, (MessageInfo r) -> r.sender()),
            Field.of("ScreenName", "ScreenName", Kind.REC, SCREEN_NAME, false, (MessageInfo r) -> r.screenName()),
            Field.of("DateTime", "DateTime", Kind.DATE, null, false, (MessageInfo r) -> r.dateTime()),
            Field.of("Validity", "Validity", Kind.INT, null, false, (MessageInfo r) -> r.validity()));
    public static final Schema<NickName> NICK_NAME = Schema.of(NickName.class, null, a -> new NickName((String) a[0], (String) a[1]),
            Field.of("Name", "Name", Kind.STR, null, false, (NickName r) -> r.name()),
            Field.of("UserID", "UserID", Kind.STR, null, false, (NickName r) -> r.userId()));
    public static final Schema<NickList> NICK_LIST = Schema.of(NickList.class, null, a -> new NickList((List<NickName>) a[0]),
            Field.of("NickName", "NickName", Kind.REC, NICK_NAME, true, (NickList r) -> r.nickNames()));
    public static final Schema<EntityList> ENTITY_LIST = Schema.of(EntityList.class, null, a -> new EntityList((List<String>) a[0], (List<String>) a[1], (List<ScreenName>) a[2]),
            Field.of("UserID", "UserID", Kind.STR, null, true, (EntityList r) -> r.userIds()),
            Field.of("GroupID", "GroupID", Kind.STR, null, true, (EntityList r) -> r.groupIds()),
            Field.of("ScreenName", "ScreenName", Kind.REC, SCREEN_NAME, true, (EntityList r) -> r.screenNames()));
    public static final Schema<Property> PROPERTY = Schema.of(Property.class, null, a -> new Property((String) a[0], (String) a[1]),
            Field.of("Name", "Name", Kind.STR, null, false, (Property r) -> r.name()),
            Field.of("Value", "Value", Kind.STR, null, false, (Property r) -> r.value()));
    public static final Schema<PropertyList> PROPERTY_LIST = Schema.of(PropertyList.class, null, a -> new PropertyList((List<Property>) a[0]),
            Field.of("Property", "Property", Kind.REC, PROPERTY, true, (PropertyList r) -> r.properties()));
    public static final Schema<WelcomeNote> WELCOME_NOTE = Schema.of(WelcomeNote.class, null, a -> new WelcomeNote((String) a[0], (String) a[1], (String) a[2]),
            Field.of("ContentType", "ContentType", Kind.STR, null, false, (WelcomeNote r) -> r.contentType()),
            Field.of("ContentEncoding", "ContentEncoding", Kind.STR, null, false, (WelcomeNote r) -> r.contentEncoding()),
            Field.of("ContentData", "ContentData", Kind.STR, null, false, (WelcomeNote r) -> r.contentData()));
    public static final Schema<GroupProperties> GROUP_PROPERTIES = Schema.of(GroupProperties.class, null, a -> new GroupProperties((List<Property>) a[0], (WelcomeNote) a[1]),
            Field.of("Property", "Property", Kind.REC, PROPERTY, true, (GroupProperties r) -> r.properties()),
            Field.of("WelcomeNote", "WelcomeNote", Kind.REC, WELCOME_NOTE, false, (GroupProperties r) -> r.welcomeNote()));
    public static final Schema<UserList> USER_LIST = Schema.of(UserList.class, null, a -> new UserList((List<User>) a[0], (List<ScreenName>) a[1]),
            Field.of("User", "User", Kind.REC, USER, true, (UserList r) -> r.users()),
            Field.of("ScreenName", "ScreenName", Kind.REC, SCREEN_NAME, true, (UserList r) -> r.screenNames()));
    public static final Schema<UserMapping> USER_MAPPING = Schema.of(UserMapping.class, null, a -> new UserMapping((String) a[0], (String) a[1]),
            Field.of("UserID", "UserID", Kind.STR, null, false, (UserMapping r) -> r.userId()),
            Field.of("SName", "SName", Kind.STR, null, false, (UserMapping r) -> r.sName()));
    public static final Schema<UserMapList> USER_MAP_LIST = Schema.of(UserMapList.class, null, a -> new UserMapList((List<UserMapping>) a[0]),
            Field.of("UserMapping", "UserMapping", Kind.REC, USER_MAPPING, true, (UserMapList r) -> r.mappings()));
    public static final Schema<MemberList> MEMBER_LIST = Schema.of(MemberList.class, null, a -> new MemberList((UserList) a[0], (UserMapList) a[1]),
            Field.of("UserList", "UserList", Kind.REC, USER_LIST, false, (MemberList r) -> r.userList()),
            Field.of("UserMapList", "UserMapList", Kind.REC, USER_MAP_LIST, false, (MemberList r) -> r.userMapList()));
    public static final Schema<CapabilityList> CAPABILITY_LIST = Schema.of(CapabilityList.class, null, a -> new CapabilityList((String) a[0], (String) a[1], (List<String>) a[2], (List<Integer>) a[3], (List<String>) a[4], (Integer) a[5], (Boolean) a[6], (List<String>) a[7], (Integer) a[8], (Integer) a[9], (List<String>) a[10], (Integer) a[11], (String) a[12], (Integer) a[13], (Integer) a[14], (String) a[15]),
            Field.of("ClientType", "ClientType", Kind.STR, null, false, (CapabilityList r) -> r.clientType()),
            Field.of("InitialDeliveryMethod", "InitialDeliveryMethod", Kind.STR, null, false, (CapabilityList r) -> r.initialDeliveryMethod()),
            Field.of("AcceptedContentType", "AcceptedContentType", Kind.STR, null, true, (CapabilityList r) -> r.acceptedContentTypes()),
            Field.of("AcceptedCharset", "AcceptedCharset", Kind.INT, null, true, (CapabilityList r) -> r.acceptedCharsets()),
            Field.of("AcceptedTransferEncoding", "AcceptedTransferEncoding", Kind.STR, null, true, (CapabilityList r) -> r.acceptedTransferEncodings()),
            Field.of("AcceptedContentLength", "AcceptedContentLength", Kind.INT, null, false, (CapabilityList r) -> r.acceptedContentLength()),
            Field.of("AnyContent", "AnyContent", Kind.BOOL, null, false, (CapabilityList r) -> r.anyContent()),
            Field.of("SupportedBearer", "SupportedBearer", Kind.STR, null, true, (CapabilityList r) -> r.supportedBearers()),
            Field.of("MultiTrans", "MultiTrans", Kind.INT, null, false, (CapabilityList r) -> r.multiTrans()),
            Field.of("ParserSize", "ParserSize", Kind.INT, null, false, (CapabilityList r) -> r.parserSize()),
            Field.of("SupportedCIRMethod", "SupportedCIRMethod", Kind.STR, null, true, (CapabilityList r) -> r.supportedCirMethods()),
            Field.of("UDPPort", "UDPPort", Kind.INT, null, false, (CapabilityList r) -> r.udpPort()),
            Field.of("TCPAddress", "TCPAddress", Kind.STR, null, false, (CapabilityList r) -> r.tcpAddress()),
            Field.of("TCPPort", "TCPPort", Kind.INT, null, false, (CapabilityList r) -> r.tcpPort()),
            Field.of("ServerPollMin", "ServerPollMin", Kind.INT, null, false, (CapabilityList r) -> r.serverPollMin()),
            Field.of("DefaultLanguage", "DefaultLanguage", Kind.STR, null, false, (CapabilityList r) -> r.defaultLanguage()));
    public static final Schema<Presence> PRESENCE = Schema.of(Presence.class, null, a -> new Presence((String) a[0], (WvNode) a[1]),
            Field.of("UserID", "UserID", Kind.STR, null, false, (Presence r) -> r.userId()),
            Field.of("PresenceSubList", "PresenceSubList", Kind.NODE, null, false, (Presence r) -> r.presenceSubList()));
    public static final Schema<SearchPair> SEARCH_PAIR = Schema.of(SearchPair.class, null, a -> new SearchPair((String) a[0], (String) a[1]),
            Field.of("SearchElement", "SearchElement", Kind.STR, null, false, (SearchPair r) -> r.searchElement()),
            Field.of("SearchString", "SearchString", Kind.STR, null, false, (SearchPair r) -> r.searchString()));
    public static final Schema<GroupList> GROUP_LIST = Schema.of(GroupList.class, null, a -> new GroupList((List<String>) a[0]),
            Field.of("GroupID", "GroupID", Kind.STR, null, true, (GroupList r) -> r.groupIds()));
    public static final Schema<SearchResult> SEARCH_RESULT = Schema.of(SearchResult.class, null, a -> new SearchResult((UserList) a[0], (GroupList) a[1]),
            Field.of("UserList", "UserList", Kind.REC, USER_LIST, false, (SearchResult r) -> r.userList()),
            Field.of("GroupList", "GroupList", Kind.REC, GROUP_LIST, false, (SearchResult r) -> r.groupList()));
    public static final Schema<AccessList> ACCESS_LIST = Schema.of(AccessList.class, null, a -> new AccessList((Boolean) a[0], (EntityList) a[1], (EntityList) a[2], (EntityList) a[3]),
            Field.of("InUse", "InUse", Kind.BOOL, null, false, (AccessList r) -> r.inUse()),
            Field.of("EntityList", "EntityList", Kind.REC, ENTITY_LIST, false, (AccessList r) -> r.entityList()),
            Field.of("AddList", "AddList", Kind.REC, ENTITY_LIST, false, (AccessList r) -> r.addList()),
            Field.of("RemoveList", "RemoveList", Kind.REC, ENTITY_LIST, false, (AccessList r) -> r.removeList()));
    public static final Schema<ReactiveAuthState> REACTIVE_AUTH_STATE = Schema.of(ReactiveAuthState.class, null, a -> new ReactiveAuthState((String) a[0], (String) a[1]),
            Field.of("UserID", "UserID", Kind.STR, null, false, (ReactiveAuthState r) -> r.userId()),
            Field.of("ReactiveAuthStatus", "ReactiveAuthStatus", Kind.STR, null, false, (ReactiveAuthState r) -> r.status()));
    public static final Schema<ReactiveAuthStatusList> REACTIVE_AUTH_STATUS_LIST = Schema.of(ReactiveAuthStatusList.class, null, a -> new ReactiveAuthStatusList((List<ReactiveAuthState>) a[0]),
            Field.of("ReactiveAuthState", "ReactiveAuthState", Kind.REC, REACTIVE_AUTH_STATE, true, (ReactiveAuthStatusList r) -> r.states()));
    public static final Schema<UrlList> URL_LIST = Schema.of(UrlList.class, null, a -> new UrlList((List<String>) a[0]),
            Field.of("URL", "URL", Kind.STR, null, true, (UrlList r) -> r.urls()));
    public static final Schema<LoginRequest> LOGIN_REQUEST = Schema.of(LoginRequest.class, "Login-Request", a -> new LoginRequest((String) a[0], (ClientId) a[1], (String) a[2], (List<String>) a[3], (String) a[4], (Integer) a[5], (String) a[6]),
            Field.of("UserID", "UserID", Kind.STR, null, false, (LoginRequest r) -> r.userId()),
            Field.of("ClientID", "ClientID", Kind.REC, CLIENT_ID, false, (LoginRequest r) -> r.clientId()),
            Field.of("Password", "Password", Kind.STR, null, false, (LoginRequest r) -> r.password()),
            Field.of("DigestSchema", "DigestSchema", Kind.STR, null, true, (LoginRequest r) -> r.digestSchemas()),
            Field.of("DigestBytes", "DigestBytes", Kind.STR, null, false, (LoginRequest r) -> r.digestBytes()),
            Field.of("TimeToLive", "TimeToLive", Kind.INT, null, false, (LoginRequest r) -> r.timeToLive()),
            Field.of("SessionCookie", "SessionCookie", Kind.STR, null, false, (LoginRequest r) -> r.sessionCookie()));
    public static final Schema<LoginResponse> LOGIN_RESPONSE = Schema.of(LoginResponse.class, "Login-Response", a -> new LoginResponse((ClientId) a[0], (Result) a[1], (String) a[2], (Integer) a[3], (Boolean) a[4], (String) a[5], (String) a[6]),
            Field.of("ClientID", "ClientID", Kind.REC, CLIENT_ID, false, (LoginResponse r) -> r.clientId()),
            Field.of("Result", "Result", Kind.REC, RESULT, false, (LoginResponse r) -> r.result()),
            Field.of("SessionID", "SessionID", Kind.STR, null, false, (LoginResponse r) -> r.sessionId()),
            Field.of("KeepAliveTime", "KeepAliveTime", Kind.INT, null, false, (LoginResponse r) -> r.keepAliveTime()),
            Field.of("CapabilityRequest", "CapabilityRequest", Kind.BOOL, null, false, (LoginResponse r) -> r.capabilityRequest()),
            Field.of("Nonce", "Nonce", Kind.STR, null, false, (LoginResponse r) -> r.nonce()),
            Field.of("DigestSchema", "DigestSchema", Kind.STR, null, false, (LoginResponse r) -> r.digestSchema()));
    public static final Schema<ClientCapabilityRequest> CLIENT_CAPABILITY_REQUEST = Schema.of(ClientCapabilityRequest.class, "ClientCapability-Request", a -> new ClientCapabilityRequest((ClientId) a[0], (CapabilityList) a[1]),
            Field.of("ClientID", "ClientID", Kind.REC, CLIENT_ID, false, (ClientCapabilityRequest r) -> r.clientId()),
            Field.of("CapabilityList", "CapabilityList", Kind.REC, CAPABILITY_LIST, false, (ClientCapabilityRequest r) -> r.capabilityList()));
    public static final Schema<ClientCapabilityResponse> CLIENT_CAPABILITY_RESPONSE = Schema.of(ClientCapabilityResponse.class, "ClientCapability-Response", a -> new ClientCapabilityResponse((ClientId) a[0], (CapabilityList) a[1]),
            Field.of("ClientID", "ClientID", Kind.REC, CLIENT_ID, false, (ClientCapabilityResponse r) -> r.clientId()),
            Field.of("CapabilityList", "AgreedCapabilityList", Kind.REC, CAPABILITY_LIST, false, (ClientCapabilityResponse r) -> r.capabilityList()));
    public static final Schema<ServiceRequest> SERVICE_REQUEST = Schema.of(ServiceRequest.class, "Service-Request", a -> new ServiceRequest((ClientId) a[0], (WvNode) a[1], (Boolean) a[2]),
            Field.of("ClientID", "ClientID", Kind.REC, CLIENT_ID, false, (ServiceRequest r) -> r.clientId()),
            Field.of("Functions", "Functions", Kind.NODE, null, false, (ServiceRequest r) -> r.functions()),
            Field.of("AllFunctionsRequest", "AllFunctionsRequest", Kind.BOOL, null, false, (ServiceRequest r) -> r.allFunctionsRequest()));
    public static final Schema<ServiceResponse> SERVICE_RESPONSE = Schema.of(ServiceResponse.class, "Service-Response", a -> new ServiceResponse((ClientId) a[0], (WvNode) a[1], (WvNode) a[2]),
            Field.of("ClientID", "ClientID", Kind.REC, CLIENT_ID, false, (ServiceResponse r) -> r.clientId()),
            Field.of("Functions", "Functions", Kind.NODE, null, false, (ServiceResponse r) -> r.functions()),
            Field.of("AllFunctions", "AllFunctions", Kind.NODE, null, false, (ServiceResponse r) -> r.allFunctions()));
    public static final Schema<KeepAliveRequest> KEEP_ALIVE_REQUEST = Schema.of(KeepAliveRequest.class, "KeepAlive-Request", a -> new KeepAliveRequest((Integer) a[0]),
            Field.of("TimeToLive", "TimeToLive", Kind.INT, null, false, (KeepAliveRequest r) -> r.timeToLive()));
    public static final Schema<KeepAliveResponse> KEEP_ALIVE_RESPONSE = Schema.of(KeepAliveResponse.class, "KeepAlive-Response", a -> new KeepAliveResponse((Result) a[0], (Integer) a[1]),
            Field.of("Result", "Result", Kind.REC, RESULT, false, (KeepAliveResponse r) -> r.result()),
            Field.of("KeepAliveTime", "KeepAliveTime", Kind.INT, null, false, (KeepAliveResponse r) -> r.keepAliveTime()));
    public static final Schema<PollingRequest> POLLING_REQUEST = Schema.of(PollingRequest.class, "Polling-Request", a -> new PollingRequest());
    public static final Schema<LogoutRequest> LOGOUT_REQUEST = Schema.of(LogoutRequest.class, "Logout-Request", a -> new LogoutRequest());
    public static final Schema<Disconnect> DISCONNECT = Schema.of(Disconnect.class, "Disconnect", a -> new Disconnect((Result) a[0]),
            Field.of("Result", "Result", Kind.REC, RESULT, false, (Disconnect r) -> r.result()));
    public static final Schema<GetSpInfoRequest> GET_SP_INFO_REQUEST = Schema.of(GetSpInfoRequest.class, "GetSPInfo-Request", a -> new GetSpInfoRequest((ClientId) a[0]),
            Field.of("ClientID", "ClientID", Kind.REC, CLIENT_ID, false, (GetSpInfoRequest r) -> r.clientId()));
    public static final Schema<GetSpInfoResponse> GET_SP_INFO_RESPONSE = Schema.of(GetSpInfoResponse.class, "GetSPInfo-Response", a -> new GetSpInfoResponse((ClientId) a[0], (String) a[1], (WvNode) a[2], (String) a[3], (String) a[4]),
            Field.of("ClientID", "ClientID", Kind.REC, CLIENT_ID, false, (GetSpInfoResponse r) -> r.clientId()),
            Field.of("Name", "Name", Kind.STR, null, false, (GetSpInfoResponse r) -> r.name()),
            Field.of("Logo", "Logo", Kind.NODE, null, false, (GetSpInfoResponse r) -> r.logo()),
            Field.of("Description", "Description", Kind.STR, null, false, (GetSpInfoResponse r) -> r.description()),
            Field.of("URL", "URL", Kind.STR, null, false, (GetSpInfoResponse r) -> r.url()));
    public static final Schema<Status> STATUS = Schema.of(Status.class, "Status", a -> new Status((Result) a[0]),
            Field.of("Result", "Result", Kind.REC, RESULT, false, (Status r) -> r.result()));
    public static final Schema<UpdatePresenceRequest> UPDATE_PRESENCE_REQUEST = Schema.of(UpdatePresenceRequest.class, "UpdatePresence-Request", a -> new UpdatePresenceRequest((WvNode) a[0]),
            Field.of("PresenceSubList", "PresenceSubList", Kind.NODE, null, false, (UpdatePresenceRequest r) -> r.presenceSubList()));
    public static final Schema<GetPresenceRequest> GET_PRESENCE_REQUEST = Schema.of(GetPresenceRequest.class, "GetPresence-Request", a -> new GetPresenceRequest((List<User>) a[0], (List<String>) a[1], (WvNode) a[2]),
            Field.of("User", "User", Kind.REC, USER, true, (GetPresenceRequest r) -> r.users()),
            Field.of("ContactList", "ContactList", Kind.STR, null, true, (GetPresenceRequest r) -> r.contactLists()),
            Field.of("PresenceSubList", "PresenceSubList", Kind.NODE, null, false, (GetPresenceRequest r) -> r.presenceSubList()));
    public static final Schema<GetPresenceResponse> GET_PRESENCE_RESPONSE = Schema.of(GetPresenceResponse.class, "GetPresence-Response", a -> new GetPresenceResponse((Result) a[0], (List<Presence>) a[1]),
            Field.of("Result", "Result", Kind.REC, RESULT, false, (GetPresenceResponse r) -> r.result()),
            Field.of("Presence", "Presence", Kind.REC, PRESENCE, true, (GetPresenceResponse r) -> r.presences()));
    public static final Schema<SubscribePresenceRequest> SUBSCRIBE_PRESENCE_REQUEST = Schema.of(SubscribePresenceRequest.class, "SubscribePresence-Request", a -> new SubscribePresenceRequest((List<User>) a[0], (List<String>) a[1], (WvNode) a[2], (Boolean) a[3]),
            Field.of("User", "User", Kind.REC, USER, true, (SubscribePresenceRequest r) -> r.users()),
            Field.of("ContactList", "ContactList", Kind.STR, null, true, (SubscribePresenceRequest r) -> r.contactLists()),
            Field.of("PresenceSubList", "PresenceSubList", Kind.NODE, null, false, (SubscribePresenceRequest r) -> r.presenceSubList()),
            Field.of("AutoSubscribe", "AutoSubscribe", Kind.BOOL, null, false, (SubscribePresenceRequest r) -> r.autoSubscribe()));
    public static final Schema<UnsubscribePresenceRequest> UNSUBSCRIBE_PRESENCE_REQUEST = Schema.of(UnsubscribePresenceRequest.class, "UnsubscribePresence-Request", a -> new UnsubscribePresenceRequest((List<User>) a[0], (List<String>) a[1], (Boolean) a[2]),
            Field.of("User", "User", Kind.REC, USER, true, (UnsubscribePresenceRequest r) -> r.users()),
            Field.of("ContactList", "ContactList", Kind.STR, null, true, (UnsubscribePresenceRequest r) -> r.contactLists()),
            Field.of("AutoSubscribe", "AutoSubscribe", Kind.BOOL, null, false, (UnsubscribePresenceRequest r) -> r.autoSubscribe()));
    public static final Schema<PresenceNotificationRequest> PRESENCE_NOTIFICATION_REQUEST = Schema.of(PresenceNotificationRequest.class, "PresenceNotification-Request", a -> new PresenceNotificationRequest((List<Presence>) a[0]),
            Field.of("Presence", "Presence", Kind.REC, PRESENCE, true, (PresenceNotificationRequest r) -> r.presences()));
    public static final Schema<PresenceAuthRequest> PRESENCE_AUTH_REQUEST = Schema.of(PresenceAuthRequest.class, "PresenceAuth-Request", a -> new PresenceAuthRequest((String) a[0], (WvNode) a[1]),
            Field.of("UserID", "UserID", Kind.STR, null, false, (PresenceAuthRequest r) -> r.userId()),
            Field.of("PresenceSubList", "PresenceSubList", Kind.NODE, null, false, (PresenceAuthRequest r) -> r.presenceSubList()));
    public static final Schema<PresenceAuthUser> PRESENCE_AUTH_USER = Schema.of(PresenceAuthUser.class, "PresenceAuth-User", a -> new PresenceAuthUser((String) a[0], (Boolean) a[1]),
            Field.of("UserID", "UserID", Kind.STR, null, false, (PresenceAuthUser r) -> r.userId()),
            Field.of("Acceptance", "Acceptance", Kind.BOOL, null, false, (PresenceAuthUser r) -> r.acceptance()));
    public static final Schema<CancelAuthRequest> CANCEL_AUTH_REQUEST = Schema.of(CancelAuthRequest.class, "CancelAuth-Request", a -> new CancelAuthRequest((String) a[0]),
            Field.of("UserID", "UserID", Kind.STR, null, false, (CancelAuthRequest r) -> r.userId()));
    public static final Schema<GetWatcherListRequest> GET_WATCHER_LIST_REQUEST = Schema.of(GetWatcherListRequest.class, "GetWatcherList-Request", a -> new GetWatcherListRequest());
    public static final Schema<GetWatcherListResponse> GET_WATCHER_LIST_RESPONSE = Schema.of(GetWatcherListResponse.class, "GetWatcherList-Response", a -> new GetWatcherListResponse((Result) a[0], (List<String>) a[1]),
            Field.of("Result", "Result", Kind.REC, RESULT, false, (GetWatcherListResponse r) -> r.result()),
            Field.of("UserID", "UserID", Kind.STR, null, true, (GetWatcherListResponse r) -> r.userIds()));
    public static final Schema<CreateAttributeListRequest> CREATE_ATTRIBUTE_LIST_REQUEST = Schema.of(CreateAttributeListRequest.class, "CreateAttributeList-Request", a -> new CreateAttributeListRequest((WvNode) a[0], (List<String>) a[1], (List<String>) a[2], (Boolean) a[3]),
            Field.of("PresenceSubList", "PresenceSubList", Kind.NODE, null, false, (CreateAttributeListRequest r) -> r.presenceSubList()),
            Field.of("UserID", "UserID", Kind.STR, null, true, (CreateAttributeListRequest r) -> r.userIds()),
            Field.of("ContactList", "ContactList", Kind.STR, null, true, (CreateAttributeListRequest r) -> r.contactLists()),
            Field.of("DefaultList", "DefaultList", Kind.BOOL, null, false, (CreateAttributeListRequest r) -> r.defaultList()));
    public static final Schema<DeleteAttributeListRequest> DELETE_ATTRIBUTE_LIST_REQUEST = Schema.of(DeleteAttributeListRequest.class, "DeleteAttributeList-Request", a -> new DeleteAttributeListRequest((List<String>) a[0], (List<String>) a[1], (Boolean) a[2]),
            Field.of("UserID", "UserID", Kind.STR, null, true, (DeleteAttributeListRequest r) -> r.userIds()),
            Field.of("ContactList", "ContactList", Kind.STR, null, true, (DeleteAttributeListRequest r) -> r.contactLists()),
            Field.of("DefaultList", "DefaultList", Kind.BOOL, null, false, (DeleteAttributeListRequest r) -> r.defaultList()));
    public static final Schema<GetAttributeListRequest> GET_ATTRIBUTE_LIST_REQUEST = Schema.of(GetAttributeListRequest.class, "GetAttributeList-Request", a -> new GetAttributeListRequest((List<String>) a[0], (List<String>) a[1], (Boolean) a[2]),
            Field.of("UserID", "UserID", Kind.STR, null, true, (GetAttributeListRequest r) -> r.userIds()),
            Field.of("ContactList", "ContactList", Kind.STR, null, true, (GetAttributeListRequest r) -> r.contactLists()),
            Field.of("DefaultList", "DefaultList", Kind.BOOL, null, false, (GetAttributeListRequest r) -> r.defaultList()));
    public static final Schema<GetAttributeListResponse> GET_ATTRIBUTE_LIST_RESPONSE = Schema.of(GetAttributeListResponse.class, "GetAttributeList-Response", a -> new GetAttributeListResponse((Result) a[0], (WvNode) a[1], (List<Presence>) a[2]),
            Field.of("Result", "Result", Kind.REC, RESULT, false, (GetAttributeListResponse r) -> r.result()),
            Field.of("DefaultAttributeList", "DefaultAttributeList", Kind.NODE, null, false, (GetAttributeListResponse r) -> r.defaultAttributeList()),
            Field.of("Presence", "Presence", Kind.REC, PRESENCE, true, (GetAttributeListResponse r) -> r.presences()));
    public static final Schema<GetReactiveAuthStatusRequest> GET_REACTIVE_AUTH_STATUS_REQUEST = Schema.of(GetReactiveAuthStatusRequest.class, "GetReactiveAuthStatus-Request", a -> new GetReactiveAuthStatusRequest((List<String>) a[0]),
            Field.of("UserID", "UserID", Kind.STR, null, true, (GetReactiveAuthStatusRequest r) -> r.userIds()));
    public static final Schema<GetReactiveAuthStatusResponse> GET_REACTIVE_AUTH_STATUS_RESPONSE = Schema.of(GetReactiveAuthStatusResponse.class, "GetReactiveAuthStatus-Response", a -> new GetReactiveAuthStatusResponse((Result) a[0], (ReactiveAuthStatusList) a[1]),
            Field.of("Result", "Result", Kind.REC, RESULT, false, (GetReactiveAuthStatusResponse r) -> r.result()),
            Field.of("ReactiveAuthStatusList", "ReactiveAuthStatusList", Kind.REC, REACTIVE_AUTH_STATUS_LIST, false, (GetReactiveAuthStatusResponse r) -> r.statusList()));
    public static final Schema<GetListRequest> GET_LIST_REQUEST = Schema.of(GetListRequest.class, "GetList-Request", a -> new GetListRequest());
    public static final Schema<GetListResponse> GET_LIST_RESPONSE = Schema.of(GetListResponse.class, "GetList-Response", a -> new GetListResponse((Result) a[0], (List<String>) a[1], (String) a[2]),
            Field.of("Result", "Result", Kind.REC, RESULT, false, (GetListResponse r) -> r.result()),
            Field.of("ContactList", "ContactList", Kind.STR, null, true, (GetListResponse r) -> r.contactLists()),
            Field.of("DefaultContactList", "DefaultContactList", Kind.STR, null, false, (GetListResponse r) -> r.defaultContactList()));
    public static final Schema<CreateListRequest> CREATE_LIST_REQUEST = Schema.of(CreateListRequest.class, "CreateList-Request", a -> new CreateListRequest((String) a[0], (NickList) a[1], (PropertyList) a[2]),
            Field.of("ContactList", "ContactList", Kind.STR, null, false, (CreateListRequest r) -> r.contactList()),
            Field.of("NickList", "NickList", Kind.REC, NICK_LIST, false, (CreateListRequest r) -> r.nickList()),
            Field.of("ContactListProperties", "ContactListProperties", Kind.REC, PROPERTY_LIST, false, (CreateListRequest r) -> r.properties()));
    public static final Schema<DeleteListRequest> DELETE_LIST_REQUEST = Schema.of(DeleteListRequest.class, "DeleteList-Request", a -> new DeleteListRequest((String) a[0]),
            Field.of("ContactList", "ContactList", Kind.STR, null, false, (DeleteListRequest r) -> r.contactList()));
    public static final Schema<ListManageRequest> LIST_MANAGE_REQUEST = Schema.of(ListManageRequest.class, "ListManage-Request", a -> new ListManageRequest((String) a[0], (NickList) a[1], (EntityList) a[2], (PropertyList) a[3], (Boolean) a[4]),
            Field.of("ContactList", "ContactList", Kind.STR, null, false, (ListManageRequest r) -> r.contactList()),
            Field.of("AddNickList", "AddNickList", Kind.REC, NICK_LIST, false, (ListManageRequest r) -> r.addNickList()),
            Field.of("RemoveNickList", "RemoveNickList", Kind.REC, ENTITY_LIST, false, (ListManageRequest r) -> r.removeNickList()),
            Field.of("ContactListProperties", "ContactListProperties", Kind.REC, PROPERTY_LIST, false, (ListManageRequest r) -> r.properties()),
            Field.of("ReceiveList", "ReceiveList", Kind.BOOL, null, false, (ListManageRequest r) -> r.receiveList()));
    public static final Schema<ListManageResponse> LIST_MANAGE_RESPONSE = Schema.of(ListManageResponse.class, "ListManage-Response", a -> new ListManageResponse((Result) a[0], (NickList) a[1], (PropertyList) a[2]),
            Field.of("Result", "Result", Kind.REC, RESULT, false, (ListManageResponse r) -> r.result()),
            Field.of("NickList", "NickList", Kind.REC, NICK_LIST, false, (ListManageResponse r) -> r.nickList()),
            Field.of("ContactListProperties", "ContactListProperties", Kind.REC, PROPERTY_LIST, false, (ListManageResponse r) -> r.properties()));
    public static final Schema<SendMessageRequest> SEND_MESSAGE_REQUEST = Schema.of(SendMessageRequest.class, "SendMessage-Request", a -> new SendMessageRequest((Boolean) a[0], (MessageInfo) a[1], (String) a[2]),
            Field.of("DeliveryReport", "DeliveryReport", Kind.BOOL, null, false, (SendMessageRequest r) -> r.deliveryReport()),
            Field.of("MessageInfo", "MessageInfo", Kind.REC, MESSAGE_INFO, false, (SendMessageRequest r) -> r.messageInfo()),
            Field.of("ContentData", "ContentData", Kind.STR, null, false, (SendMessageRequest r) -> r.contentData()));
    public static final Schema<SendMessageResponse> SEND_MESSAGE_RESPONSE = Schema.of(SendMessageResponse.class, "SendMessage-Response", a -> new SendMessageResponse((Result) a[0], (String) a[1]),
            Field.of("Result", "Result", Kind.REC, RESULT, false, (SendMessageResponse r) -> r.result()),
            Field.of("MessageID", "MessageID", Kind.STR, null, false, (SendMessageResponse r) -> r.messageId()));
    public static final Schema<NewMessage> NEW_MESSAGE = Schema.of(NewMessage.class, "NewMessage", a -> new NewMessage((MessageInfo) a[0], (String) a[1]),
            Field.of("MessageInfo", "MessageInfo", Kind.REC, MESSAGE_INFO, false, (NewMessage r) -> r.messageInfo()),
            Field.of("ContentData", "ContentData", Kind.STR, null, false, (NewMessage r) -> r.contentData()));
    public static final Schema<MessageDelivered> MESSAGE_DELIVERED = Schema.of(MessageDelivered.class, "MessageDelivered", a -> new MessageDelivered((String) a[0]),
            Field.of("MessageID", "MessageID", Kind.STR, null, false, (MessageDelivered r) -> r.messageId()));
    public static final Schema<MessageNotification> MESSAGE_NOTIFICATION = Schema.of(MessageNotification.class, "MessageNotification", a -> new MessageNotification((MessageInfo) a[0]),
            Field.of("MessageInfo", "MessageInfo", Kind.REC, MESSAGE_INFO, false, (MessageNotification r) -> r.messageInfo()));
    public static final Schema<GetMessageRequest> GET_MESSAGE_REQUEST = Schema.of(GetMessageRequest.class, "GetMessage-Request", a -> new GetMessageRequest((String) a[0]),
            Field.of("MessageID", "MessageID", Kind.STR, null, false, (GetMessageRequest r) -> r.messageId()));
    public static final Schema<GetMessageResponse> GET_MESSAGE_RESPONSE = Schema.of(GetMessageResponse.class, "GetMessage-Response", a -> new GetMessageResponse((MessageInfo) a[0], (String) a[1]),
            Field.of("MessageInfo", "MessageInfo", Kind.REC, MESSAGE_INFO, false, (GetMessageResponse r) -> r.messageInfo()),
            Field.of("ContentData", "ContentData", Kind.STR, null, false, (GetMessageResponse r) -> r.contentData()));
    public static final Schema<RejectMessageRequest> REJECT_MESSAGE_REQUEST = Schema.of(RejectMessageRequest.class, "RejectMessage-Request", a -> new RejectMessageRequest((List<String>) a[0]),
            Field.of("MessageID", "MessageID", Kind.STR, null, true, (RejectMessageRequest r) -> r.messageIds()));
    public static final Schema<GetMessageListRequest> GET_MESSAGE_LIST_REQUEST = Schema.of(GetMessageListRequest.class, "GetMessageList-Request", a -> new GetMessageListRequest((String) a[0], (Integer) a[1]),
            Field.of("GroupID", "GroupID", Kind.STR, null, false, (GetMessageListRequest r) -> r.groupId()),
            Field.of("MessageCount", "MessageCount", Kind.INT, null, false, (GetMessageListRequest r) -> r.messageCount()));
    public static final Schema<GetMessageListResponse> GET_MESSAGE_LIST_RESPONSE = Schema.of(GetMessageListResponse.class, "GetMessageList-Response", a -> new GetMessageListResponse((List<MessageInfo>) a[0]),
            Field.of("MessageInfo", "MessageInfo", Kind.REC, MESSAGE_INFO, true, (GetMessageListResponse r) -> r.messageInfos()));
    public static final Schema<DeliveryReportRequest> DELIVERY_REPORT_REQUEST = Schema.of(DeliveryReportRequest.class, "DeliveryReport-Request", a -> new DeliveryReportRequest((Result) a[0], (String) a[1], (MessageInfo) a[2]),
            Field.of("Result", "Result", Kind.REC, RESULT, false, (DeliveryReportRequest r) -> r.result()),
            Field.of("DeliveryTime", "DeliveryTime", Kind.DATE, null, false, (DeliveryReportRequest r) -> r.deliveryTime()),
            Field.of("MessageInfo", "MessageInfo", Kind.REC, MESSAGE_INFO, false, (DeliveryReportRequest r) -> r.messageInfo()));
    public static final Schema<SetDeliveryMethodRequest> SET_DELIVERY_METHOD_REQUEST = Schema.of(SetDeliveryMethodRequest.class, "SetDeliveryMethod-Request", a -> new SetDeliveryMethodRequest((String) a[0], (Integer) a[1], (String) a[2]),
            Field.of("DeliveryMethod", "DeliveryMethod", Kind.STR, null, false, (SetDeliveryMethodRequest r) -> r.deliveryMethod()),
            Field.of("AcceptedContentLength", "AcceptedContentLength", Kind.INT, null, false, (SetDeliveryMethodRequest r) -> r.acceptedContentLength()),
            Field.of("GroupID", "GroupID", Kind.STR, null, false, (SetDeliveryMethodRequest r) -> r.groupId()));
    public static final Schema<ForwardMessageRequest> FORWARD_MESSAGE_REQUEST = Schema.of(ForwardMessageRequest.class, "ForwardMessage-Request", a -> new ForwardMessageRequest((String) a[0], (Recipient) a[1]),
            Field.of("MessageID", "MessageID", Kind.STR, null, false, (ForwardMessageRequest r) -> r.messageId()),
            Field.of("Recipient", "Recipient", Kind.REC, RECIPIENT, false, (ForwardMessageRequest r) -> r.recipient()));
    public static final Schema<GetBlockedListRequest> GET_BLOCKED_LIST_REQUEST = Schema.of(GetBlockedListRequest.class, "GetBlockedList-Request", a -> new GetBlockedListRequest());
    public static final Schema<GetBlockedListResponse> GET_BLOCKED_LIST_RESPONSE = Schema.of(GetBlockedListResponse.class, "GetBlockedList-Response", a -> new GetBlockedListResponse((AccessList) a[0], (AccessList) a[1]),
            Field.of("BlockList", "BlockList", Kind.REC, ACCESS_LIST, false, (GetBlockedListResponse r) -> r.blockList()),
            Field.of("GrantList", "GrantList", Kind.REC, ACCESS_LIST, false, (GetBlockedListResponse r) -> r.grantList()));
    public static final Schema<BlockEntityRequest> BLOCK_ENTITY_REQUEST = Schema.of(BlockEntityRequest.class, "BlockEntity-Request", a -> new BlockEntityRequest((AccessList) a[0], (AccessList) a[1]),
            Field.of("BlockList", "BlockList", Kind.REC, ACCESS_LIST, false, (BlockEntityRequest r) -> r.blockList()),
            Field.of("GrantList", "GrantList", Kind.REC, ACCESS_LIST, false, (BlockEntityRequest r) -> r.grantList()));
    public static final Schema<CreateGroupRequest> CREATE_GROUP_REQUEST = Schema.of(CreateGroupRequest.class, "CreateGroup-Request", a -> new CreateGroupRequest((String) a[0], (GroupProperties) a[1], (Boolean) a[2], (ScreenName) a[3], (Boolean) a[4]),
            Field.of("GroupID", "GroupID", Kind.STR, null, false, (CreateGroupRequest r) -> r.groupId()),
            Field.of("GroupProperties", "GroupProperties", Kind.REC, GROUP_PROPERTIES, false, (CreateGroupRequest r) -> r.groupProperties()),
            Field.of("JoinGroup", "JoinGroup", Kind.BOOL, null, false, (CreateGroupRequest r) -> r.joinGroup()),
            Field.of("ScreenName", "ScreenName", Kind.REC, SCREEN_NAME, false, (CreateGroupRequest r) -> r.screenName()),
            Field.of("SubscribeNotification", "SubscribeNotification", Kind.BOOL, null, false, (CreateGroupRequest r) -> r.subscribeNotification()));
    public static final Schema<DeleteGroupRequest> DELETE_GROUP_REQUEST = Schema.of(DeleteGroupRequest.class, "DeleteGroup-Request", a -> new DeleteGroupRequest((String) a[0]),
            Field.of("GroupID", "GroupID", Kind.STR, null, false, (DeleteGroupRequest r) -> r.groupId()));
    public static final Schema<JoinGroupRequest> JOIN_GROUP_REQUEST = Schema.of(JoinGroupRequest.class, "JoinGroup-Request", a -> new JoinGroupRequest((String) a[0], (ScreenName) a[1], (PropertyList) a[2], (Boolean) a[3], (Boolean) a[4]),
            Field.of("GroupID", "GroupID", Kind.STR, null, false, (JoinGroupRequest r) -> r.groupId()),
            Field.of("ScreenName", "ScreenName", Kind.REC, SCREEN_NAME, false, (JoinGroupRequest r) -> r.screenName()),
            Field.of("OwnProperties", "OwnProperties", Kind.REC, PROPERTY_LIST, false, (JoinGroupRequest r) -> r.ownProperties()),
            Field.of("JoinedRequest", "JoinedRequest", Kind.BOOL, null, false, (JoinGroupRequest r) -> r.joinedRequest()),
            Field.of("SubscribeNotification", "SubscribeNotification", Kind.BOOL, null, false, (JoinGroupRequest r) -> r.subscribeNotification()));
    public static final Schema<JoinGroupResponse> JOIN_GROUP_RESPONSE = Schema.of(JoinGroupResponse.class, "JoinGroup-Response", a -> new JoinGroupResponse((Result) a[0], (UserList) a[1], (UserMapList) a[2], (WelcomeNote) a[3]),
            Field.of("Result", "Result", Kind.REC, RESULT, false, (JoinGroupResponse r) -> r.result()),
            Field.of("UserList", "UserList", Kind.REC, USER_LIST, false, (JoinGroupResponse r) -> r.userList()),
            Field.of("UserMapList", "UserMapList", Kind.REC, USER_MAP_LIST, false, (JoinGroupResponse r) -> r.userMapList()),
            Field.of("WelcomeNote", "WelcomeNote", Kind.REC, WELCOME_NOTE, false, (JoinGroupResponse r) -> r.welcomeNote()));
    public static final Schema<LeaveGroupRequest> LEAVE_GROUP_REQUEST = Schema.of(LeaveGroupRequest.class, "LeaveGroup-Request", a -> new LeaveGroupRequest((String) a[0]),
            Field.of("GroupID", "GroupID", Kind.STR, null, false, (LeaveGroupRequest r) -> r.groupId()));
    public static final Schema<LeaveGroupResponse> LEAVE_GROUP_RESPONSE = Schema.of(LeaveGroupResponse.class, "LeaveGroup-Response", a -> new LeaveGroupResponse((Result) a[0], (String) a[1]),
            Field.of("Result", "Result", Kind.REC, RESULT, false, (LeaveGroupResponse r) -> r.result()),
            Field.of("GroupID", "GroupID", Kind.STR, null, false, (LeaveGroupResponse r) -> r.groupId()));
    public static final Schema<GroupChangeNotice> GROUP_CHANGE_NOTICE = Schema.of(GroupChangeNotice.class, "GroupChangeNotice", a -> new GroupChangeNotice((String) a[0], (MemberList) a[1], (MemberList) a[2], (GroupProperties) a[3], (PropertyList) a[4]),
            Field.of("GroupID", "GroupID", Kind.STR, null, false, (GroupChangeNotice r) -> r.groupId()),
            Field.of("Joined", "Joined", Kind.REC, MEMBER_LIST, false, (GroupChangeNotice r) -> r.joined()),
            Field.of("Left", "Left", Kind.REC, MEMBER_LIST, false, (GroupChangeNotice r) -> r.left()),
            Field.of("GroupProperties", "GroupProperties", Kind.REC, GROUP_PROPERTIES, false, (GroupChangeNotice r) -> r.groupProperties()),
            Field.of("OwnProperties", "OwnProperties", Kind.REC, PROPERTY_LIST, false, (GroupChangeNotice r) -> r.ownProperties()));
    public static final Schema<GetGroupMembersRequest> GET_GROUP_MEMBERS_REQUEST = Schema.of(GetGroupMembersRequest.class, "GetGroupMembers-Request", a -> new GetGroupMembersRequest((String) a[0]),
            Field.of("GroupID", "GroupID", Kind.STR, null, false, (GetGroupMembersRequest r) -> r.groupId()));
    public static final Schema<GetGroupMembersResponse> GET_GROUP_MEMBERS_RESPONSE = Schema.of(GetGroupMembersResponse.class, "GetGroupMembers-Response", a -> new GetGroupMembersResponse((Result) a[0], (MemberList) a[1], (MemberList) a[2], (UserList) a[3]),
            Field.of("Result", "Result", Kind.REC, RESULT, false, (GetGroupMembersResponse r) -> r.result()),
            Field.of("Admin", "Admin", Kind.REC, MEMBER_LIST, false, (GetGroupMembersResponse r) -> r.admin()),
            Field.of("Mod", "Mod", Kind.REC, MEMBER_LIST, false, (GetGroupMembersResponse r) -> r.mod()),
            Field.of("UserList", "UserList", Kind.REC, USER_LIST, false, (GetGroupMembersResponse r) -> r.userList()));
    public static final Schema<AddGroupMembersRequest> ADD_GROUP_MEMBERS_REQUEST = Schema.of(AddGroupMembersRequest.class, "AddGroupMembers-Request", a -> new AddGroupMembersRequest((String) a[0], (UserList) a[1]),
            Field.of("GroupID", "GroupID", Kind.STR, null, false, (AddGroupMembersRequest r) -> r.groupId()),
            Field.of("UserList", "UserList", Kind.REC, USER_LIST, false, (AddGroupMembersRequest r) -> r.userList()));
    public static final Schema<RemoveGroupMembersRequest> REMOVE_GROUP_MEMBERS_REQUEST = Schema.of(RemoveGroupMembersRequest.class, "RemoveGroupMembers-Request", a -> new RemoveGroupMembersRequest((String) a[0], (UserList) a[1]),
            Field.of("GroupID", "GroupID", Kind.STR, null, false, (RemoveGroupMembersRequest r) -> r.groupId()),
            Field.of("UserList", "UserList", Kind.REC, USER_LIST, false, (RemoveGroupMembersRequest r) -> r.userList()));
    public static final Schema<MemberAccessRequest> MEMBER_ACCESS_REQUEST = Schema.of(MemberAccessRequest.class, "MemberAccess-Request", a -> new MemberAccessRequest((String) a[0], (MemberList) a[1], (MemberList) a[2], (UserList) a[3]),
            Field.of("GroupID", "GroupID", Kind.STR, null, false, (MemberAccessRequest r) -> r.groupId()),
            Field.of("Admin", "Admin", Kind.REC, MEMBER_LIST, false, (MemberAccessRequest r) -> r.admin()),
            Field.of("Mod", "Mod", Kind.REC, MEMBER_LIST, false, (MemberAccessRequest r) -> r.mod()),
            Field.of("UserList", "UserList", Kind.REC, USER_LIST, false, (MemberAccessRequest r) -> r.userList()));
    public static final Schema<GetGroupPropsRequest> GET_GROUP_PROPS_REQUEST = Schema.of(GetGroupPropsRequest.class, "GetGroupProps-Request", a -> new GetGroupPropsRequest((String) a[0]),
            Field.of("GroupID", "GroupID", Kind.STR, null, false, (GetGroupPropsRequest r) -> r.groupId()));
    public static final Schema<GetGroupPropsResponse> GET_GROUP_PROPS_RESPONSE = Schema.of(GetGroupPropsResponse.class, "GetGroupProps-Response", a -> new GetGroupPropsResponse((GroupProperties) a[0], (PropertyList) a[1]),
            Field.of("GroupProperties", "GroupProperties", Kind.REC, GROUP_PROPERTIES, false, (GetGroupPropsResponse r) -> r.groupProperties()),
            Field.of("OwnProperties", "OwnProperties", Kind.REC, PROPERTY_LIST, false, (GetGroupPropsResponse r) -> r.ownProperties()));
    public static final Schema<SetGroupPropsRequest> SET_GROUP_PROPS_REQUEST = Schema.of(SetGroupPropsRequest.class, "SetGroupProps-Request", a -> new SetGroupPropsRequest((String) a[0], (GroupProperties) a[1], (PropertyList) a[2]),
            Field.of("GroupID", "GroupID", Kind.STR, null, false, (SetGroupPropsRequest r) -> r.groupId()),
            Field.of("GroupProperties", "GroupProperties", Kind.REC, GROUP_PROPERTIES, false, (SetGroupPropsRequest r) -> r.groupProperties()),
            Field.of("OwnProperties", "OwnProperties", Kind.REC, PROPERTY_LIST, false, (SetGroupPropsRequest r) -> r.ownProperties()));
    public static final Schema<RejectListRequest> REJECT_LIST_REQUEST = Schema.of(RejectListRequest.class, "RejectList-Request", a -> new RejectListRequest((String) a[0], (EntityList) a[1], (EntityList) a[2]),
            Field.of("GroupID", "GroupID", Kind.STR, null, false, (RejectListRequest r) -> r.groupId()),
            Field.of("AddList", "AddList", Kind.REC, ENTITY_LIST, false, (RejectListRequest r) -> r.addList()),
            Field.of("RemoveList", "RemoveList", Kind.REC, ENTITY_LIST, false, (RejectListRequest r) -> r.removeList()));
    public static final Schema<RejectListResponse> REJECT_LIST_RESPONSE = Schema.of(RejectListResponse.class, "RejectList-Response", a -> new RejectListResponse((Result) a[0], (UserList) a[1]),
            Field.of("Result", "Result", Kind.REC, RESULT, false, (RejectListResponse r) -> r.result()),
            Field.of("UserList", "UserList", Kind.REC, USER_LIST, false, (RejectListResponse r) -> r.userList()));
    public static final Schema<SubscribeGroupNoticeRequest> SUBSCRIBE_GROUP_NOTICE_REQUEST = Schema.of(SubscribeGroupNoticeRequest.class, "SubscribeGroupNotice-Request", a -> new SubscribeGroupNoticeRequest((String) a[0], (String) a[1]),
            Field.of("GroupID", "GroupID", Kind.STR, null, false, (SubscribeGroupNoticeRequest r) -> r.groupId()),
            Field.of("SubscribeType", "SubscribeType", Kind.STR, null, false, (SubscribeGroupNoticeRequest r) -> r.subscribeType()));
    public static final Schema<SubscribeGroupNoticeResponse> SUBSCRIBE_GROUP_NOTICE_RESPONSE = Schema.of(SubscribeGroupNoticeResponse.class, "SubscribeGroupNotice-Response", a -> new SubscribeGroupNoticeResponse((Result) a[0], (String) a[1]),
            Field.of("Result", "Result", Kind.REC, RESULT, false, (SubscribeGroupNoticeResponse r) -> r.result()),
            Field.of("Value", "Value", Kind.STR, null, false, (SubscribeGroupNoticeResponse r) -> r.value()));
    public static final Schema<GetJoinedUsersRequest> GET_JOINED_USERS_REQUEST = Schema.of(GetJoinedUsersRequest.class, "GetJoinedUsers-Request", a -> new GetJoinedUsersRequest((String) a[0]),
            Field.of("GroupID", "GroupID", Kind.STR, null, false, (GetJoinedUsersRequest r) -> r.groupId()));
    public static final Schema<GetJoinedUsersResponse> GET_JOINED_USERS_RESPONSE = Schema.of(GetJoinedUsersResponse.class, "GetJoinedUsers-Response", a -> new GetJoinedUsersResponse((Result) a[0], (UserMapList) a[1], (WvNode) a[2]),
            Field.of("Result", "Result", Kind.REC, RESULT, false, (GetJoinedUsersResponse r) -> r.result()),
            Field.of("UserMapList", "UserMapList", Kind.REC, USER_MAP_LIST, false, (GetJoinedUsersResponse r) -> r.userMapList()),
            Field.of("AdminMapList", "AdminMapList", Kind.NODE, null, false, (GetJoinedUsersResponse r) -> r.adminMapList()));
    public static final Schema<InviteRequest> INVITE_REQUEST = Schema.of(InviteRequest.class, "Invite-Request", a -> new InviteRequest((String) a[0], (String) a[1], (Recipient) a[2], (String) a[3], (WvNode) a[4], (UrlList) a[5], (String) a[6], (ScreenName) a[7], (Integer) a[8]),
            Field.of("InviteID", "InviteID", Kind.STR, null, false, (InviteRequest r) -> r.inviteId()),
            Field.of("InviteType", "InviteType", Kind.STR, null, false, (InviteRequest r) -> r.inviteType()),
            Field.of("Recipient", "Recipient", Kind.REC, RECIPIENT, false, (InviteRequest r) -> r.recipient()),
            Field.of("GroupID", "GroupID", Kind.STR, null, false, (InviteRequest r) -> r.groupId()),
            Field.of("PresenceSubList", "PresenceSubList", Kind.NODE, null, false, (InviteRequest r) -> r.presenceSubList()),
            Field.of("URLList", "URLList", Kind.REC, URL_LIST, false, (InviteRequest r) -> r.urlList()),
            Field.of("InviteNote", "InviteNote", Kind.STR, null, false, (InviteRequest r) -> r.inviteNote()),
            Field.of("ScreenName", "ScreenName", Kind.REC, SCREEN_NAME, false, (InviteRequest r) -> r.screenName()),
            Field.of("Validity", "Validity", Kind.INT, null, false, (InviteRequest r) -> r.validity()));
    public static final Schema<InviteResponse> INVITE_RESPONSE = Schema.of(InviteResponse.class, "Invite-Response", a -> new InviteResponse((String) a[0], (Boolean) a[1], (String) a[2], (ScreenName) a[3]),
            Field.of("InviteID", "InviteID", Kind.STR, null, false, (InviteResponse r) -> r.inviteId()),
            Field.of("Acceptance", "Acceptance", Kind.BOOL, null, false, (InviteResponse r) -> r.acceptance()),
            Field.of("ResponseNote", "ResponseNote", Kind.STR, null, false, (InviteResponse r) -> r.responseNote()),
            Field.of("ScreenName", "ScreenName", Kind.REC, SCREEN_NAME, false, (InviteResponse r) -> r.screenName()));
    public static final Schema<InviteUserRequest> INVITE_USER_REQUEST = Schema.of(InviteUserRequest.class, "InviteUser-Request", a -> new InviteUserRequest((String) a[0], (String) a[1], (Sender) a[2], (String) a[3], (WvNode) a[4], (UrlList) a[5], (String) a[6], (ScreenName) a[7], (Integer) a[8]),
            Field.of("InviteID", "InviteID", Kind.STR, null, false, (InviteUserRequest r) -> r.inviteId()),
            Field.of("InviteType", "InviteType", Kind.STR, null, false, (InviteUserRequest r) -> r.inviteType()),
            Field.of("Sender", "Sender", Kind.REC, SENDER, false, (InviteUserRequest r) -> r.sender()),
            Field.of("GroupID", "GroupID", Kind.STR, null, false, (InviteUserRequest r) -> r.groupId()),
            Field.of("PresenceSubList", "PresenceSubList", Kind.NODE, null, false, (InviteUserRequest r) -> r.presenceSubList()),
            Field.of("URLList", "URLList", Kind.REC, URL_LIST, false, (InviteUserRequest r) -> r.urlList()),
            Field.of("InviteNote", "InviteNote", Kind.STR, null, false, (InviteUserRequest r) -> r.inviteNote()),
            Field.of("ScreenName", "ScreenName", Kind.REC, SCREEN_NAME, false, (InviteUserRequest r) -> r.screenName()),
            Field.of("Validity", "Validity", Kind.INT, null, false, (InviteUserRequest r) -> r.validity()));
    public static final Schema<InviteUserResponse> INVITE_USER_RESPONSE = Schema.of(InviteUserResponse.class, "InviteUser-Response", a -> new InviteUserResponse((String) a[0], (Boolean) a[1], (String) a[2], (ScreenName) a[3]),
            Field.of("InviteID", "InviteID", Kind.STR, null, false, (InviteUserResponse r) -> r.inviteId()),
            Field.of("Acceptance", "Acceptance", Kind.BOOL, null, false, (InviteUserResponse r) -> r.acceptance()),
            Field.of("ResponseNote", "ResponseNote", Kind.STR, null, false, (InviteUserResponse r) -> r.responseNote()),
            Field.of("ScreenName", "ScreenName", Kind.REC, SCREEN_NAME, false, (InviteUserResponse r) -> r.screenName()));
    public static final Schema<CancelInviteRequest> CANCEL_INVITE_REQUEST = Schema.of(CancelInviteRequest.class, "CancelInvite-Request", a -> new CancelInviteRequest((String) a[0], (Recipient) a[1], (String) a[2], (WvNode) a[3], (UrlList) a[4], (String) a[5], (ScreenName) a[6]),
            Field.of("InviteID", "InviteID", Kind.STR, null, false, (CancelInviteRequest r) -> r.inviteId()),
            Field.of("Recipient", "Recipient", Kind.REC, RECIPIENT, false, (CancelInviteRequest r) -> r.recipient()),
            Field.of("GroupID", "GroupID", Kind.STR, null, false, (CancelInviteRequest r) -> r.groupId()),
            Field.of("PresenceSubList", "PresenceSubList", Kind.NODE, null, false, (CancelInviteRequest r) -> r.presenceSubList()),
            Field.of("URLList", "URLList", Kind.REC, URL_LIST, false, (CancelInviteRequest r) -> r.urlList()),
            Field.of("ResponseNote", "ResponseNote", Kind.STR, null, false, (CancelInviteRequest r) -> r.responseNote()),
            Field.of("ScreenName", "ScreenName", Kind.REC, SCREEN_NAME, false, (CancelInviteRequest r) -> r.screenName()));
    public static final Schema<CancelInviteUserRequest> CANCEL_INVITE_USER_REQUEST = Schema.of(CancelInviteUserRequest.class, "CancelInviteUser-Request", a -> new CancelInviteUserRequest((String) a[0], (Sender) a[1], (String) a[2], (WvNode) a[3], (UrlList) a[4], (String) a[5], (ScreenName) a[6]),
            Field.of("InviteID", "InviteID", Kind.STR, null, false, (CancelInviteUserRequest r) -> r.inviteId()),
            Field.of("Sender", "Sender", Kind.REC, SENDER, false, (CancelInviteUserRequest r) -> r.sender()),
            Field.of("GroupID", "GroupID", Kind.STR, null, false, (CancelInviteUserRequest r) -> r.groupId()),
            Field.of("PresenceSubList", "PresenceSubList", Kind.NODE, null, false, (CancelInviteUserRequest r) -> r.presenceSubList()),
            Field.of("URLList", "URLList", Kind.REC, URL_LIST, false, (CancelInviteUserRequest r) -> r.urlList()),
            Field.of("ResponseNote", "ResponseNote", Kind.STR, null, false, (CancelInviteUserRequest r) -> r.responseNote()),
            Field.of("ScreenName", "ScreenName", Kind.REC, SCREEN_NAME, false, (CancelInviteUserRequest r) -> r.screenName()));
    public static final Schema<SearchRequest> SEARCH_REQUEST = Schema.of(SearchRequest.class, "Search-Request", a -> new SearchRequest((List<SearchPair>) a[0], (Integer) a[1], (String) a[2], (Integer) a[3]),
            Field.of("SearchPairList", "SearchPairList", Kind.REC, SEARCH_PAIR, true, (SearchRequest r) -> r.searchPairs()),
            Field.of("SearchLimit", "SearchLimit", Kind.INT, null, false, (SearchRequest r) -> r.searchLimit()),
            Field.of("SearchID", "SearchID", Kind.STR, null, false, (SearchRequest r) -> r.searchId()),
            Field.of("SearchIndex", "SearchIndex", Kind.INT, null, false, (SearchRequest r) -> r.searchIndex()));
    public static final Schema<SearchResponse> SEARCH_RESPONSE = Schema.of(SearchResponse.class, "Search-Response", a -> new SearchResponse((Result) a[0], (String) a[1], (Integer) a[2], (Boolean) a[3], (Integer) a[4], (SearchResult) a[5]),
            Field.of("Result", "Result", Kind.REC, RESULT, false, (SearchResponse r) -> r.result()),
            Field.of("SearchID", "SearchID", Kind.STR, null, false, (SearchResponse r) -> r.searchId()),
            Field.of("SearchFindings", "SearchFindings", Kind.INT, null, false, (SearchResponse r) -> r.searchFindings()),
            Field.of("CompletionFlag", "CompletionFlag", Kind.BOOL, null, false, (SearchResponse r) -> r.completionFlag()),
            Field.of("SearchIndex", "SearchIndex", Kind.INT, null, false, (SearchResponse r) -> r.searchIndex()),
            Field.of("SearchResult", "SearchResult", Kind.REC, SEARCH_RESULT, false, (SearchResponse r) -> r.searchResult()));
    public static final Schema<StopSearchRequest> STOP_SEARCH_REQUEST = Schema.of(StopSearchRequest.class, "StopSearch-Request", a -> new StopSearchRequest((String) a[0]),
            Field.of("SearchID", "SearchID", Kind.STR, null, false, (StopSearchRequest r) -> r.searchId()));

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
