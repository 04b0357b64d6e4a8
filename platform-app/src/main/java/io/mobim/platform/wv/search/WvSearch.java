package io.mobim.platform.wv.search;

import io.mobim.events.Msisdn;
import io.mobim.platform.directory.Directory;
import io.mobim.platform.wv.CspFault;
import io.mobim.platform.wv.UserIds;
import io.mobim.wv.StatusCode;
import io.mobim.wv.model.Result;
import io.mobim.wv.model.SearchPair;
import io.mobim.wv.model.SearchRequest;
import io.mobim.wv.model.SearchResponse;
import io.mobim.wv.model.SearchResult;
import io.mobim.wv.model.Status;
import io.mobim.wv.model.StopSearchRequest;
import io.mobim.wv.model.User;
import io.mobim.wv.model.UserList;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Locale;

/**
 * CSP Search on the IM core's {@link Directory}: users by nickname (USER_ALIAS, USER_FIRST_NAME, USER_LAST_NAME; only
 * those who opted in) or by number (USER_MOBILE_NUMBER, USER_ID). A SearchID is the search itself, encoded (what it
 * looks for and its page size), so a search goes on from any SearchIndex on any instance and StopSearch frees nothing.
 */
public class WvSearch {

    /** The page size when the client gives no SearchLimit, and the largest one. */
    static final int DEFAULT_LIMIT = 10;
    static final int MAX_LIMIT = 50;

    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

    private final Directory directory;
    private final UserIds userIds;

    public WvSearch(Directory directory, UserIds userIds) {
        this.directory = directory;
        this.userIds = userIds;
    }

    /** A new search (SearchPairList), or the next page of one (SearchID and SearchIndex). */
    public SearchResponse search(SearchRequest q) {
        Criteria c;
        int from;
        if (q.searchId() != null && !q.searchId().isBlank()) {
            c = Criteria.decode(q.searchId());
            from = q.searchIndex() == null ? 0 : q.searchIndex();
        } else {
            c = criteria(q.searchPairs(), q.searchLimit());
            from = 0;
        }
        if (from < 0) {
            throw new CspFault(StatusCode.INVALID_SEARCH_INDEX, "SearchIndex starts at 0");
        }
        Directory.Page page;
        try {
            page = c.byNumber() ? directory.byNumber(userIds.parse(c.value()), from) : directory.byNickname(c.value(), from, c.limit());
        } catch (IllegalArgumentException e) {
            throw new CspFault(StatusCode.TOO_BROAD_SEARCH_CRITERIA, e.getMessage());
        }
        if (from > page.total()) {
            throw new CspFault(StatusCode.INVALID_SEARCH_INDEX, "The search finds " + page.total());
        }
        int next = from + page.found().size();
        List<User> users = page.found().stream().map(f -> new User(userIds.of(f.msisdn()))).toList();
        return new SearchResponse(Result.of(StatusCode.SUCCESSFUL), c.encode(), page.total(), next >= page.total(), next,
                new SearchResult(new UserList(users, List.of()), null));
    }

    /** Nothing is kept for a search; its id only has to be one. */
    public Status stop(StopSearchRequest q) {
        Criteria.decode(q.searchId());
        return new Status(Result.of(StatusCode.SUCCESSFUL));
    }

    private Criteria criteria(List<SearchPair> pairs, Integer limit) {
        if (pairs.isEmpty()) {
            throw new CspFault(StatusCode.BAD_PARAMETER, "SearchPairList is missing");
        }
        if (pairs.size() > 1) {
            throw new CspFault(StatusCode.SERVICE_NOT_SUPPORTED, "One SearchPair at a time");
        }
        SearchPair p = pairs.getFirst();
        String value = p.searchString() == null ? "" : p.searchString().strip();
        int pageSize = limit == null || limit <= 0 ? DEFAULT_LIMIT : Math.min(limit, MAX_LIMIT);
        return switch (p.searchElement() == null ? "" : p.searchElement().strip().toUpperCase(Locale.ROOT)) {
            case "USER_ALIAS", "USER_FIRST_NAME", "USER_LAST_NAME" -> new Criteria(false, value, pageSize);
            case "USER_MOBILE_NUMBER", "USER_ID" -> {
                userIds.parse(value); // 531 or 516 now rather than on every page
                yield new Criteria(true, value, pageSize);
            }
            default -> throw new CspFault(StatusCode.SERVICE_NOT_SUPPORTED, "Users are found by USER_ALIAS or USER_MOBILE_NUMBER");
        };
    }

    /** What a search looks for: {@code N|<limit>|<fragment>} or {@code M|<limit>|<number>}, Base64url-encoded as its SearchID. */
    private record Criteria(boolean byNumber, String value, int limit) {

        String encode() {
            return ENCODER.encodeToString(((byNumber ? "M|" : "N|") + limit + "|" + value).getBytes(StandardCharsets.UTF_8));
        }

        static Criteria decode(String searchId) {
            try {
                String s = new String(Base64.getUrlDecoder().decode(searchId == null ? "" : searchId.strip()), StandardCharsets.UTF_8);
                String[] parts = s.split("\\|", 3);
                int limit = Integer.parseInt(parts[1]);
                if (parts.length != 3 || !(parts[0].equals("M") || parts[0].equals("N")) || limit < 1 || limit > MAX_LIMIT) {
                    throw new IllegalArgumentException(s);
                }
                return new Criteria(parts[0].equals("M"), parts[2], limit);
            } catch (RuntimeException e) {
                throw new CspFault(StatusCode.INVALID_SEARCH_ID, "No such search");
            }
        }
    }
}
