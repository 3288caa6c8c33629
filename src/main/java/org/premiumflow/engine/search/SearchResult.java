package org.premiumflow.engine.search;

import java.util.List;

/** One page of found records, and how many match in all. */
public record SearchResult<T>(List<T> items, long total) {
}
