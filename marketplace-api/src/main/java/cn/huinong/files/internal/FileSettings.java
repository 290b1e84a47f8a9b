package cn.huinong.files.internal;

import io.micronaut.context.annotation.ConfigurationProperties;
import jakarta.validation.constraints.NotBlank;

/** Where the bytes of uploaded files live (a folder outside the database; {@code .run/files} for the demo). */
@ConfigurationProperties("huinong.files")
record FileSettings(@NotBlank String root) {}
