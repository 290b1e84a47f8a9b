package cn.huinong.catalog.internal;

import cn.huinong.audit.AuditLog;
import cn.huinong.catalog.CertificateNotPending;
import cn.huinong.catalog.CertificationRules;
import cn.huinong.catalog.CertificationView;
import cn.huinong.catalog.Certifications;
import cn.huinong.catalog.DuplicateCertificate;
import cn.huinong.catalog.NewCertification;
import cn.huinong.catalog.ProductStatus;
import cn.huinong.catalog.ReviewDecision;
import cn.huinong.shared.Actor;
import cn.huinong.shared.PageQuery;
import cn.huinong.shared.PageResponse;
import cn.huinong.shared.jdbc.Sql;
import cn.huinong.shared.problem.InvalidInputException;
import cn.huinong.shared.problem.NotFoundException;
import cn.huinong.shared.problem.Violation;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

@Singleton
class CertificationService implements Certifications {

    private record Lapsed(long id, long productId, String kind, String number, LocalDate expiresOn) {}

    private final Sql sql;
    private final ProductStore products;
    private final ProductReview review;
    private final SearchDocuments documents;
    private final AuditLog audit;

    private final Clock clock;

    CertificationService(
            Sql sql,
            ProductStore products,
            ProductReview review,
            SearchDocuments documents,
            AuditLog audit,
            Clock clock) {
        this.clock = clock;
        this.sql = sql;
        this.products = products;
        this.review = review;
        this.documents = documents;
        this.audit = audit;
    }

    @Override
    @Transactional
    public CertificationView add(long productId, NewCertification c, Actor actor) {
        ProductOwners.supplierOf(actor);
        ProductRow product = products.lock(productId);
        ProductOwners.requireOwner(product, actor);
        List<Violation> v = CertificationRules.check(c, ProductAssembler.today(clock));
        if (!v.isEmpty()) {
            throw ProductDrafts.invalid(v);
        }
        String number = CertificationRules.normalizeNumber(c.number());
        if (sql.count(
                        "SELECT count(*) FROM certification WHERE product_id = ? AND kind = ? AND number = ? AND status <> 'REJECTED'",
                        productId,
                        c.kind().name(),
                        number)
                > 0) {
            throw new DuplicateCertificate("该商品已登记此证书：" + number, List.of(new Violation("number", "该证书已登记")));
        }
        long id = sql.one(
                        """
                INSERT INTO certification (product_id, kind, number, issuer, issued_on, expires_on, evidence_url, status)
                VALUES (?, ?, ?, ?, ?, ?, ?, 'PENDING') RETURNING id""",
                        rs -> rs.getLong(1),
                        productId,
                        c.kind().name(),
                        number,
                        c.issuer().strip(),
                        c.issuedOn(),
                        c.expiresOn(),
                        c.evidenceUrl() == null || c.evidenceUrl().isBlank()
                                ? null
                                : c.evidenceUrl().strip())
                .orElseThrow();
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("productId", productId);
        detail.put("kind", c.kind().name());
        detail.put("number", number);
        detail.put("issuer", c.issuer().strip());
        detail.put("issuedOn", c.issuedOn().toString());
        detail.put("expiresOn", c.expiresOn() == null ? null : c.expiresOn().toString());
        audit.record(actor, "CERTIFICATION_ADDED", "certification", String.valueOf(id), detail);
        if (product.status() == ProductStatus.LISTED) {
            review.sendBackToReview(product, "关键信息变更，需重新审核：认证（新增" + c.kind().label() + "）", actor);
        }
        documents.refresh(productId);
        return find(id);
    }

    @Override
    @Transactional
    public CertificationView decide(long id, ReviewDecision decision, String reason, Actor actor) {
        String cleanReason = reason == null || reason.isBlank() ? null : reason.strip();
        if (decision == ReviewDecision.REJECT && cleanReason == null) {
            throw new InvalidInputException("驳回时必须填写原因", List.of(new Violation("reason", "驳回时必须填写原因")));
        }
        CertificationView before = find(id);
        String to = decision == ReviewDecision.APPROVE ? "APPROVED" : "REJECTED";
        if (sql.update("""
                UPDATE certification SET status = ?, decision_reason = ?, decided_by = ?, decided_at = now()
                WHERE id = ? AND status = 'PENDING'""", to, cleanReason, actor.username(), id) == 0) {
            throw new CertificateNotPending("该证书当前状态为 " + find(id).status() + "，只能审核待审核的证书");
        }
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("productId", before.productId());
        detail.put("from", before.status().name());
        detail.put("to", to);
        detail.put("reason", cleanReason);
        audit.record(
                actor,
                decision == ReviewDecision.APPROVE ? "CERTIFICATION_APPROVED" : "CERTIFICATION_REJECTED",
                "certification",
                String.valueOf(id),
                detail);
        documents.refresh(before.productId());
        return find(id);
    }

    private CertificationView find(long id) {
        return sql.one(
                        ProductStore.CERT_SELECT + " WHERE c.id = ?",
                        rs -> ProductStore.certification(rs, ProductAssembler.today(clock)),
                        id)
                .orElseThrow(() -> new NotFoundException("证书不存在：" + id));
    }

    @Override
    @Transactional(readOnly = true)
    public PageResponse<CertificationView> reviewQueue(PageQuery page) {
        return page("WHERE c.status = 'PENDING'", "c.created_at, c.id", page);
    }

    @Override
    @Transactional(readOnly = true)
    public PageResponse<CertificationView> expiring(Actor actor, int days, PageQuery page) {
        long supplierId = ProductOwners.supplierOf(actor);
        if (days < 1 || days > 366) {
            throw new InvalidInputException("天数应在1到366之间", List.of(new Violation("days", "天数应在1到366之间")));
        }
        LocalDate today = ProductAssembler.today(clock);
        return page("""
                JOIN product p ON p.id = c.product_id
                WHERE p.supplier_id = ? AND c.status IN ('PENDING', 'APPROVED') AND c.expires_on BETWEEN ? AND ?""", "c.expires_on, c.id", page, supplierId, today, today.plusDays(days));
    }

    private PageResponse<CertificationView> page(String where, String orderBy, PageQuery page, Object... args) {
        long total = sql.count("SELECT count(*) FROM certification c " + where, args);
        Object[] all = java.util.Arrays.copyOf(args, args.length + 2);
        all[args.length] = page.size();
        all[args.length + 1] = page.offset();
        LocalDate today = ProductAssembler.today(clock);
        return new PageResponse<>(
                sql.list(
                        ProductStore.CERT_SELECT + " " + where + " ORDER BY " + orderBy + " LIMIT ? OFFSET ?",
                        rs -> ProductStore.certification(rs, today),
                        all),
                page.page(),
                page.size(),
                total);
    }

    @Override
    @Transactional
    public int lapseExpired(LocalDate today) {
        List<Lapsed> lapsed = sql.list(
                """
                UPDATE certification SET status = 'EXPIRED'
                WHERE status IN ('PENDING', 'APPROVED') AND expires_on < ?
                RETURNING id, product_id, kind, number, expires_on""",
                rs -> new Lapsed(
                        rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), Sql.date(rs, "expires_on")),
                today);
        Actor system = Actor.system("certification-lapse");
        Set<Long> affected = new LinkedHashSet<>();
        for (Lapsed l : lapsed) {
            audit.record(
                    system,
                    "CERTIFICATION_EXPIRED",
                    "certification",
                    String.valueOf(l.id()),
                    Map.of(
                            "productId",
                            l.productId(),
                            "kind",
                            l.kind(),
                            "number",
                            l.number(),
                            "expiresOn",
                            l.expiresOn().toString()));
            affected.add(l.productId());
        }
        documents.refreshAll(affected);
        return lapsed.size();
    }
}
