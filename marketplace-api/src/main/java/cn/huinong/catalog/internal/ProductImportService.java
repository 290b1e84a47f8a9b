package cn.huinong.catalog.internal;

import cn.huinong.audit.AuditLog;
import cn.huinong.catalog.ProductDraft;
import cn.huinong.catalog.ProductImportView;
import cn.huinong.catalog.ProductImports;
import cn.huinong.catalog.RowError;
import cn.huinong.shared.Actor;
import cn.huinong.shared.Role;
import cn.huinong.shared.jdbc.Sql;
import cn.huinong.shared.problem.ImportRejected;
import cn.huinong.shared.problem.InvalidInputException;
import cn.huinong.shared.problem.NotFoundException;
import cn.huinong.shared.problem.Violation;
import io.micronaut.serde.ObjectMapper;
import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Bulk import: every row is validated first (reporting every bad cell); only a clean file is written,
 * all rows in one transaction, in batches whose progress is committed separately so it can be polled.
 */
@Singleton
class ProductImportService implements ProductImports {

    private static final int MAX_ERRORS_REPORTED = 500;
    private static final TransactionDefinition SEPARATE =
            TransactionDefinition.of(TransactionDefinition.Propagation.REQUIRES_NEW);
    private static final Map<String, String> FIELD_TO_COLUMN = Map.of("brandId", "brandName");

    private final Sql sql;
    private final TransactionOperations<Connection> tx;
    private final ProductService products;
    private final ProductDrafts drafts;
    private final SearchDocuments documents;
    private final AuditLog audit;
    private final CatalogSettings settings;
    private final ObjectMapper json;

    ProductImportService(
            Sql sql,
            TransactionOperations<Connection> tx,
            ProductService products,
            ProductDrafts drafts,
            SearchDocuments documents,
            AuditLog audit,
            CatalogSettings settings,
            ObjectMapper json) {
        this.sql = sql;
        this.tx = tx;
        this.products = products;
        this.drafts = drafts;
        this.documents = documents;
        this.audit = audit;
        this.settings = settings;
        this.json = json;
    }

    private record Candidate(int line, ProductDraft draft) {}

    @Override
    public ProductImportView importFile(String fileName, Path content, boolean submit, Actor actor) {
        long supplierId = ProductOwners.supplierOf(actor);
        // streamed: stops at the first row past the limit, before anything is written
        ProductFile.Parsed file = ProductFile.parse(content, settings.importMaxRows());
        if (file.lines().isEmpty()) {
            throw new InvalidInputException("文件中没有商品行", List.of(new Violation("file", "文件中没有商品行")));
        }
        long importId = tx.execute(
                SEPARATE,
                s -> sql.one(
                                """
                INSERT INTO product_import (supplier_id, file_name, format, submit, status, total_rows, created_by)
                VALUES (?, ?, ?, ?, 'PROCESSING', ?, ?) RETURNING id""",
                                rs -> rs.getLong(1),
                                supplierId,
                                fileName,
                                file.format(),
                                submit,
                                file.lines().size(),
                                actor.username())
                        .orElseThrow());
        List<RowError> errors = new ArrayList<>();
        List<Candidate> candidates = tx.executeRead(s -> validate(file, supplierId, errors));
        if (!errors.isEmpty()) {
            reject(importId, errors, file, actor);
        }
        try {
            return tx.executeWrite(s -> write(importId, candidates, submit, supplierId, actor));
        } catch (RuntimeException e) {
            tx.execute(
                    SEPARATE,
                    s -> sql.update(
                            "UPDATE product_import SET status = 'FAILED', finished_at = now() WHERE id = ?", importId));
            throw e;
        }
    }

    private List<Candidate> validate(ProductFile.Parsed file, long supplierId, List<RowError> errors) {
        Map<String, Long> brands = new HashMap<>();
        sql.list("""
                SELECT lower(name), id, owner_organization_id = ? FROM brand
                WHERE owner_organization_id = ? OR kind = 'REGIONAL_PUBLIC' ORDER BY 3, id""", rs -> Map.entry(rs.getString(1), rs.getLong(2)), supplierId, supplierId)
                .forEach(e -> brands.put(e.getKey(), e.getValue())); // own brands last: they win a name clash
        boolean pricedInFen = file.columns().contains("priceFen");
        List<Candidate> out = new ArrayList<>();
        for (ProductFile.Line l : file.lines()) {
            List<RowError> rowErrors = new ArrayList<>();
            Long priceFen = pricedInFen && l.get("priceFen") != null
                    ? fen(l, "priceFen", rowErrors)
                    : file.columns().contains("price") ? yuanToFen(l, rowErrors) : fen(l, "priceFen", rowErrors);
            Integer stock = integer(l, "stock", rowErrors);
            Long brandId = null;
            String brandName = l.get("brandName");
            if (brandName != null) {
                brandId = brands.get(brandName.toLowerCase(Locale.ROOT));
                if (brandId == null) {
                    rowErrors.add(new RowError(l.line(), "brandName", brandName, "未找到该品牌，请先创建品牌"));
                }
            }
            ProductDraft draft = ProductDrafts.normalize(new ProductDraft(
                    l.get("name"),
                    l.get("categoryCode"),
                    l.get("originRegionCode"),
                    l.get("unit"),
                    l.get("spec"),
                    priceFen == null ? 1 : priceFen,
                    stock == null ? 0 : stock,
                    brandId,
                    l.get("description"),
                    List.of()));
            for (Violation v : drafts.violations(draft, supplierId)) {
                String column = FIELD_TO_COLUMN.getOrDefault(v.field(), v.field());
                if ("priceFen".equals(column) && !pricedInFen) {
                    column = "price";
                }
                String col = column;
                if (rowErrors.stream().noneMatch(e -> e.column().equals(col))) {
                    rowErrors.add(new RowError(l.line(), column, Objects.toString(l.get(column), ""), v.message()));
                }
            }
            errors.addAll(rowErrors);
            if (rowErrors.isEmpty()) {
                out.add(new Candidate(l.line(), draft));
            }
        }
        return out;
    }

    private static Long fen(ProductFile.Line l, String column, List<RowError> errors) {
        String v = l.get(column);
        if (v == null || !v.matches("\\d{1,15}") || Long.parseLong(v) <= 0) {
            errors.add(new RowError(l.line(), column, Objects.toString(v, ""), "价格应为大于0的整数（单位：分）"));
            return null;
        }
        return Long.parseLong(v);
    }

    /** Yuan with at most two decimals to fen, exactly (no floating point). */
    static Long yuanToFen(ProductFile.Line l, List<RowError> errors) {
        String v = l.get("price");
        if (v == null || !v.matches("\\d{1,13}(\\.\\d{1,2})?") || new BigDecimal(v).signum() <= 0) {
            errors.add(new RowError(l.line(), "price", Objects.toString(v, ""), "价格应为大于0的金额（单位：元，最多两位小数）"));
            return null;
        }
        return new BigDecimal(v).movePointRight(2).longValueExact();
    }

    private static Integer integer(ProductFile.Line l, String column, List<RowError> errors) {
        String v = l.get(column);
        if (v == null || !v.matches("\\d{1,9}")) {
            errors.add(new RowError(l.line(), column, Objects.toString(v, ""), "库存应为不小于0的整数"));
            return null;
        }
        return Integer.parseInt(v);
    }

    private void reject(long importId, List<RowError> errors, ProductFile.Parsed file, Actor actor) {
        List<RowError> reported = errors.subList(0, Math.min(MAX_ERRORS_REPORTED, errors.size()));
        tx.executeWrite(s -> {
            sql.update("""
                    UPDATE product_import SET status = 'REJECTED', error_count = ?, errors = ?::jsonb, finished_at = now()
                    WHERE id = ?""", errors.size(), write(reported), importId);
            audit.record(
                    actor,
                    "PRODUCT_IMPORT_REJECTED",
                    "product-import",
                    String.valueOf(importId),
                    Map.of("totalRows", file.lines().size(), "errorCount", errors.size()));
            return null;
        });
        Map<String, Object> ext = new LinkedHashMap<>();
        ext.put("importId", importId);
        ext.put("errorCount", errors.size());
        ext.put("rowErrors", reported);
        throw new ImportRejected("文件有" + errors.size() + "处错误，未导入任何商品", List.of(), ext);
    }

    private ProductImportView write(
            long importId, List<Candidate> candidates, boolean submit, long supplierId, Actor actor) {
        int batch = settings.importBatchSize();
        List<Long> ids = new ArrayList<>(candidates.size());
        for (int from = 0; from < candidates.size(); from += batch) {
            for (Candidate c : candidates.subList(from, Math.min(candidates.size(), from + batch))) {
                long id = products.insert(supplierId, c.draft(), submit, importId, actor);
                documents.refresh(id);
                ids.add(id);
            }
            int processed = Math.min(candidates.size(), from + batch);
            // progress is committed on its own so that GET /imports/{id} can show it while this transaction runs
            tx.execute(
                    SEPARATE,
                    s -> sql.update("UPDATE product_import SET processed_rows = ? WHERE id = ?", processed, importId));
        }
        sql.update("""
                UPDATE product_import SET status = 'COMPLETED', processed_rows = ?, created_count = ?, finished_at = now()
                WHERE id = ?""", candidates.size(), ids.size(), importId);
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("createdCount", ids.size());
        detail.put("submit", submit);
        detail.put("productIds", ids.stream().limit(200).toList());
        audit.record(actor, "PRODUCT_IMPORT_COMPLETED", "product-import", String.valueOf(importId), detail);
        return load(importId).orElseThrow();
    }

    @Override
    public ProductImportView find(long id, Actor actor) {
        return tx.executeRead(s -> {
            Long owner = sql.one("SELECT supplier_id FROM product_import WHERE id = ?", rs -> rs.getLong(1), id)
                    .orElse(null);
            if (owner == null || !(actor.is(Role.OPERATOR) || owner.equals(actor.organizationId()))) {
                throw new NotFoundException("导入记录不存在：" + id);
            }
            return load(id).orElseThrow();
        });
    }

    private java.util.Optional<ProductImportView> load(long id) {
        return sql.one("""
                SELECT id, file_name, format, submit, status, total_rows, processed_rows, created_count, error_count,
                       created_by, created_at, finished_at FROM product_import WHERE id = ?""", ProductImportService::map, id);
    }

    private static ProductImportView map(ResultSet rs) throws SQLException {
        return new ProductImportView(
                rs.getLong("id"),
                rs.getString("file_name"),
                rs.getString("format"),
                rs.getBoolean("submit"),
                rs.getString("status"),
                rs.getInt("total_rows"),
                rs.getInt("processed_rows"),
                rs.getInt("created_count"),
                rs.getInt("error_count"),
                rs.getString("created_by"),
                Sql.instant(rs, "created_at"),
                Sql.instant(rs, "finished_at"));
    }

    @Override
    public String templateCsv() {
        return "\uFEFFname,categoryCode,originRegionCode,unit,spec,priceFen,stock,brandName,description\n"
                + "雷山银球茶,0501,522634,罐,250克/罐,12800,100,,高山云雾绿茶（价格单位：分；也可用 price 列按元填写，如 128.00）\n";
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
