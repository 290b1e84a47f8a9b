-- Audit retention (ADR 9): the trail stays append-only, except that the archiver (which first writes the events
-- to gzip JSON lines under huinong.audit.archive-folder) may delete events older than 180 days, the floor that
-- 等保 level 3 asks for, and only inside a transaction that declares itself: SET LOCAL huinong.audit_archive = 'on'.
CREATE OR REPLACE FUNCTION audit_event_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'DELETE' AND current_setting('huinong.audit_archive', true) = 'on'
            AND OLD.occurred_at < now() - interval '180 days' THEN
        RETURN OLD;
    END IF;
    RAISE EXCEPTION 'audit_event is append-only';
END $$;
