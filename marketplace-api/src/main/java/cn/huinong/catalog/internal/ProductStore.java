package cn.huinong.catalog.internal;

import cn.huinong.catalog.CertificationKind;
import cn.huinong.catalog.CertificationRules;
import cn.huinong.catalog.CertificationStatus;
import cn.huinong.catalog.CertificationView;
import cn.huinong.catalog.ProductDraft;
import cn.huinong.catalog.ProductStatus;
import cn.huinong.catalog.ProductSummary;
import cn.huinong.shared.PageQuery;
import cn.huinong.shared.PageResponse;
import cn.huinong.shared.jdbc.Sql;
import cn.huinong.shared.problem.NotFoundException;
import io.micronaut.core.type.Argument;
import io.micronaut.serde.ObjectMapper;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** SQL for products and their certifications; joins the caller's transaction. */
@Singleton
class ProductStore {

    private static final String COLUMNS = """
            p.id, p.supplier_id, p.name, p.category_code, p.origin_region_code, p.unit, p.spec, p.price_fen, p.stock,
            p.brand_id, p.description, p.image_urls::text AS image_urls, p.status, p.review_reason, p.price_flagged,
            p.price_flag_reason, p.sales_count, p.submitted_at, p.listed_at, p.created_at, p.updated_at""";

    private final Sql sql;
    private final ObjectMapper json;

    ProductStore(Sql sql, ObjectMapper json) {
        this.sql = sql;
        this.json = json;
    }

    Optional<ProductRow> find(long id) {
        return sql.one("SELECT " + COLUMNS + " FROM product p WHERE p.id = ?", this::map, id);
    }

    /** The row, locked until the end of the transaction: transitions are checked against the locked state. */
    ProductRow lock(long id) {
        return sql.one("SELECT " + COLUMNS + " FROM product p WHERE p.id = ? FOR UPDATE", this::map, id)
                .orElseThrow(() -> new NotFoundException("商品不存在：" + id));
    }

    long insert(long supplierId, ProductDraft d, ProductStatus status, Long importId) {
        return sql.one(
                        """
                INSERT INTO product (supplier_id, name, category_code, origin_region_code, unit, spec, price_fen, stock,
                                     brand_id, description, image_urls, status, import_id, submitted_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, CASE WHEN ? THEN now() END) RETURNING id""",
                        rs -> rs.getLong(1),
                        supplierId,
                        d.name(),
                        d.categoryCode(),
                        d.originRegionCode(),
                        d.unit(),
                        d.spec(),
                        d.priceFen(),
                        d.stock(),
                        d.brandId(),
                        d.description(),
                        write(d.imageUrls()),
                        status.name(),
                        importId,
                        status == ProductStatus.PENDING_REVIEW)
                .orElseThrow();
    }

    void updateFacts(long id, ProductDraft d) {
        sql.update(
                """
                UPDATE product SET name = ?, category_code = ?, origin_region_code = ?, unit = ?, spec = ?, price_fen = ?,
                                   stock = ?, brand_id = ?, description = ?, image_urls = ?::jsonb, updated_at = now()
                WHERE id = ?""",
                d.name(),
                d.categoryCode(),
                d.originRegionCode(),
                d.unit(),
                d.spec(),
                d.priceFen(),
                d.stock(),
                d.brandId(),
                d.description(),
                write(d.imageUrls()),
                id);
    }

    void moveTo(long id, ProductStatus to, String reviewReason) {
        sql.update("""
                UPDATE product SET status = ?, review_reason = ?, updated_at = now(),
                       submitted_at = CASE WHEN ? = 'PENDING_REVIEW' THEN now() ELSE submitted_at END,
                       listed_at = CASE WHEN ? = 'LISTED' THEN now() ELSE listed_at END
                WHERE id = ?""", to.name(), reviewReason, to.name(), to.name(), id);
    }

    void flagPrice(long id, boolean flagged, String reason) {
        sql.update("UPDATE product SET price_flagged = ?, price_flag_reason = ? WHERE id = ?", flagged, reason, id);
    }

    List<Long> idsOfSupplier(long supplierId) {
        return sql.list("SELECT id FROM product WHERE supplier_id = ? ORDER BY id", rs -> rs.getLong(1), supplierId);
    }

    /** Products that come from, or whose supplier is registered in, one of the regions. */
    List<Long> idsTouchingRegions(String[] regionCodes) {
        return sql.list("""
                SELECT p.id FROM product p JOIN organization_directory o ON o.id = p.supplier_id
                WHERE p.origin_region_code = ANY (?) OR o.region_code = ANY (?) ORDER BY p.id""", rs -> rs.getLong(1), regionCodes, regionCodes);
    }

    PageResponse<ProductSummary> summaries(String where, String orderBy, PageQuery page, Object... args) {
        long total = sql.count("SELECT count(*) FROM product p " + where, args);
        Object[] all = Arrays.copyOf(args, args.length + 2);
        all[args.length] = page.size();
        all[args.length + 1] = page.offset();
        List<ProductSummary> items = sql.list(
                """
                SELECT p.id, p.name, p.category_code, p.supplier_id, o.name AS supplier_name, p.origin_region_code, p.unit,
                       p.spec, p.price_fen, p.stock, p.status, p.review_reason, p.price_flagged, p.price_flag_reason,
                       p.submitted_at, p.updated_at
                FROM product p JOIN organization_directory o ON o.id = p.supplier_id
                """ + where + " ORDER BY " + orderBy + " LIMIT ? OFFSET ?",
                rs -> new ProductSummary(
                        rs.getLong("id"),
                        rs.getString("name"),
                        rs.getString("category_code"),
                        rs.getLong("supplier_id"),
                        rs.getString("supplier_name"),
                        rs.getString("origin_region_code"),
                        rs.getString("unit"),
                        rs.getString("spec"),
                        rs.getLong("price_fen"),
                        rs.getInt("stock"),
                        ProductStatus.valueOf(rs.getString("status")),
                        rs.getString("review_reason"),
                        rs.getBoolean("price_flagged"),
                        rs.getString("price_flag_reason"),
                        Sql.instant(rs, "submitted_at"),
                        Sql.instant(rs, "updated_at")),
                all);
        return new PageResponse<>(items, page.page(), page.size(), total);
    }

    List<CertificationView> certificationsOf(long productId, LocalDate today) {
        return sql.list(
                CERT_SELECT + " WHERE c.product_id = ? ORDER BY c.id", rs -> certification(rs, today), productId);
    }

    static final String CERT_SELECT = """
            SELECT c.id, c.product_id, c.kind, c.number, c.issuer, c.issued_on, c.expires_on, c.evidence_url, c.status,
                   c.decision_reason FROM certification c""";

    static CertificationView certification(ResultSet rs, LocalDate today) throws SQLException {
        CertificationKind kind = CertificationKind.valueOf(rs.getString("kind"));
        CertificationStatus status = CertificationStatus.valueOf(rs.getString("status"));
        LocalDate expiresOn = Sql.date(rs, "expires_on");
        return new CertificationView(
                rs.getLong("id"),
                rs.getLong("product_id"),
                kind,
                kind.label(),
                rs.getString("number"),
                rs.getString("issuer"),
                Sql.date(rs, "issued_on"),
                expiresOn,
                rs.getString("evidence_url"),
                status,
                rs.getString("decision_reason"),
                CertificationRules.isValid(status, expiresOn, today));
    }

    private ProductRow map(ResultSet rs) throws SQLException {
        return new ProductRow(
                rs.getLong("id"),
                rs.getLong("supplier_id"),
                rs.getString("name"),
                rs.getString("category_code"),
                rs.getString("origin_region_code"),
                rs.getString("unit"),
                rs.getString("spec"),
                rs.getLong("price_fen"),
                rs.getInt("stock"),
                Sql.nullableLong(rs, "brand_id"),
                rs.getString("description"),
                read(rs.getString("image_urls")),
                ProductStatus.valueOf(rs.getString("status")),
                rs.getString("review_reason"),
                rs.getBoolean("price_flagged"),
                rs.getString("price_flag_reason"),
                rs.getLong("sales_count"),
                Sql.instant(rs, "submitted_at"),
                Sql.instant(rs, "listed_at"),
                Sql.instant(rs, "created_at"),
                Sql.instant(rs, "updated_at"));
    }

    private String write(List<String> urls) {
        try {
            return json.writeValueAsString(urls == null ? List.of() : urls);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private List<String> read(String text) {
        try {
            return text == null ? List.of() : new ArrayList<>(json.readValue(text, Argument.listOf(String.class)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
