package cn.huinong.files;

import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;

/** A stored file as the API shows it: {@code contentType} is what its bytes are, {@code sha256} their digest (hex). */
@Serdeable
public record StoredFileView(
        long id, String name, String contentType, long size, String sha256, FilePurpose purpose, Instant createdAt) {}
