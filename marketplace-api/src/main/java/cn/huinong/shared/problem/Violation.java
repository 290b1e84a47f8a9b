package cn.huinong.shared.problem;

import io.micronaut.serde.annotation.Serdeable;

/** One field-level validation failure: {field, message}, message in Chinese. */
@Serdeable
public record Violation(String field, String message) {}
