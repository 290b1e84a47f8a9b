package cn.huinong.files.internal;

import cn.huinong.files.FilePurpose;
import cn.huinong.files.StoredFileView;
import cn.huinong.shared.jdbc.Sql;
import jakarta.inject.Singleton;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/** SQL of stored files and their attachments; joins the caller's transaction (reads start one when there is none). */
@Singleton
class FileStore {

    record Row(StoredFileView view, Long organizationId) {}

    record Attachment(String subjectType, long subjectId) {}

    private final Sql sql;

    FileStore(Sql sql) {
        this.sql = sql;
    }

    long insert(
            FilePurpose purpose,
            String name,
            String contentType,
            long size,
            String sha256,
            Long organizationId,
            String uploadedBy) {
        return sql.one(
                        """
                INSERT INTO stored_file (purpose, name, content_type, size_bytes, sha256, organization_id, uploaded_by)
                VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id""",
                        rs -> rs.getLong(1),
                        purpose.name(),
                        name,
                        contentType,
                        size,
                        sha256,
                        organizationId,
                        uploadedBy)
                .orElseThrow();
    }

    @io.micronaut.transaction.annotation.Transactional
    Optional<Row> find(long id) {
        return sql.one("SELECT * FROM stored_file WHERE id = ?", FileStore::map, id);
    }

    boolean attach(long fileId, String subjectType, long subjectId, String by) {
        return sql.update("""
                INSERT INTO file_attachment (file_id, subject_type, subject_id, attached_by) VALUES (?, ?, ?, ?)
                ON CONFLICT DO NOTHING""", fileId, subjectType, subjectId, by) == 1;
    }

    @io.micronaut.transaction.annotation.Transactional
    List<Attachment> attachments(long fileId) {
        return sql.list(
                "SELECT subject_type, subject_id FROM file_attachment WHERE file_id = ?",
                rs -> new Attachment(rs.getString(1), rs.getLong(2)),
                fileId);
    }

    private static Row map(ResultSet rs) throws SQLException {
        return new Row(
                new StoredFileView(
                        rs.getLong("id"),
                        rs.getString("name"),
                        rs.getString("content_type"),
                        rs.getLong("size_bytes"),
                        rs.getString("sha256"),
                        FilePurpose.valueOf(rs.getString("purpose")),
                        Sql.instant(rs, "created_at")),
                Sql.nullableLong(rs, "organization_id"));
    }
}
