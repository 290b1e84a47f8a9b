package cn.huinong.files.internal;

import cn.huinong.audit.AuditLog;
import cn.huinong.files.AttachmentAccess;
import cn.huinong.files.FileContent;
import cn.huinong.files.FilePurpose;
import cn.huinong.files.FileType;
import cn.huinong.files.Files;
import cn.huinong.files.StoredFileView;
import cn.huinong.shared.Actor;
import cn.huinong.shared.Role;
import cn.huinong.shared.problem.InvalidInputException;
import cn.huinong.shared.problem.NotFoundException;
import cn.huinong.shared.problem.TooLargeException;
import cn.huinong.shared.problem.Violation;
import io.micronaut.context.BeanProvider;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Streams an upload to a temporary file while hashing and counting it (stopping at the purpose's limit), sniffs
 * what it is, moves it to {@code <root>/<sha[0..2]>/<sha[2..4]>/<sha>} (the same bytes are kept once) and records it.
 */
@Singleton
class FileService implements Files {

    private static final int MAX_NAME = 200;

    private final FileStore store;
    private final AuditLog audit;
    private final Path root;
    /** Looked up when needed: the modules that answer for subjects depend on files themselves. */
    private final BeanProvider<AttachmentAccess> access;

    FileService(FileStore store, AuditLog audit, FileSettings settings, BeanProvider<AttachmentAccess> access) {
        this.store = store;
        this.audit = audit;
        this.root = Path.of(settings.root()).toAbsolutePath().normalize();
        this.access = access;
    }

    @Override
    @Transactional
    public StoredFileView upload(String name, InputStream content, FilePurpose purpose, Actor actor) {
        if (purpose == null) {
            throw new InvalidInputException("请说明文件用途", List.of(new Violation("purpose", "请选择文件用途")));
        }
        String clean = cleanName(name);
        Path tmp = null;
        try {
            java.nio.file.Files.createDirectories(root.resolve("tmp"));
            tmp = java.nio.file.Files.createTempFile(root.resolve("tmp"), "upload-", ".part");
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            byte[] head = new byte[Sniffer.HEAD];
            int headLength = 0;
            long size = 0;
            try (InputStream in = content;
                    OutputStream out = java.nio.file.Files.newOutputStream(tmp)) {
                byte[] buffer = new byte[64 * 1024];
                for (int n; (n = in.read(buffer)) != -1; ) {
                    size += n;
                    if (size > purpose.maxBytes()) {
                        throw new TooLargeException(
                                "文件超过" + (purpose.maxBytes() >> 20) + "MB，请压缩后重新上传",
                                List.of(new Violation(
                                        "file", purpose.label() + "不能超过" + (purpose.maxBytes() >> 20) + "MB")));
                    }
                    if (headLength < head.length) {
                        int k = Math.min(n, head.length - headLength);
                        System.arraycopy(buffer, 0, head, headLength, k);
                        headLength += k;
                    }
                    sha.update(buffer, 0, n);
                    out.write(buffer, 0, n);
                }
            }
            if (size == 0) {
                throw new InvalidInputException("上传的文件是空的", List.of(new Violation("file", "请选择非空的文件")));
            }
            FileType type = Sniffer.sniff(Arrays.copyOf(head, headLength), tmp)
                    .filter(purpose.types()::contains)
                    .orElseThrow(() -> new InvalidInputException(
                            "不支持的文件类型",
                            List.of(new Violation("file", purpose.label() + "仅支持" + labels(purpose) + "文件"))));
            String digest = HexFormat.of().formatHex(sha.digest());
            Path target = pathOf(digest);
            java.nio.file.Files.createDirectories(target.getParent());
            try {
                java.nio.file.Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (FileAlreadyExistsException same) {
                java.nio.file.Files.deleteIfExists(tmp);
            }
            tmp = null;
            long id = store.insert(
                    purpose, clean, type.mediaType(), size, digest, actor.organizationId(), actor.username());
            Map<String, Object> detail = new LinkedHashMap<>();
            detail.put("purpose", purpose.name());
            detail.put("name", clean);
            detail.put("contentType", type.mediaType());
            detail.put("size", size);
            detail.put("sha256", digest);
            audit.record(actor, "FILE_UPLOADED", "file", String.valueOf(id), detail);
            return store.find(id).orElseThrow().view();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        } finally {
            if (tmp != null) {
                try {
                    java.nio.file.Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // a leftover part file in tmp/ is harmless
                }
            }
        }
    }

    @Override
    @Transactional
    public StoredFileView attach(long fileId, FilePurpose purpose, String subjectType, long subjectId, Actor actor) {
        FileStore.Row row = store.find(fileId)
                .filter(r -> r.organizationId() != null && r.organizationId().equals(actor.organizationId()))
                .orElseThrow(() -> new InvalidInputException(
                        "文件不存在或不是本单位上传的", List.of(new Violation("fileId", "请先上传文件（POST /files）再引用它"))));
        if (row.view().purpose() != purpose) {
            throw new InvalidInputException(
                    "文件用途不符",
                    List.of(new Violation(
                            "fileId", "该文件是" + row.view().purpose().label() + "，这里需要" + purpose.label())));
        }
        if (store.attach(fileId, subjectType, subjectId, actor.username())) {
            audit.record(
                    actor,
                    "FILE_ATTACHED",
                    "file",
                    String.valueOf(fileId),
                    Map.of("subjectType", subjectType, "subjectId", subjectId));
        }
        return row.view();
    }

    @Override
    @Transactional
    public Optional<StoredFileView> find(long fileId) {
        return store.find(fileId).map(FileStore.Row::view);
    }

    /**
     * Not one transaction: another module's access check may fail with its own 404 (which would mark a surrounding
     * transaction rollback-only); each read runs on its own.
     */
    @Override
    public FileContent open(long fileId, Actor actor) {
        FileStore.Row row = store.find(fileId).orElseThrow(() -> notFound(fileId));
        boolean own = row.organizationId() != null && row.organizationId().equals(actor.organizationId());
        if (!own
                && !actor.is(Role.OPERATOR)
                && store.attachments(fileId).stream()
                        .noneMatch(a -> access.stream()
                                .anyMatch(x ->
                                        x.subjectType().equals(a.subjectType()) && x.canSee(a.subjectId(), actor)))) {
            throw notFound(fileId);
        }
        Path path = pathOf(row.view().sha256());
        if (!java.nio.file.Files.isRegularFile(path)) {
            throw new IllegalStateException("file " + fileId + " is missing on disk: " + path);
        }
        return new FileContent(row.view(), path);
    }

    private Path pathOf(String sha256) {
        return root.resolve(sha256.substring(0, 2))
                .resolve(sha256.substring(2, 4))
                .resolve(sha256);
    }

    /** The client's file name without folders or control characters, at most 200 characters; "未命名" when blank. */
    static String cleanName(String name) {
        String n = name == null ? "" : name;
        n = n.substring(Math.max(n.lastIndexOf('/'), n.lastIndexOf('\\')) + 1);
        n = n.codePoints()
                .filter(c -> !Character.isISOControl(c))
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
                .toString()
                .strip();
        if (n.codePointCount(0, n.length()) > MAX_NAME) {
            n = n.substring(0, n.offsetByCodePoints(0, MAX_NAME));
        }
        return n.isEmpty() ? "未命名" : n;
    }

    private static String labels(FilePurpose purpose) {
        return purpose.types().stream().sorted().map(FileType::label).collect(Collectors.joining("、"));
    }

    private static NotFoundException notFound(long id) {
        return new NotFoundException("文件不存在：" + id);
    }
}
