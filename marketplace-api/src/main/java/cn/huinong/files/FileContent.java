package cn.huinong.files;

import java.nio.file.Path;

/** A file someone may read, and where its bytes are. */
public record FileContent(StoredFileView file, Path path) {}
