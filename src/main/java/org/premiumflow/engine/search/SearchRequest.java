package org.premiumflow.engine.search;

import java.util.List;
import java.util.Map;

/**
 * A search as the API receives it: equality filters by API field name (values as text), sort
 * fields in order of precedence, and a page.
 */
public record SearchRequest(Map<String, String> filter, List<Sort> sort, int from, int limit) {

    public record Sort(String field, boolean descending) {
    }
}
