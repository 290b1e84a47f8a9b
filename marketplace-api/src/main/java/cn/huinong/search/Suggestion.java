package cn.huinong.search;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/** A completion for the search box: a product name (with its id) or a brand name. */
@Serdeable
public record Suggestion(String text, @Nullable Long productId) {}
