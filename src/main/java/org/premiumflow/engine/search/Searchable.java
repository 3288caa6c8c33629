package org.premiumflow.engine.search;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.premiumflow.engine.InvalidArgumentException;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * One kind of record the search API finds: the query that yields it, which API fields filter it
 * (each compared for equality with one of its columns) and which sort it. Only these fields are
 * accepted, so nothing from a request reaches the SQL but values.
 */
public final class Searchable {

    /** How a filter value given as text is read. */
    public enum Type { KEY, TEXT, INTEGER, BOOLEAN }

    /** @param condition SQL with one {@code ?} for the value */
    private record Filter(String condition, Type type) {
    }

    private final String name;
    private final String query;
    private final String tieBreaker;
    private final Map<String, Filter> filters = new LinkedHashMap<>();
    private final Map<String, String> sorts = new LinkedHashMap<>();

    /**
     * @param name what is searched, for error messages ("process instances")
     * @param query a select whose columns the filters and sorts name
     * @param tieBreaker the unique column that orders rows the sort fields leave equal
     */
    public Searchable(String name, String query, String tieBreaker) {
        this.name = name;
        this.query = query;
        this.tieBreaker = tieBreaker;
    }

    public Searchable filter(String field, String column, Type type) {
        filters.put(field, new Filter(column + " = ?", type));
        return this;
    }

    /** A filter that is not an equality on one column, such as membership in an array. */
    public Searchable filterWhere(String field, String condition, Type type) {
        filters.put(field, new Filter(condition, type));
        return this;
    }

    public Searchable sort(String field, String column) {
        sorts.put(field, column);
        return this;
    }

    public SearchResult<Map<String, Object>> search(JdbcClient jdbc, SearchRequest request) {
        return search(jdbc, request, new org.springframework.jdbc.core.ColumnMapRowMapper());
    }

    public <T> SearchResult<T> search(JdbcClient jdbc, SearchRequest request, org.springframework.jdbc.core.RowMapper<T> rows) {
        if (request.from() < 0 || request.limit() < 1) {
            throw new InvalidArgumentException("Expected page.from to be 0 or more and page.limit 1 or more");
        }
        List<String> conditions = new ArrayList<>();
        List<Object> params = new ArrayList<>();
        request.filter().forEach((field, value) -> {
            Filter filter = filters.get(field);
            if (filter == null) {
                throw new InvalidArgumentException("Unknown filter field '" + field + "' for " + name + ": expected one of "
                        + String.join(", ", filters.keySet()));
            }
            conditions.add(filter.condition());
            params.add(read(field, value, filter.type()));
        });
        List<String> order = new ArrayList<>();
        for (SearchRequest.Sort sort : request.sort()) {
            String column = sorts.get(sort.field());
            if (column == null) {
                throw new InvalidArgumentException("Unknown sort field '" + sort.field() + "' for " + name + ": expected one of "
                        + String.join(", ", sorts.keySet()));
            }
            order.add(column + (sort.descending() ? " desc nulls last" : " asc nulls last"));
        }
        order.add(tieBreaker);
        String from = " from (" + query + ") found" + (conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions));
        long total = jdbc.sql("select count(*)" + from).params(params).query(Long.class).single();
        List<Object> pageParams = new ArrayList<>(params);
        pageParams.add(request.limit());
        pageParams.add(request.from());
        List<T> items = jdbc.sql("select *" + from + " order by " + String.join(", ", order) + " limit ? offset ?")
                .params(pageParams).query(rows).list();
        return new SearchResult<>(items, total);
    }

    private static Object read(String field, String value, Type type) {
        try {
            return switch (type) {
                case KEY -> Long.parseLong(value);
                case INTEGER -> Integer.parseInt(value);
                case BOOLEAN -> {
                    if (!value.equals("true") && !value.equals("false")) {
                        throw new NumberFormatException(value);
                    }
                    yield Boolean.parseBoolean(value);
                }
                case TEXT -> value;
            };
        } catch (NumberFormatException e) {
            throw new InvalidArgumentException("Expected filter field '" + field + "' to be " + switch (type) {
                case KEY -> "a key (a number as text)";
                case INTEGER -> "a whole number";
                case BOOLEAN -> "true or false";
                case TEXT -> "text";
            } + ", but was '" + value + "'");
        }
    }
}
