package cn.huinong.catalog.internal;

import static cn.huinong.catalog.internal.ProductOwners.requireOwner;
import static cn.huinong.catalog.internal.ProductOwners.supplierOf;

import cn.huinong.audit.AuditLog;
import cn.huinong.catalog.BrandView;
import cn.huinong.catalog.CertificationView;
import cn.huinong.catalog.Eligibility;
import cn.huinong.catalog.ProductCreated;
import cn.huinong.catalog.ProductDraft;
import cn.huinong.catalog.ProductStatus;
import cn.huinong.catalog.ProductSummary;
import cn.huinong.catalog.ProductView;
import cn.huinong.catalog.Products;
import cn.huinong.catalog.ReviewDecision;
import cn.huinong.shared.Actor;
import cn.huinong.shared.PageQuery;
import cn.huinong.shared.PageResponse;
import cn.huinong.shared.Role;
import cn.huinong.shared.problem.NotFoundException;
import cn.huinong.shared.problem.Violation;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The facade of products, one transaction per call: creating and editing (with the price check) here, the review
 * moves {@link ProductReview}'s, the draft's checks {@link ProductDrafts}', the product page and the lists here.
 */
@Singleton
class ProductService implements Products {

    private final ProductStore store;
    private final ProductAssembler assembler;
    private final ProductDrafts drafts;
    private final ProductReview review;
    private final SearchDocuments documents;
    private final PriceSanity prices;
    private final AuditLog audit;
    private final CatalogSettings settings;

    ProductService(
            ProductStore store,
            ProductAssembler assembler,
            ProductDrafts drafts,
            ProductReview review,
            SearchDocuments documents,
            PriceSanity prices,
            AuditLog audit,
            CatalogSettings settings) {
        this.store = store;
        this.assembler = assembler;
        this.drafts = drafts;
        this.review = review;
        this.documents = documents;
        this.prices = prices;
        this.audit = audit;
        this.settings = settings;
    }

    @Override
    @Transactional
    public ProductCreated create(ProductDraft draft, Actor actor) {
        long supplierId = supplierOf(actor);
        ProductDraft d = ProductDrafts.normalize(draft);
        List<Violation> v = drafts.violations(d, supplierId);
        if (!v.isEmpty()) {
            throw ProductDrafts.invalid(v);
        }
        long id = insert(supplierId, d, false, null, actor);
        documents.refresh(id);
        return new ProductCreated(id, ProductStatus.DRAFT);
    }

    /** Inserts one validated product (no document yet): shared by create and bulk import. */
    long insert(long supplierId, ProductDraft d, boolean submit, Long importId, Actor actor) {
        ProductStatus status = submit ? ProductStatus.PENDING_REVIEW : ProductStatus.DRAFT;
        long id = store.insert(supplierId, d, status, importId);
        Map<String, Object> detail = ProductDrafts.facts(d);
        detail.put("status", status.name());
        if (importId != null) {
            detail.put("importId", importId);
        }
        audit.record(actor, "PRODUCT_CREATED", "product", String.valueOf(id), detail);
        checkPrice(id, d, false, actor);
        return id;
    }

    @Override
    @Transactional
    public ProductView update(long id, ProductDraft draft, Actor actor) {
        ProductRow before = store.lock(id);
        requireOwner(before, actor);
        ProductDraft d = ProductDrafts.normalize(draft);
        List<Violation> v = drafts.violations(d, before.supplierId());
        if (!v.isEmpty()) {
            throw ProductDrafts.invalid(v);
        }
        store.updateFacts(id, d);
        List<String> keyChanges = keyFactChanges(before, d);
        Map<String, Object> detail = ProductDrafts.facts(d);
        detail.put("keyFactChanges", keyChanges);
        audit.record(actor, "PRODUCT_UPDATED", "product", String.valueOf(id), detail);
        if (before.status() == ProductStatus.LISTED && !keyChanges.isEmpty()) {
            review.sendBackToReview(before, "关键信息变更，需重新审核：" + String.join("、", keyChanges), actor);
        }
        checkPrice(id, d, before.priceFlagged(), actor);
        documents.refresh(id);
        return view(id, actor);
    }

    private List<String> keyFactChanges(ProductRow before, ProductDraft d) {
        List<String> changes = new ArrayList<>();
        if (!before.name().equals(d.name())) {
            changes.add("名称");
        }
        if (!before.originRegionCode().equals(d.originRegionCode())) {
            changes.add("产地");
        }
        if (!before.categoryCode().equals(d.categoryCode())) {
            changes.add("品类");
        }
        // a rise of more than the threshold: new * 100 > old * (100 + percent), in exact integers
        if (d.priceFen() * 100 > before.priceFen() * (100L + settings.priceRiseReviewPercent())) {
            changes.add("价格上涨超过" + settings.priceRiseReviewPercent() + "%");
        }
        return changes;
    }

    private void checkPrice(long id, ProductDraft d, boolean wasFlagged, Actor actor) {
        Optional<String> reason = prices.check(id, d.categoryCode(), d.unit(), d.priceFen());
        store.flagPrice(id, reason.isPresent(), reason.orElse(null));
        if (reason.isPresent() && !wasFlagged) {
            audit.record(
                    actor,
                    "PRODUCT_PRICE_FLAGGED",
                    "product",
                    String.valueOf(id),
                    Map.of("priceFen", d.priceFen(), "reason", reason.get()));
        }
    }

    @Override
    @Transactional
    public ProductView submit(long id, Actor actor) {
        review.submit(id, actor);
        return view(id, actor);
    }

    @Override
    @Transactional
    public ProductView decide(long id, ReviewDecision decision, String reason, Actor actor) {
        review.decide(id, decision, reason, actor);
        return view(id, actor);
    }

    @Override
    @Transactional
    public ProductView delist(long id, Actor actor) {
        review.delist(id, actor);
        return view(id, actor);
    }

    @Override
    @Transactional(readOnly = true)
    public ProductView view(long id, Actor actor) {
        AssembledProduct p = assembler.assemble(store.find(id).orElseThrow(() -> new NotFoundException("商品不存在：" + id)));
        boolean privileged = actor.is(Role.OPERATOR)
                || Objects.equals(actor.organizationId(), p.row().supplierId());
        if (!privileged && !p.searchable()) {
            throw new NotFoundException("商品不存在：" + id);
        }
        return toView(p, privileged);
    }

    private static ProductView toView(AssembledProduct p, boolean privileged) {
        ProductRow r = p.row();
        BrandView b = p.brand();
        List<CertificationView> certs = p.certifications();
        return new ProductView(
                r.id(),
                r.name(),
                r.description(),
                new ProductView.Category(r.categoryCode(), p.categoryName(), p.categoryPath()),
                new ProductView.Supplier(r.supplierId(), p.supplier().name()),
                new ProductView.Origin(r.originRegionCode(), p.originName(), p.provinceCode(), p.provinceName()),
                b == null ? null : new ProductView.Brand(b.id(), b.name(), b.kind()),
                r.unit(),
                r.spec(),
                r.priceFen(),
                r.stock(),
                r.imageUrls(),
                r.status(),
                privileged ? r.reviewReason() : null,
                privileged ? r.priceFlagged() : null,
                privileged ? r.priceFlagReason() : null,
                certs,
                p.eligibility().eligible(),
                p.eligibility().reasons(),
                r.salesCount(),
                r.listedAt(),
                r.createdAt(),
                r.updatedAt());
    }

    @Override
    @Transactional(readOnly = true)
    public PageResponse<ProductSummary> mine(Actor actor, ProductStatus status, PageQuery page) {
        long supplierId = supplierOf(actor);
        return status == null
                ? store.summaries("WHERE p.supplier_id = ?", "p.id DESC", page, supplierId)
                : store.summaries(
                        "WHERE p.supplier_id = ? AND p.status = ?", "p.id DESC", page, supplierId, status.name());
    }

    @Override
    @Transactional(readOnly = true)
    public PageResponse<ProductSummary> reviewQueue(PageQuery page) {
        return store.summaries("WHERE p.status = 'PENDING_REVIEW'", "p.submitted_at, p.id", page);
    }

    @Override
    @Transactional(readOnly = true)
    public PageResponse<ProductSummary> priceAlerts(PageQuery page) {
        return store.summaries("WHERE p.price_flagged", "p.updated_at DESC, p.id DESC", page);
    }

    @Override
    @Transactional(readOnly = true)
    public Eligibility eligibility(long id) {
        return assembler.assemble(id).eligibility();
    }
}
