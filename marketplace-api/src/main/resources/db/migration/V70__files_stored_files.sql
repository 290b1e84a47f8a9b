-- files: uploaded documents (bank transfer slips 回单, later certificate scans, licences, photos, evidence).
-- The bytes live on disk under huinong.files.root, content-addressed by SHA-256; the database keeps what they are,
-- who uploaded them and what they are attached to (access follows the attachment).
CREATE TABLE stored_file (
    id                bigserial PRIMARY KEY,
    purpose           text        NOT NULL,
    name              text        NOT NULL,
    content_type      text        NOT NULL CHECK (content_type IN ('application/pdf', 'image/jpeg', 'image/png',
                                                                   'application/ofd')),
    size_bytes        bigint      NOT NULL CHECK (size_bytes > 0),
    sha256            text        NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
    organization_id   bigint REFERENCES organization (id),
    uploaded_by       text        NOT NULL,
    created_at        timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX stored_file_org_idx ON stored_file (organization_id, id DESC);

-- what a file is attached to: a subject of another module (e.g. 'payment', 42); the module decides who may see it
CREATE TABLE file_attachment (
    file_id       bigint      NOT NULL REFERENCES stored_file (id),
    subject_type  text        NOT NULL,
    subject_id    bigint      NOT NULL,
    attached_by   text        NOT NULL,
    attached_at   timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (file_id, subject_type, subject_id)
);
CREATE INDEX file_attachment_subject_idx ON file_attachment (subject_type, subject_id);
