package io.mobim.platform.wv;

import static org.assertj.core.api.Assertions.assertThat;

import io.mobim.events.Msisdn;
import io.mobim.platform.MobimIntegrationTest;
import io.mobim.platform.contacts.Contacts;
import io.mobim.wv.CspVersion;
import io.mobim.wv.handset.WvHandset;
import io.mobim.wv.model.CreateListRequest;
import io.mobim.wv.model.DeleteListRequest;
import io.mobim.wv.model.EntityList;
import io.mobim.wv.model.GetListRequest;
import io.mobim.wv.model.GetListResponse;
import io.mobim.wv.model.ListManageRequest;
import io.mobim.wv.model.ListManageResponse;
import io.mobim.wv.model.NickList;
import io.mobim.wv.model.NickName;
import io.mobim.wv.model.Property;
import io.mobim.wv.model.PropertyList;
import io.mobim.wv.model.Status;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * CSP contact lists over real HTTP on the subscriber's buddy list: the same contacts the SMS channel numbers.
 */
@MobimIntegrationTest
class WvContactListsEndToEndTest extends WvTestBase {

    @Autowired Contacts contacts;


    @ParameterizedTest(name = "{0} CSP {1}")
    @MethodSource("io.mobim.platform.wv.WvClients#encodingsAndVersions")
    void aClientKeepsItsListsOnTheBuddyList(String encoding, CspVersion version) {
        Msisdn owner = clients.subscriber("owner");
        Msisdn randall = clients.subscriber("randall");
        Msisdn jenny = clients.subscriber("jenny");
        WvHandset handset = clients.loggedIn(owner, version, encoding);
        String friends = "wv:" + owner.value() + "/My_friends@mobim";
        String randallId = "wv:" + randall.value() + "@mobim";
        String jennyId = "wv:" + jenny.value() + "@mobim";

        GetListResponse lists = handset.request(new GetListRequest(), GetListResponse.class);
        assertThat(lists.defaultContactList()).isEqualTo("wv:" + owner.value() + "/default@mobim");

        Status created = handset.request(new CreateListRequest(friends, new NickList(List.of(new NickName("Randall the Vandal", randallId))),
                new PropertyList(List.of(new Property("DisplayName", "My friends")))), Status.class);
        assertThat(created.result().code()).isEqualTo(200);
        assertThat(handset.request(new CreateListRequest(friends, null, null), Status.class).result().code()).isEqualTo(701);
        assertThat(handset.request(new GetListRequest(), GetListResponse.class).contactLists()).contains(friends);

        ListManageResponse added = handset.request(new ListManageRequest(friends,
                new NickList(List.of(new NickName("JLo", jennyId))), null, null, true), ListManageResponse.class);
        assertThat(added.result().code()).isEqualTo(200);
        assertThat(added.nickList().nickNames()).containsExactly(new NickName("Randall_the_Vandal", randallId), new NickName("JLo", jennyId));
        assertThat(contacts.list(owner)).as("the buddy list the SMS channel numbers").hasSize(2);

        ListManageResponse removed = handset.request(new ListManageRequest(friends, null,
                new EntityList(List.of(randallId), List.of(), List.of()), null, true), ListManageResponse.class);
        assertThat(removed.nickList().nickNames()).extracting(NickName::userId).containsExactly(jennyId);
        ListManageResponse all = handset.request(new ListManageRequest("wv:" + owner.value() + "/default@mobim", null, null, null, true),
                ListManageResponse.class);
        assertThat(all.nickList().nickNames()).as("off one list only").extracting(NickName::userId).containsExactly(randallId, jennyId);

        assertThat(handset.request(new DeleteListRequest(friends), Status.class).result().code()).isEqualTo(200);
        assertThat(handset.request(new DeleteListRequest(friends), Status.class).result().code()).isEqualTo(700);
        assertThat(handset.request(new ListManageRequest(friends, null, null, null, true), Status.class).result().code()).isEqualTo(700);
        assertThat(contacts.list(owner)).as("deleting a list keeps its members as contacts").hasSize(2);
    }
}
