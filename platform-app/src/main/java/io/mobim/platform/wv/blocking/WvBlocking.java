package io.mobim.platform.wv.blocking;

import io.mobim.events.Msisdn;
import io.mobim.platform.blocking.AccessChange;
import io.mobim.platform.blocking.AccessLists;
import io.mobim.platform.blocking.BlockList;
import io.mobim.platform.wv.CspFault;
import io.mobim.platform.wv.Failures;
import io.mobim.platform.wv.UserIds;
import io.mobim.wv.StatusCode;
import io.mobim.wv.model.AccessList;
import io.mobim.wv.model.BlockEntityRequest;
import io.mobim.wv.model.EntityList;
import io.mobim.wv.model.GetBlockedListResponse;
import io.mobim.wv.model.Status;
import java.util.ArrayList;
import java.util.List;

/**
 * CSP blocking on the IM core's access lists ({@link BlockList}, the same lists the SMS {@code BLOCK} command
 * changes): GetBlockedList shows both lists and whether each is in use, BlockEntity (1.1: BlockUser) changes them.
 * Lists hold users only; a group or screen name in a change is answered as not served.
 */
public class WvBlocking {

    private final BlockList blocks;
    private final UserIds userIds;

    public WvBlocking(BlockList blocks, UserIds userIds) {
        this.blocks = blocks;
        this.userIds = userIds;
    }

    public GetBlockedListResponse lists(Msisdn me) {
        AccessLists lists = blocks.lists(me);
        return new GetBlockedListResponse(
                new AccessList(lists.blockListInUse(), entities(lists.blocked()), null, null),
                new AccessList(lists.grantListInUse(), entities(lists.granted()), null, null));
    }

    /** Applies the whole change, or, when a user in it is not one, the rest of it with 201 naming them. */
    public Status change(Msisdn me, BlockEntityRequest q) {
        if (q.blockList() == null && q.grantList() == null) {
            throw new CspFault(StatusCode.BAD_PARAMETER, "BlockList or GrantList is missing");
        }
        Failures failures = new Failures();
        AccessList block = q.blockList() == null ? new AccessList(null, null, null, null) : q.blockList();
        AccessList grant = q.grantList() == null ? new AccessList(null, null, null, null) : q.grantList();
        List<Msisdn> toBlock = users(block.addList(), failures);
        toBlock.removeIf(m -> {
            if (m.equals(me)) {
                failures.add(StatusCode.BAD_PARAMETER, "You cannot block yourself", userIds.of(me));
                return true;
            }
            return false;
        });
        AccessChange change = new AccessChange(block.inUse(), toBlock, users(block.removeList(), failures),
                grant.inUse(), users(grant.addList(), failures), users(grant.removeList(), failures));
        boolean anything = change.blockListInUse() != null || change.grantListInUse() != null || !change.block().isEmpty()
                || !change.unblock().isEmpty() || !change.grant().isEmpty() || !change.ungrant().isEmpty();
        if (anything) {
            blocks.change(me, change);
        }
        return new Status(failures.result(anything));
    }

    private List<Msisdn> users(EntityList list, Failures failures) {
        if (list == null) {
            return new ArrayList<>();
        }
        List<Msisdn> out = new ArrayList<>(userIds.parseAll(list.userIds(), failures));
        list.groupIds().forEach(g -> failures.add(StatusCode.SERVICE_NOT_SUPPORTED, Failures.Kind.GROUP, "Only users can be listed", g));
        if (!list.screenNames().isEmpty()) {
            failures.add(StatusCode.SERVICE_NOT_SUPPORTED, Failures.Kind.GROUP, "Only users can be listed",
                    String.valueOf(list.screenNames().getFirst().groupId()));
        }
        return out;
    }

    private EntityList entities(List<Msisdn> members) {
        return new EntityList(members.stream().map(userIds::of).toList(), List.of(), List.of());
    }
}
