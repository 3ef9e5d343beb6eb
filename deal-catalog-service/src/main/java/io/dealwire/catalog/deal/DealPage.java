package io.dealwire.catalog.deal;

import java.util.List;

/** One page of a query: {@code page} is 0-based, {@code total} counts every match. */
public record DealPage(List<DealView> items, int page, int size, long total) {
}
