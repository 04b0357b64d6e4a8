package io.mobim.wv.model;

import java.util.List;

/**
 * A CSP structure, carried in several primitives.
 *
 * @param code {@code <Code>}, or {@code null} when absent
 * @param description {@code <Description>}, or {@code null} when absent
 * @param userIds {@code <UserID>}, repeated
 * @param groupIds {@code <GroupID>}, repeated
 * @param screenNames {@code <ScreenName>}, repeated
 * @param messageIds {@code <MessageID>}, repeated
 * @param contactLists {@code <ContactList>}, repeated
 * @param domains {@code <Domain>}, repeated
 */
public record DetailedResult(Integer code, String description, List<String> userIds, List<String> groupIds, List<ScreenName> screenNames, List<String> messageIds, List<String> contactLists, List<String> domains) {
    public DetailedResult {
        userIds = Lists.copy(userIds);
        groupIds = Lists.copy(groupIds);
        screenNames = Lists.copy(screenNames);
        messageIds = Lists.copy(messageIds);
        contactLists = Lists.copy(contactLists);
        domains = Lists.copy(domains);
    }
}
