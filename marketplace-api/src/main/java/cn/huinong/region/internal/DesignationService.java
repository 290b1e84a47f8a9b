package cn.huinong.region.internal;

import cn.huinong.audit.AuditLog;
import cn.huinong.region.DesignatedRegion;
import cn.huinong.region.DesignationImportResult;
import cn.huinong.region.DesignationKind;
import cn.huinong.region.DesignationMode;
import cn.huinong.region.Designations;
import cn.huinong.region.DesignationsChanged;
import cn.huinong.region.LineError;
import cn.huinong.shared.Actor;
import cn.huinong.shared.PageQuery;
import cn.huinong.shared.PageResponse;
import cn.huinong.shared.problem.ImportRejected;
import cn.huinong.shared.upload.UploadedText;
import io.micronaut.context.event.ApplicationEventPublisher;
import io.micronaut.serde.ObjectMapper;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Designation lists (脱贫县, 重点帮扶县, ADR 3): a file is read whole ({@link DesignationCsv}), a bad one recorded and
 * refused with its line errors, a good one applied whole (the difference to the current list, in one transaction,
 * one import of a kind at a time) and audited; {@link DesignationsChanged} tells catalog what changed. The SQL is
 * {@link DesignationStore}.
 */
@Singleton
class DesignationService implements Designations {

    private static final int MAX_ERRORS_REPORTED = 500;

    private final DesignationStore store;
    private final TransactionOperations<Connection> tx;
    private final AuditLog audit;
    private final ObjectMapper json;
    private final ApplicationEventPublisher<DesignationsChanged> changed;

    DesignationService(
            DesignationStore store,
            TransactionOperations<Connection> tx,
            AuditLog audit,
            ObjectMapper json,
            ApplicationEventPublisher<DesignationsChanged> changed) {
        this.store = store;
        this.tx = tx;
        this.audit = audit;
        this.json = json;
        this.changed = changed;
    }

    @Override
    public DesignationImportResult importCsv(
            Actor actor, DesignationKind kind, DesignationMode mode, String fileName, byte[] content) {
        return importParsed(actor, kind, mode, fileName, DesignationCsv.parse(content, knownRegions()));
    }

    @Override
    public DesignationImportResult importCsv(
            Actor actor, DesignationKind kind, DesignationMode mode, String fileName, Path content) {
        try (Reader text = UploadedText.open(content)) {
            return importParsed(actor, kind, mode, fileName, DesignationCsv.parse(text, knownRegions()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private DesignationImportResult importParsed(
            Actor actor, DesignationKind kind, DesignationMode mode, String fileName, DesignationCsv.Parsed parsed) {
        if (!parsed.errors().isEmpty()) {
            List<LineError> reported = parsed.errors()
                    .subList(0, Math.min(MAX_ERRORS_REPORTED, parsed.errors().size()));
            DesignationImportResult rejected = tx.executeWrite(s -> {
                DesignationImportResult r = store.insertImport(
                        new DesignationStore.ImportRecord(
                                kind,
                                mode,
                                fileName,
                                "REJECTED",
                                parsed.totalLines(),
                                parsed.errors().size(),
                                store.currentCount(kind),
                                0,
                                0,
                                write(reported)),
                        actor.username());
                audit.record(
                        actor,
                        "REGION_DESIGNATION_IMPORT_REJECTED",
                        "designation-import",
                        String.valueOf(r.id()),
                        Map.of(
                                "kind",
                                kind.name(),
                                "mode",
                                mode.name(),
                                "fileName",
                                fileName,
                                "totalLines",
                                parsed.totalLines(),
                                "errorCount",
                                parsed.errors().size()));
                return r;
            });
            Map<String, Object> ext = new LinkedHashMap<>();
            ext.put("importId", rejected.id());
            ext.put("lineErrors", reported);
            ext.put("errorCount", parsed.errors().size());
            throw new ImportRejected("文件有" + parsed.errors().size() + "处错误，未做任何更改", List.of(), ext);
        }
        return tx.executeWrite(s -> apply(actor, kind, mode, fileName, parsed));
    }

    private DesignationImportResult apply(
            Actor actor, DesignationKind kind, DesignationMode mode, String fileName, DesignationCsv.Parsed parsed) {
        store.lockKind(kind);
        Set<String> current = store.currentCodes(kind);
        Set<String> added = new LinkedHashSet<>(parsed.codes());
        added.removeAll(current);
        Set<String> removed = new LinkedHashSet<>();
        if (mode == DesignationMode.REPLACE) {
            removed.addAll(current);
            removed.removeAll(parsed.codes());
        }
        int designated = current.size() + added.size() - removed.size();
        DesignationImportResult result = store.insertImport(
                new DesignationStore.ImportRecord(
                        kind,
                        mode,
                        fileName,
                        "APPLIED",
                        parsed.totalLines(),
                        0,
                        designated,
                        added.size(),
                        removed.size(),
                        write(List.of())),
                actor.username());
        store.remove(kind, removed);
        store.add(kind, added, result.id());
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("kind", kind.name());
        detail.put("mode", mode.name());
        detail.put("fileName", fileName);
        detail.put("designatedCount", designated);
        detail.put("added", sample(added));
        detail.put("addedCount", added.size());
        detail.put("removed", sample(removed));
        detail.put("removedCount", removed.size());
        audit.record(actor, "REGION_DESIGNATIONS_IMPORTED", "designation-import", String.valueOf(result.id()), detail);
        if (!added.isEmpty() || !removed.isEmpty()) {
            changed.publishEvent(new DesignationsChanged(kind, added, removed));
        }
        return result;
    }

    private static List<String> sample(Set<String> codes) {
        return codes.stream().limit(200).toList();
    }

    @Override
    public PageResponse<DesignationImportResult> imports(PageQuery page) {
        return tx.executeRead(s -> store.imports(page));
    }

    @Override
    public PageResponse<DesignatedRegion> designated(DesignationKind kind, String provinceCode, PageQuery page) {
        return tx.executeRead(s -> store.designated(kind, provinceCode, page));
    }

    private Map<String, DesignationCsv.KnownRegion> knownRegions() {
        return tx.executeRead(s -> store.knownRegions());
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
