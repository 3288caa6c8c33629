package org.premiumflow.engine.search;

import java.util.List;
import java.util.Map;

/** One page of found rows, by column name, and how many rows match in all. */
public record SearchResult(List<Map<String, Object>> items, long total) {
}
