package cn.huinong.files;

import cn.huinong.shared.Actor;
import java.io.InputStream;
import java.util.Optional;

/**
 * Uploaded documents: the bytes on disk (content-addressed by SHA-256, outside the database), what they are in
 * PostgreSQL. The content type is sniffed from the bytes, never taken from the client, and must be one the
 * {@link FilePurpose} allows, within its size limit. A file is seen by its uploader's organisation, by operators,
 * and by whoever may see a subject it is attached to ({@link AttachmentAccess}); to anyone else it does not exist.
 */
public interface Files {

    /** Stores an upload (streamed: never held whole in memory). 400 for a type the purpose does not take, 413 beyond its size. */
    StoredFileView upload(String name, InputStream content, FilePurpose purpose, Actor actor);

    /**
     * Attaches a file the actor's organisation uploaded to a subject of another module (in the caller's
     * transaction); 400 when the file does not exist, is not the organisation's, or has another purpose.
     */
    StoredFileView attach(long fileId, FilePurpose purpose, String subjectType, long subjectId, Actor actor);

    /** The file's description without an access check, for the module that attached it. */
    Optional<StoredFileView> find(long fileId);

    /** The file and its bytes for someone allowed to see it; 404 otherwise. */
    FileContent open(long fileId, Actor actor);
}
