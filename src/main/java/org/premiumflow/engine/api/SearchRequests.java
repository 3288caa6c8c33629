package org.premiumflow.engine.api;

import java.util.LinkedHashMap;
import java.util.Map;
import org.premiumflow.engine.InvalidArgumentException;
import org.premiumflow.engine.search.SearchRequest;

/** Reads the client's search body: {@code filter} (plain values or {@code $eq}), {@code sort}, {@code page}. */
final class SearchRequests {

    private static final int DEFAULT_PAGE_SIZE = 100;

    private SearchRequests() {
    }

    static SearchRequest read(String body) {
        JsonBody query = JsonBody.read(body);
        JsonBody filter = query.nested("filter");
        Map<String, String> filters = new LinkedHashMap<>();
        for (String field : filter.names()) {
            if (filter.isEmpty(field)) {
                continue;
            }
            String value = filter.filterValue(field);
            if (value == null) {
                throw new InvalidArgumentException("Filter field '" + field
                        + "': the embedded engine supports plain values and $eq, not other operators");
            }
            filters.put(field, value);
        }
        JsonBody page = query.nested("page");
        Integer from = page.integer("from");
        Integer limit = page.integer("limit");
        return new SearchRequest(filters,
                query.objects("sort").stream().map(sort -> new SearchRequest.Sort(sort.text("field"),
                        "DESC".equalsIgnoreCase(sort.text("order")))).toList(),
                from == null ? 0 : from, limit == null ? DEFAULT_PAGE_SIZE : limit);
    }
}
