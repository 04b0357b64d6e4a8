package io.mobim.wv.bind;

import java.util.HashMap;
import java.util.Map;

/**
 * The CSP 1.1/1.2 element names and their WBXML tokens, and the WBXML value-token table (EXT_T_0).
 *
 * <p>A tag id is {@code page << 6 | token}, so the WBXML codec maps to and from ids with shifts and
 * the binder switches on ints. Source: the libwbxml 0.11.8 tables ({@code sv_wv_csp_tag_table},
 * {@code sv_wv_csp_ext_table}, dumped from the Debian library), corrected to the names Nokia's
 * IMPS engine dictionaries use where the two disagree (04/1E {@code AutoSubscribe}, 05/26-27
 * {@code ReferredContent}/{@code ReferredvCard}, 01/3B {@code ExtendedData}, 05/30 {@code CName});
 * the libwbxml spellings and the CSP 1.1 {@code BlockUser-Request} are accepted as aliases.
 */
public final class TagTable {

    /** Number of tag ids: pages 0x00 to 0x0A, 64 tokens each. */
    public static final int SIZE = 11 << 6;

    private static final String[] NAMES = new String[SIZE];
    private static final Map<String, Integer> IDS = new HashMap<>(1024);
    private static final Map<String, String> ALIASES = new HashMap<>();
    private static final String[] VALUES = new String[0xC1];
    /** Value tokens from 0x78 are IMPS 1.3 (AOSP): read, never written, since 1.1/1.2 handsets may not know them. */
    private static final int FIRST_DECODE_ONLY_VALUE = 0x78;
    private static final Map<String, Integer> VALUE_IDS = new HashMap<>(256);
    private static final StringIndex ID_INDEX;
    private static final StringIndex VALUE_INDEX;
    /** Bit n of entry c: some writable value token starts with (c &amp; 0x7F) and has length n. */
    private static final int[] VALUE_SHAPES = new int[128];
    /** The token of each one-character ASCII value ({@code T} and {@code F} of every Qualifier and boolean), or -1. */
    private static final int[] ONE_CHAR_TOKENS = new int[128];

    static {
        String[] n = NAMES;
        n[0x005] = "Acceptance"; // page 00 token 05
        n[0x006] = "AddList"; // page 00 token 06
        n[0x007] = "AddNickList"; // page 00 token 07
        n[0x008] = "SName"; // page 00 token 08
        n[0x009] = "WV-CSP-Message"; // page 00 token 09
        n[0x00A] = "ClientID"; // page 00 token 0A
        n[0x00B] = "Code"; // page 00 token 0B
        n[0x00C] = "ContactList"; // page 00 token 0C
        n[0x00D] = "ContentData"; // page 00 token 0D
        n[0x00E] = "ContentEncoding"; // page 00 token 0E
        n[0x00F] = "ContentSize"; // page 00 token 0F
        n[0x010] = "ContentType"; // page 00 token 10
        n[0x011] = "DateTime"; // page 00 token 11
        n[0x012] = "Description"; // page 00 token 12
        n[0x013] = "DetailedResult"; // page 00 token 13
        n[0x014] = "EntityList"; // page 00 token 14
        n[0x015] = "Group"; // page 00 token 15
        n[0x016] = "GroupID"; // page 00 token 16
        n[0x017] = "GroupList"; // page 00 token 17
        n[0x018] = "InUse"; // page 00 token 18
        n[0x019] = "Logo"; // page 00 token 19
        n[0x01A] = "MessageCount"; // page 00 token 1A
        n[0x01B] = "MessageID"; // page 00 token 1B
        n[0x01C] = "MessageURI"; // page 00 token 1C
        n[0x01D] = "MSISDN"; // page 00 token 1D
        n[0x01E] = "Name"; // page 00 token 1E
        n[0x01F] = "NickList"; // page 00 token 1F
        n[0x020] = "NickName"; // page 00 token 20
        n[0x021] = "Poll"; // page 00 token 21
        n[0x022] = "Presence"; // page 00 token 22
        n[0x023] = "PresenceSubList"; // page 00 token 23
        n[0x024] = "PresenceValue"; // page 00 token 24
        n[0x025] = "Property"; // page 00 token 25
        n[0x026] = "Qualifier"; // page 00 token 26
        n[0x027] = "Recipient"; // page 00 token 27
        n[0x028] = "RemoveList"; // page 00 token 28
        n[0x029] = "RemoveNickList"; // page 00 token 29
        n[0x02A] = "Result"; // page 00 token 2A
        n[0x02B] = "ScreenName"; // page 00 token 2B
        n[0x02C] = "Sender"; // page 00 token 2C
        n[0x02D] = "Session"; // page 00 token 2D
        n[0x02E] = "SessionDescriptor"; // page 00 token 2E
        n[0x02F] = "SessionID"; // page 00 token 2F
        n[0x030] = "SessionType"; // page 00 token 30
        n[0x031] = "Status"; // page 00 token 31
        n[0x032] = "Transaction"; // page 00 token 32
        n[0x033] = "TransactionContent"; // page 00 token 33
        n[0x034] = "TransactionDescriptor"; // page 00 token 34
        n[0x035] = "TransactionID"; // page 00 token 35
        n[0x036] = "TransactionMode"; // page 00 token 36
        n[0x037] = "URL"; // page 00 token 37
        n[0x038] = "URLList"; // page 00 token 38
        n[0x039] = "User"; // page 00 token 39
        n[0x03A] = "UserID"; // page 00 token 3A
        n[0x03B] = "UserList"; // page 00 token 3B
        n[0x03C] = "Validity"; // page 00 token 3C
        n[0x03D] = "Value"; // page 00 token 3D
        n[0x045] = "AllFunctions"; // page 01 token 05
        n[0x046] = "AllFunctionsRequest"; // page 01 token 06
        n[0x047] = "CancelInvite-Request"; // page 01 token 07
        n[0x048] = "CancelInviteUser-Request"; // page 01 token 08
        n[0x049] = "Capability"; // page 01 token 09
        n[0x04A] = "CapabilityList"; // page 01 token 0A
        n[0x04B] = "CapabilityRequest"; // page 01 token 0B
        n[0x04C] = "ClientCapability-Request"; // page 01 token 0C
        n[0x04D] = "ClientCapability-Response"; // page 01 token 0D
        n[0x04E] = "DigestBytes"; // page 01 token 0E
        n[0x04F] = "DigestSchema"; // page 01 token 0F
        n[0x050] = "Disconnect"; // page 01 token 10
        n[0x051] = "Functions"; // page 01 token 11
        n[0x052] = "GetSPInfo-Request"; // page 01 token 12
        n[0x053] = "GetSPInfo-Response"; // page 01 token 13
        n[0x054] = "InviteID"; // page 01 token 14
        n[0x055] = "InviteNote"; // page 01 token 15
        n[0x056] = "Invite-Request"; // page 01 token 16
        n[0x057] = "Invite-Response"; // page 01 token 17
        n[0x058] = "InviteType"; // page 01 token 18
        n[0x059] = "InviteUser-Request"; // page 01 token 19
        n[0x05A] = "InviteUser-Response"; // page 01 token 1A
        n[0x05B] = "KeepAlive-Request"; // page 01 token 1B
        n[0x05C] = "KeepAliveTime"; // page 01 token 1C
        n[0x05D] = "Login-Request"; // page 01 token 1D
        n[0x05E] = "Login-Response"; // page 01 token 1E
        n[0x05F] = "Logout-Request"; // page 01 token 1F
        n[0x060] = "Nonce"; // page 01 token 20
        n[0x061] = "Password"; // page 01 token 21
        n[0x062] = "Polling-Request"; // page 01 token 22
        n[0x063] = "ResponseNote"; // page 01 token 23
        n[0x064] = "SearchElement"; // page 01 token 24
        n[0x065] = "SearchFindings"; // page 01 token 25
        n[0x066] = "SearchID"; // page 01 token 26
        n[0x067] = "SearchIndex"; // page 01 token 27
        n[0x068] = "SearchLimit"; // page 01 token 28
        n[0x069] = "KeepAlive-Response"; // page 01 token 29
        n[0x06A] = "SearchPairList"; // page 01 token 2A
        n[0x06B] = "Search-Request"; // page 01 token 2B
        n[0x06C] = "Search-Response"; // page 01 token 2C
        n[0x06D] = "SearchResult"; // page 01 token 2D
        n[0x06E] = "Service-Request"; // page 01 token 2E
        n[0x06F] = "Service-Response"; // page 01 token 2F
        n[0x070] = "SessionCookie"; // page 01 token 30
        n[0x071] = "StopSearch-Request"; // page 01 token 31
        n[0x072] = "TimeToLive"; // page 01 token 32
        n[0x073] = "SearchString"; // page 01 token 33
        n[0x074] = "CompletionFlag"; // page 01 token 34
        n[0x076] = "ReceiveList"; // page 01 token 36
        n[0x077] = "VerifyID-Request"; // page 01 token 37
        n[0x078] = "Extended-Request"; // page 01 token 38
        n[0x079] = "Extended-Response"; // page 01 token 39
        n[0x07A] = "AgreedCapabilityList"; // page 01 token 3A
        n[0x07B] = "ExtendedData"; // page 01 token 3B
        n[0x07C] = "OtherServer"; // page 01 token 3C
        n[0x07D] = "PresenceAttributeNSName"; // page 01 token 3D
        n[0x07E] = "SessionNSName"; // page 01 token 3E
        n[0x07F] = "TransactionNSName"; // page 01 token 3F
        n[0x085] = "ADDGM"; // page 02 token 05
        n[0x086] = "AttListFunc"; // page 02 token 06
        n[0x087] = "BLENT"; // page 02 token 07
        n[0x088] = "CAAUT"; // page 02 token 08
        n[0x089] = "CAINV"; // page 02 token 09
        n[0x08A] = "CALI"; // page 02 token 0A
        n[0x08B] = "CCLI"; // page 02 token 0B
        n[0x08C] = "ContListFunc"; // page 02 token 0C
        n[0x08D] = "CREAG"; // page 02 token 0D
        n[0x08E] = "DALI"; // page 02 token 0E
        n[0x08F] = "DCLI"; // page 02 token 0F
        n[0x090] = "DELGR"; // page 02 token 10
        n[0x091] = "FundamentalFeat"; // page 02 token 11
        n[0x092] = "FWMSG"; // page 02 token 12
        n[0x093] = "GALS"; // page 02 token 13
        n[0x094] = "GCLI"; // page 02 token 14
        n[0x095] = "GETGM"; // page 02 token 15
        n[0x096] = "GETGP"; // page 02 token 16
        n[0x097] = "GETLM"; // page 02 token 17
        n[0x098] = "GETM"; // page 02 token 18
        n[0x099] = "GETPR"; // page 02 token 19
        n[0x09A] = "GETSPI"; // page 02 token 1A
        n[0x09B] = "GETWL"; // page 02 token 1B
        n[0x09C] = "GLBLU"; // page 02 token 1C
        n[0x09D] = "GRCHN"; // page 02 token 1D
        n[0x09E] = "GroupAuthFunc"; // page 02 token 1E
        n[0x09F] = "GroupFeat"; // page 02 token 1F
        n[0x0A0] = "GroupMgmtFunc"; // page 02 token 20
        n[0x0A1] = "GroupUseFunc"; // page 02 token 21
        n[0x0A2] = "IMAuthFunc"; // page 02 token 22
        n[0x0A3] = "IMFeat"; // page 02 token 23
        n[0x0A4] = "IMReceiveFunc"; // page 02 token 24
        n[0x0A5] = "IMSendFunc"; // page 02 token 25
        n[0x0A6] = "INVIT"; // page 02 token 26
        n[0x0A7] = "InviteFunc"; // page 02 token 27
        n[0x0A8] = "MBRAC"; // page 02 token 28
        n[0x0A9] = "MCLS"; // page 02 token 29
        n[0x0AA] = "MDELIV"; // page 02 token 2A
        n[0x0AB] = "NEWM"; // page 02 token 2B
        n[0x0AC] = "NOTIF"; // page 02 token 2C
        n[0x0AD] = "PresenceAuthFunc"; // page 02 token 2D
        n[0x0AE] = "PresenceDeliverFunc"; // page 02 token 2E
        n[0x0AF] = "PresenceFeat"; // page 02 token 2F
        n[0x0B0] = "REACT"; // page 02 token 30
        n[0x0B1] = "REJCM"; // page 02 token 31
        n[0x0B2] = "REJEC"; // page 02 token 32
        n[0x0B3] = "RMVGM"; // page 02 token 33
        n[0x0B4] = "SearchFunc"; // page 02 token 34
        n[0x0B5] = "ServiceFunc"; // page 02 token 35
        n[0x0B6] = "SETD"; // page 02 token 36
        n[0x0B7] = "SETGP"; // page 02 token 37
        n[0x0B8] = "SRCH"; // page 02 token 38
        n[0x0B9] = "STSRC"; // page 02 token 39
        n[0x0BA] = "SUBGCN"; // page 02 token 3A
        n[0x0BB] = "UPDPR"; // page 02 token 3B
        n[0x0BC] = "WVCSPFeat"; // page 02 token 3C
        n[0x0BD] = "MF"; // page 02 token 3D
        n[0x0BE] = "MG"; // page 02 token 3E
        n[0x0BF] = "MM"; // page 02 token 3F
        n[0x0C5] = "AcceptedCharset"; // page 03 token 05
        n[0x0C6] = "AcceptedContentLength"; // page 03 token 06
        n[0x0C7] = "AcceptedContentType"; // page 03 token 07
        n[0x0C8] = "AcceptedTransferEncoding"; // page 03 token 08
        n[0x0C9] = "AnyContent"; // page 03 token 09
        n[0x0CA] = "DefaultLanguage"; // page 03 token 0A
        n[0x0CB] = "InitialDeliveryMethod"; // page 03 token 0B
        n[0x0CC] = "MultiTrans"; // page 03 token 0C
        n[0x0CD] = "ParserSize"; // page 03 token 0D
        n[0x0CE] = "ServerPollMin"; // page 03 token 0E
        n[0x0CF] = "SupportedBearer"; // page 03 token 0F
        n[0x0D0] = "SupportedCIRMethod"; // page 03 token 10
        n[0x0D1] = "TCPAddress"; // page 03 token 11
        n[0x0D2] = "TCPPort"; // page 03 token 12
        n[0x0D3] = "UDPPort"; // page 03 token 13
        n[0x105] = "CancelAuth-Request"; // page 04 token 05
        n[0x106] = "ContactListProperties"; // page 04 token 06
        n[0x107] = "CreateAttributeList-Request"; // page 04 token 07
        n[0x108] = "CreateList-Request"; // page 04 token 08
        n[0x109] = "DefaultAttributeList"; // page 04 token 09
        n[0x10A] = "DefaultContactList"; // page 04 token 0A
        n[0x10B] = "DefaultList"; // page 04 token 0B
        n[0x10C] = "DeleteAttributeList-Request"; // page 04 token 0C
        n[0x10D] = "DeleteList-Request"; // page 04 token 0D
        n[0x10E] = "GetAttributeList-Request"; // page 04 token 0E
        n[0x10F] = "GetAttributeList-Response"; // page 04 token 0F
        n[0x110] = "GetList-Request"; // page 04 token 10
        n[0x111] = "GetList-Response"; // page 04 token 11
        n[0x112] = "GetPresence-Request"; // page 04 token 12
        n[0x113] = "GetPresence-Response"; // page 04 token 13
        n[0x114] = "GetWatcherList-Request"; // page 04 token 14
        n[0x115] = "GetWatcherList-Response"; // page 04 token 15
        n[0x116] = "ListManage-Request"; // page 04 token 16
        n[0x117] = "ListManage-Response"; // page 04 token 17
        n[0x118] = "UnsubscribePresence-Request"; // page 04 token 18
        n[0x119] = "PresenceAuth-Request"; // page 04 token 19
        n[0x11A] = "PresenceAuth-User"; // page 04 token 1A
        n[0x11B] = "PresenceNotification-Request"; // page 04 token 1B
        n[0x11C] = "UpdatePresence-Request"; // page 04 token 1C
        n[0x11D] = "SubscribePresence-Request"; // page 04 token 1D
        n[0x11E] = "AutoSubscribe"; // page 04 token 1E
        n[0x11F] = "GetReactiveAuthStatus-Request"; // page 04 token 1F
        n[0x120] = "GetReactiveAuthStatus-Response"; // page 04 token 20
        n[0x145] = "Accuracy"; // page 05 token 05
        n[0x146] = "Address"; // page 05 token 06
        n[0x147] = "AddrPref"; // page 05 token 07
        n[0x148] = "Alias"; // page 05 token 08
        n[0x149] = "Altitude"; // page 05 token 09
        n[0x14A] = "Building"; // page 05 token 0A
        n[0x14B] = "Caddr"; // page 05 token 0B
        n[0x14C] = "City"; // page 05 token 0C
        n[0x14D] = "ClientInfo"; // page 05 token 0D
        n[0x14E] = "ClientProducer"; // page 05 token 0E
        n[0x14F] = "ClientType"; // page 05 token 0F
        n[0x150] = "ClientVersion"; // page 05 token 10
        n[0x151] = "CommC"; // page 05 token 11
        n[0x152] = "CommCap"; // page 05 token 12
        n[0x153] = "ContactInfo"; // page 05 token 13
        n[0x154] = "ContainedvCard"; // page 05 token 14
        n[0x155] = "Country"; // page 05 token 15
        n[0x156] = "Crossing1"; // page 05 token 16
        n[0x157] = "Crossing2"; // page 05 token 17
        n[0x158] = "DevManufacturer"; // page 05 token 18
        n[0x159] = "DirectContent"; // page 05 token 19
        n[0x15A] = "FreeTextLocation"; // page 05 token 1A
        n[0x15B] = "GeoLocation"; // page 05 token 1B
        n[0x15C] = "Language"; // page 05 token 1C
        n[0x15D] = "Latitude"; // page 05 token 1D
        n[0x15E] = "Longitude"; // page 05 token 1E
        n[0x15F] = "Model"; // page 05 token 1F
        n[0x160] = "NamedArea"; // page 05 token 20
        n[0x161] = "OnlineStatus"; // page 05 token 21
        n[0x162] = "PLMN"; // page 05 token 22
        n[0x163] = "PrefC"; // page 05 token 23
        n[0x164] = "PreferredContacts"; // page 05 token 24
        n[0x165] = "PreferredLanguage"; // page 05 token 25
        n[0x166] = "ReferredContent"; // page 05 token 26
        n[0x167] = "ReferredvCard"; // page 05 token 27
        n[0x168] = "Registration"; // page 05 token 28
        n[0x169] = "StatusContent"; // page 05 token 29
        n[0x16A] = "StatusMood"; // page 05 token 2A
        n[0x16B] = "StatusText"; // page 05 token 2B
        n[0x16C] = "Street"; // page 05 token 2C
        n[0x16D] = "TimeZone"; // page 05 token 2D
        n[0x16E] = "UserAvailability"; // page 05 token 2E
        n[0x16F] = "Cap"; // page 05 token 2F
        n[0x170] = "CName"; // page 05 token 30
        n[0x171] = "Contact"; // page 05 token 31
        n[0x172] = "Cpriority"; // page 05 token 32
        n[0x173] = "Cstatus"; // page 05 token 33
        n[0x174] = "Note"; // page 05 token 34
        n[0x175] = "Zone"; // page 05 token 35
        n[0x177] = "Inf_link"; // page 05 token 37
        n[0x178] = "InfoLink"; // page 05 token 38
        n[0x179] = "Link"; // page 05 token 39
        n[0x17A] = "Text"; // page 05 token 3A
        n[0x185] = "BlockList"; // page 06 token 05
        n[0x186] = "BlockEntity-Request"; // page 06 token 06
        n[0x187] = "DeliveryMethod"; // page 06 token 07
        n[0x188] = "DeliveryReport"; // page 06 token 08
        n[0x189] = "DeliveryReport-Request"; // page 06 token 09
        n[0x18A] = "ForwardMessage-Request"; // page 06 token 0A
        n[0x18B] = "GetBlockedList-Request"; // page 06 token 0B
        n[0x18C] = "GetBlockedList-Response"; // page 06 token 0C
        n[0x18D] = "GetMessageList-Request"; // page 06 token 0D
        n[0x18E] = "GetMessageList-Response"; // page 06 token 0E
        n[0x18F] = "GetMessage-Request"; // page 06 token 0F
        n[0x190] = "GetMessage-Response"; // page 06 token 10
        n[0x191] = "GrantList"; // page 06 token 11
        n[0x192] = "MessageDelivered"; // page 06 token 12
        n[0x193] = "MessageInfo"; // page 06 token 13
        n[0x194] = "MessageNotification"; // page 06 token 14
        n[0x195] = "NewMessage"; // page 06 token 15
        n[0x196] = "RejectMessage-Request"; // page 06 token 16
        n[0x197] = "SendMessage-Request"; // page 06 token 17
        n[0x198] = "SendMessage-Response"; // page 06 token 18
        n[0x199] = "SetDeliveryMethod-Request"; // page 06 token 19
        n[0x19A] = "DeliveryTime"; // page 06 token 1A
        n[0x1C5] = "AddGroupMembers-Request"; // page 07 token 05
        n[0x1C6] = "Admin"; // page 07 token 06
        n[0x1C7] = "CreateGroup-Request"; // page 07 token 07
        n[0x1C8] = "DeleteGroup-Request"; // page 07 token 08
        n[0x1C9] = "GetGroupMembers-Request"; // page 07 token 09
        n[0x1CA] = "GetGroupMembers-Response"; // page 07 token 0A
        n[0x1CB] = "GetGroupProps-Request"; // page 07 token 0B
        n[0x1CC] = "GetGroupProps-Response"; // page 07 token 0C
        n[0x1CD] = "GroupChangeNotice"; // page 07 token 0D
        n[0x1CE] = "GroupProperties"; // page 07 token 0E
        n[0x1CF] = "Joined"; // page 07 token 0F
        n[0x1D0] = "JoinedRequest"; // page 07 token 10
        n[0x1D1] = "JoinGroup-Request"; // page 07 token 11
        n[0x1D2] = "JoinGroup-Response"; // page 07 token 12
        n[0x1D3] = "LeaveGroup-Request"; // page 07 token 13
        n[0x1D4] = "LeaveGroup-Response"; // page 07 token 14
        n[0x1D5] = "Left"; // page 07 token 15
        n[0x1D6] = "MemberAccess-Request"; // page 07 token 16
        n[0x1D7] = "Mod"; // page 07 token 17
        n[0x1D8] = "OwnProperties"; // page 07 token 18
        n[0x1D9] = "RejectList-Request"; // page 07 token 19
        n[0x1DA] = "RejectList-Response"; // page 07 token 1A
        n[0x1DB] = "RemoveGroupMembers-Request"; // page 07 token 1B
        n[0x1DC] = "SetGroupProps-Request"; // page 07 token 1C
        n[0x1DD] = "SubscribeGroupNotice-Request"; // page 07 token 1D
        n[0x1DE] = "SubscribeGroupNotice-Response"; // page 07 token 1E
        n[0x1DF] = "Users"; // page 07 token 1F
        n[0x1E0] = "WelcomeNote"; // page 07 token 20
        n[0x1E1] = "JoinGroup"; // page 07 token 21
        n[0x1E2] = "SubscribeNotification"; // page 07 token 22
        n[0x1E3] = "SubscribeType"; // page 07 token 23
        n[0x1E4] = "GetJoinedUsers-Request"; // page 07 token 24
        n[0x1E5] = "GetJoinedUsers-Response"; // page 07 token 25
        n[0x1E6] = "AdminMapList"; // page 07 token 26
        n[0x1E7] = "AdminMapping"; // page 07 token 27
        n[0x1E8] = "Mapping"; // page 07 token 28
        n[0x1E9] = "ModMapping"; // page 07 token 29
        n[0x1EA] = "UserMapList"; // page 07 token 2A
        n[0x1EB] = "UserMapping"; // page 07 token 2B
        n[0x205] = "MP"; // page 08 token 05
        n[0x206] = "GETAUT"; // page 08 token 06
        n[0x207] = "GETJU"; // page 08 token 07
        n[0x208] = "VRID"; // page 08 token 08
        n[0x209] = "VerifyIDFunc"; // page 08 token 09
        n[0x245] = "CIR"; // page 09 token 05
        n[0x246] = "Domain"; // page 09 token 06
        n[0x247] = "ExtBlock"; // page 09 token 07
        n[0x248] = "HistoryPeriod"; // page 09 token 08
        n[0x249] = "IDList"; // page 09 token 09
        n[0x24A] = "MaxWatcherList"; // page 09 token 0A
        n[0x24B] = "ReactiveAuthState"; // page 09 token 0B
        n[0x24C] = "ReactiveAuthStatus"; // page 09 token 0C
        n[0x24D] = "ReactiveAuthStatusList"; // page 09 token 0D
        n[0x24E] = "Watcher"; // page 09 token 0E
        n[0x24F] = "WatcherStatus"; // page 09 token 0F
        n[0x285] = "WV-CSP-VersionDiscovery-Request"; // page 0A token 05
        n[0x286] = "WV-CSP-VersionDiscovery-Response"; // page 0A token 06
        n[0x287] = "VersionList"; // page 0A token 07
        ALIASES.put("Auto-Subscribe", "AutoSubscribe");
        ALIASES.put("PreferredContent", "ReferredContent");
        ALIASES.put("PreferredvCard", "ReferredvCard");
        ALIASES.put("Extended-Data", "ExtendedData");
        ALIASES.put("Cname", "CName");
        ALIASES.put("BlockUser-Request", "BlockEntity-Request");
        for (int i = 0; i < SIZE; i++) {
            if (n[i] != null) {
                IDS.put(n[i], i);
            }
        }
        for (Map.Entry<String, String> e : ALIASES.entrySet()) {
            IDS.put(e.getKey(), IDS.get(e.getValue()));
        }
        String[] v = VALUES;
        v[0x00] = "AccessType";
        v[0x01] = "ActiveUsers";
        v[0x02] = "Admin";
        v[0x03] = "application/";
        v[0x04] = "application/vnd.wap.mms-message";
        v[0x05] = "application/x-sms";
        v[0x06] = "AutoJoin";
        v[0x07] = "BASE64";
        v[0x08] = "Closed";
        v[0x09] = "Default";
        v[0x0A] = "DisplayName";
        v[0x0B] = "F";
        v[0x0C] = "G";
        v[0x0D] = "GR";
        v[0x0E] = "http://";
        v[0x0F] = "https://";
        v[0x10] = "image/";
        v[0x11] = "Inband";
        v[0x12] = "IM";
        v[0x13] = "MaxActiveUsers";
        v[0x14] = "Mod";
        v[0x15] = "Name";
        v[0x16] = "None";
        v[0x17] = "N";
        v[0x18] = "Open";
        v[0x19] = "Outband";
        v[0x1A] = "PR";
        v[0x1B] = "Private";
        v[0x1C] = "PrivateMessaging";
        v[0x1D] = "PrivilegeLevel";
        v[0x1E] = "Public";
        v[0x1F] = "P";
        v[0x20] = "Request";
        v[0x21] = "Response";
        v[0x22] = "Restricted";
        v[0x23] = "ScreenName";
        v[0x24] = "Searchable";
        v[0x25] = "S";
        v[0x26] = "SC";
        v[0x27] = "text/";
        v[0x28] = "text/plain";
        v[0x29] = "text/x-vCalendar";
        v[0x2A] = "text/x-vCard";
        v[0x2B] = "Topic";
        v[0x2C] = "T";
        v[0x2D] = "Type";
        v[0x2E] = "U";
        v[0x2F] = "US";
        v[0x30] = "www.wireless-village.org";
        v[0x31] = "AutoDelete";
        v[0x32] = "GM";
        v[0x33] = "Validity";
        v[0x34] = "DENIED";
        v[0x35] = "GRANTED";
        v[0x36] = "PENDING";
        v[0x37] = "ShowID";
        v[0x3D] = "GROUP_ID";
        v[0x3E] = "GROUP_NAME";
        v[0x3F] = "GROUP_TOPIC";
        v[0x40] = "GROUP_USER_ID_JOINED";
        v[0x41] = "GROUP_USER_ID_OWNER";
        v[0x42] = "HTTP";
        v[0x43] = "SMS";
        v[0x44] = "STCP";
        v[0x45] = "SUDP";
        v[0x46] = "USER_ALIAS";
        v[0x47] = "USER_EMAIL_ADDRESS";
        v[0x48] = "USER_FIRST_NAME";
        v[0x49] = "USER_ID";
        v[0x4A] = "USER_LAST_NAME";
        v[0x4B] = "USER_MOBILE_NUMBER";
        v[0x4C] = "USER_ONLINE_STATUS";
        v[0x4D] = "WAPSMS";
        v[0x4E] = "WAPUDP";
        v[0x4F] = "WSP";
        v[0x50] = "GROUP_USER_ID_AUTOJOIN";
        v[0x5B] = "ANGRY";
        v[0x5C] = "ANXIOUS";
        v[0x5D] = "ASHAMED";
        v[0x5E] = "AUDIO_CALL";
        v[0x5F] = "AVAILABLE";
        v[0x60] = "BORED";
        v[0x61] = "CALL";
        v[0x62] = "CLI";
        v[0x63] = "COMPUTER";
        v[0x64] = "DISCREET";
        v[0x65] = "EMAIL";
        v[0x66] = "EXCITED";
        v[0x67] = "HAPPY";
        v[0x68] = "IM";
        v[0x69] = "IM_OFFLINE";
        v[0x6A] = "IM_ONLINE";
        v[0x6B] = "IN_LOVE";
        v[0x6C] = "INVINCIBLE";
        v[0x6D] = "JEALOUS";
        v[0x6E] = "MMS";
        v[0x6F] = "MOBILE_PHONE";
        v[0x70] = "NOT_AVAILABLE";
        v[0x71] = "OTHER";
        v[0x72] = "PDA";
        v[0x73] = "SAD";
        v[0x74] = "SLEEPY";
        v[0x75] = "SMS";
        v[0x76] = "VIDEO_CALL";
        v[0x77] = "VIDEO_STREAM";
        // IMPS 1.3 values (AOSP csp13values.gperf), accepted from clients that already send them (e.g. SSMS, SHTTP)
        v[0x78] = "www.openmobilealliance.org";
        v[0x79] = "Small";
        v[0x7A] = "Medium";
        v[0x7B] = "Big";
        v[0x7C] = "Huge";
        v[0x7D] = "Bold";
        v[0x7E] = "Italic";
        v[0x7F] = "Underline";
        v[0x80] = "Black";
        v[0x81] = "Silver";
        v[0x82] = "Gray";
        v[0x83] = "White";
        v[0x84] = "Maroon";
        v[0x85] = "Red";
        v[0x86] = "Purple";
        v[0x87] = "Fuchsia";
        v[0x88] = "Green";
        v[0x89] = "Lime";
        v[0x8A] = "Olive";
        v[0x8B] = "Yellow";
        v[0x8C] = "Navy";
        v[0x8D] = "Blue";
        v[0x8E] = "Teal";
        v[0x8F] = "Aqua";
        v[0x90] = "ATCL";
        v[0x91] = "CLC";
        v[0x93] = "USER_CITY";
        v[0x94] = "USER_COUNTRY";
        v[0x95] = "USER_FRIENDLY_NAME";
        v[0x96] = "USER_GENDER";
        v[0x97] = "USER_INTENTION";
        v[0x98] = "USER_INTERESTS_HOBBIES";
        v[0x99] = "USER_MARITAL_STATUS";
        v[0x9A] = "PRIORITYREJECT";
        v[0x9B] = "PRIORITYSTORE";
        v[0x9C] = "REJECT";
        v[0x9D] = "SENDREJECT";
        v[0x9E] = "SENDSTORE";
        v[0x9F] = "IR";
        v[0xA0] = "EC";
        v[0xA1] = "GLUC";
        v[0xA2] = "IA";
        v[0xA3] = "IC";
        v[0xA4] = "SSMS";
        v[0xA5] = "SHTTP";
        v[0xA6] = "DoNotNotify";
        v[0xA7] = "GMAU";
        v[0xA8] = "GMG";
        v[0xA9] = "GMR";
        v[0xAA] = "GMU";
        v[0xAB] = "DETECT";
        v[0xAC] = "FORKALL";
        v[0xAD] = "OEU";
        v[0xAE] = "SERVERLOGIC";
        v[0xAF] = "PP_AGE";
        v[0xB0] = "PP_CITY";
        v[0xB1] = "PP_COUNTRY";
        v[0xB2] = "PP_FRIENDLY_NAME";
        v[0xB3] = "PP_FREE_TEXT";
        v[0xB4] = "PP_GENDER";
        v[0xB5] = "PP_INTENTION";
        v[0xB6] = "PP_INTERESTS";
        v[0xB7] = "PP_MARITAL_STATUS";
        v[0xB8] = "USER_AGE_MAX";
        v[0xB9] = "USER_AGE_MIN";
        v[0xBA] = "EG";
        v[0xBB] = "MinimumAge";
        v[0xBC] = "C";
        v[0xBD] = "CURRENT_SUBSCRIBER";
        v[0xBE] = "FORMER_SUBSCRIBER";
        v[0xBF] = "PRESENCE_ACCESS";
        v[0xC0] = "R";
        java.util.Arrays.fill(ONE_CHAR_TOKENS, -1);
        for (int i = FIRST_DECODE_ONLY_VALUE - 1; i >= 0; i--) { // lowest token wins for the duplicates (IM, SMS)
            if (v[i] != null) {
                VALUE_IDS.put(v[i], i);
                VALUE_SHAPES[v[i].charAt(0) & 0x7F] |= 1 << v[i].length();
                if (v[i].length() == 1 && v[i].charAt(0) < 0x80) {
                    ONE_CHAR_TOKENS[v[i].charAt(0)] = i;
                }
            }
        }
        ID_INDEX = new StringIndex(IDS);
        VALUE_INDEX = new StringIndex(VALUE_IDS);
    }

    private TagTable() {
    }

    /** The tag id of an element name (or accepted alias), or -1. */
    public static int id(String name) {
        return name == null ? -1 : ID_INDEX.get(name);
    }

    /** Every accepted element name (canonical names and aliases) with its tag id. */
    static Map<String, Integer> ids() {
        return java.util.Collections.unmodifiableMap(IDS);
    }

    /** The canonical element name of a tag id, or {@code null}. */
    public static String name(int id) {
        return id >= 0 && id < SIZE ? NAMES[id] : null;
    }

    /** The string of a WBXML EXT_T_0 value token, or {@code null}. */
    public static String value(long token) {
        return token >= 0 && token < VALUES.length ? VALUES[(int) token] : null;
    }

    /** The EXT_T_0 value token for a whole string, or -1. */
    public static int valueToken(String s) {
        int len = s.length();
        if (len == 1) {
            char c = s.charAt(0);
            return c < 0x80 ? ONE_CHAR_TOKENS[c] : -1;
        }
        if (len == 0 || len > 31 || (VALUE_SHAPES[s.charAt(0) & 0x7F] & (1 << len)) == 0) {
            return -1; // no token starts with this character and has this length: skip hashing
        }
        return VALUE_INDEX.get(s);
    }

    static int require(String name) {
        int id = id(name);
        if (id < 0) {
            throw new IllegalStateException("no tag " + name);
        }
        return id;
    }
}
