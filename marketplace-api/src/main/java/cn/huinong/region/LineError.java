package cn.huinong.region;

import io.micronaut.serde.annotation.Serdeable;

/** A problem with one line of an imported file (line numbers from 1, as an editor shows them). */
@Serdeable
public record LineError(int line, String value, String message) {}
