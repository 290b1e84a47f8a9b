package cn.huinong.catalog;

import io.micronaut.serde.annotation.Serdeable;

/** A problem with one cell of an imported file; {@code line} counts from 1 including the header. */
@Serdeable
public record RowError(int line, String column, String value, String message) {}
