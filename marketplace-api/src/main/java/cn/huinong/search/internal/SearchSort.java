package cn.huinong.search.internal;

import java.util.Arrays;
import java.util.Optional;

/** The orders of GET /catalog/search, as spelled on the wire. */
public enum SearchSort {
    RELEVANCE("relevance"),
    PRICE_ASC("price_asc"),
    PRICE_DESC("price_desc"),
    SALES("sales"),
    NEWEST("newest");

    private final String wire;

    SearchSort(String wire) {
        this.wire = wire;
    }

    public String wire() {
        return wire;
    }

    public static Optional<SearchSort> parse(String value) {
        if (value == null || value.isBlank()) {
            return Optional.of(RELEVANCE);
        }
        return Arrays.stream(values())
                .filter(s -> s.wire.equalsIgnoreCase(value.strip()))
                .findFirst();
    }
}
