package cn.huinong.region;

import cn.huinong.shared.Actor;
import cn.huinong.shared.PageQuery;
import cn.huinong.shared.PageResponse;
import java.nio.file.Path;

/** Operators' imports of designation lists (脱贫县, 重点帮扶县): validated whole, applied whole, audited. */
public interface Designations {

    /**
     * Validates every line; applies the file in one transaction only when no line is wrong.
     * A rejected file is recorded and audited, then reported with its line errors (nothing applied).
     */
    DesignationImportResult importCsv(
            Actor actor, DesignationKind kind, DesignationMode mode, String fileName, byte[] content);

    /** The same for an uploaded file, read as a stream (reading stops past the line limit). */
    DesignationImportResult importCsv(
            Actor actor, DesignationKind kind, DesignationMode mode, String fileName, Path content);

    PageResponse<DesignationImportResult> imports(PageQuery page);

    PageResponse<DesignatedRegion> designated(DesignationKind kind, String provinceCode, PageQuery page);
}
