package cn.huinong.catalog.internal;

import cn.huinong.audit.AuditLog;
import cn.huinong.catalog.BrandKind;
import cn.huinong.catalog.BrandView;
import cn.huinong.catalog.Brands;
import cn.huinong.catalog.Categories;
import cn.huinong.catalog.CertificationView;
import cn.huinong.catalog.Eligibility;
import cn.huinong.catalog.NotProductOwner;
import cn.huinong.catalog.ProductCreated;
import cn.huinong.catalog.ProductDraft;
import cn.huinong.catalog.ProductStatus;
import cn.huinong.catalog.ProductSummary;
import cn.huinong.catalog.ProductTransitionNotAllowed;
import cn.huinong.catalog.ProductView;
import cn.huinong.catalog.Products;
import cn.huinong.catalog.ReviewDecision;
import cn.huinong.region.RegionLevel;
import cn.huinong.region.RegionView;
import cn.huinong.region.Regions;
import cn.huinong.shared.Actor;
import cn.huinong.shared.PageQuery;
import cn.huinong.shared.PageResponse;
import cn.huinong.shared.Role;
import cn.huinong.shared.problem.ForbiddenException;
import cn.huinong.shared.problem.InvalidInputException;
import cn.huinong.shared.problem.NotFoundException;
import cn.huinong.shared.problem.Violation;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

@Singleton
class ProductService implements Products {

    private final ProductStore store;
    private final ProductAssembler assembler;
    private final SearchDocuments documents;
    private final PriceSanity prices;
    private final Categories categories;
    private final Regions regions;
    private final Brands brands;
    private final AuditLog audit;
    private final CatalogSettings settings;

    ProductService(
            ProductStore store,
            ProductAssembler assembler,
            SearchDocuments documents,
            PriceSanity prices,
            Categories categories,
            Regions regions,
            Brands brands,
            AuditLog audit,
            CatalogSettings settings) {
        this.store = store;
        this.assembler = assembler;
        this.documents = documents;
        this.prices = prices;
        this.categories = categories;
        this.regions = regions;
        this.brands = brands;
        this.audit = audit;
        this.settings = settings;
    }

    @Override
    @Transactional
    public ProductCreated create(ProductDraft draft, Actor actor) {
        long supplierId = supplierOf(actor);
        ProductDraft d = normalize(draft);
        List<Violation> v = violations(d, supplierId);
        if (!v.isEmpty()) {
            throw invalid(v);
        }
        long id = insert(supplierId, d, false, null, actor);
        documents.refresh(id);
        return new ProductCreated(id, ProductStatus.DRAFT);
    }

    /** Inserts one validated product (no document yet): shared by create and bulk import. */
    long insert(long supplierId, ProductDraft d, boolean submit, Long importId, Actor actor) {
        ProductStatus status = submit ? ProductStatus.PENDING_REVIEW : ProductStatus.DRAFT;
        long id = store.insert(supplierId, d, status, importId);
        Map<String, Object> detail = facts(d);
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
        ProductDraft d = normalize(draft);
        List<Violation> v = violations(d, before.supplierId());
        if (!v.isEmpty()) {
            throw invalid(v);
        }
        store.updateFacts(id, d);
        List<String> keyChanges = keyFactChanges(before, d);
        Map<String, Object> detail = facts(d);
        detail.put("keyFactChanges", keyChanges);
        audit.record(actor, "PRODUCT_UPDATED", "product", String.valueOf(id), detail);
        if (before.status() == ProductStatus.LISTED && !keyChanges.isEmpty()) {
            sendBackToReview(before, "关键信息变更，需重新审核：" + String.join("、", keyChanges), actor);
        }
        checkPrice(id, d, before.priceFlagged(), actor);
        documents.refresh(id);
        return view(id, actor);
    }

    /** Moves a LISTED product back to PENDING_REVIEW because its key facts changed (audited). */
    void sendBackToReview(ProductRow before, String reason, Actor actor) {
        store.moveTo(before.id(), ProductStatus.PENDING_REVIEW, reason);
        audit.record(
                actor,
                "PRODUCT_SENT_BACK_TO_REVIEW",
                "product",
                String.valueOf(before.id()),
                transition(before.status(), ProductStatus.PENDING_REVIEW, reason));
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

    @Override
    @Transactional
    public ProductView submit(long id, Actor actor) {
        ProductRow before = store.lock(id);
        requireOwner(before, actor);
        transition(
                before,
                EnumSet.of(ProductStatus.DRAFT, ProductStatus.DELISTED),
                ProductStatus.PENDING_REVIEW,
                null,
                "PRODUCT_SUBMITTED",
                actor);
        return view(id, actor);
    }

    @Override
    @Transactional
    public ProductView decide(long id, ReviewDecision decision, String reason, Actor actor) {
        String cleanReason = reason == null || reason.isBlank() ? null : reason.strip();
        if (decision == ReviewDecision.REJECT && cleanReason == null) {
            throw new InvalidInputException("驳回时必须填写原因", List.of(new Violation("reason", "驳回时必须填写原因")));
        }
        ProductRow before = store.lock(id);
        if (decision == ReviewDecision.APPROVE) {
            transition(
                    before,
                    EnumSet.of(ProductStatus.PENDING_REVIEW),
                    ProductStatus.LISTED,
                    cleanReason,
                    "PRODUCT_APPROVED",
                    actor);
        } else {
            transition(
                    before,
                    EnumSet.of(ProductStatus.PENDING_REVIEW),
                    ProductStatus.DRAFT,
                    cleanReason,
                    "PRODUCT_REJECTED",
                    actor);
        }
        return view(id, actor);
    }

    @Override
    @Transactional
    public ProductView delist(long id, Actor actor) {
        ProductRow before = store.lock(id);
        if (!actor.is(Role.OPERATOR)) {
            requireOwner(before, actor);
        }
        transition(before, EnumSet.of(ProductStatus.LISTED), ProductStatus.DELISTED, null, "PRODUCT_DELISTED", actor);
        return view(id, actor);
    }

    private void transition(
            ProductRow before, Set<ProductStatus> from, ProductStatus to, String reason, String action, Actor actor) {
        if (!from.contains(before.status())) {
            throw new ProductTransitionNotAllowed("商品当前状态为“" + before.status().label() + "”，不能" + verb(to));
        }
        store.moveTo(before.id(), to, reason);
        audit.record(actor, action, "product", String.valueOf(before.id()), transition(before.status(), to, reason));
        documents.refresh(before.id());
    }

    private static String verb(ProductStatus to) {
        return switch (to) {
            case PENDING_REVIEW -> "提交审核";
            case LISTED -> "审核通过";
            case DRAFT -> "驳回";
            case DELISTED -> "下架";
        };
    }

    private static Map<String, Object> transition(ProductStatus from, ProductStatus to, String reason) {
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("from", from.name());
        detail.put("to", to.name());
        if (reason != null) {
            detail.put("reason", reason);
        }
        return detail;
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

    static long supplierOf(Actor actor) {
        if (!actor.is(Role.SUPPLIER) || actor.organizationId() == null) {
            throw new ForbiddenException("只有供应商可以管理商品");
        }
        return actor.organizationId();
    }

    static void requireOwner(ProductRow row, Actor actor) {
        if (!Objects.equals(actor.organizationId(), row.supplierId())) {
            if (actor.is(Role.OPERATOR)) {
                throw new NotProductOwner("只有商品所属供应商可以执行此操作");
            }
            throw new NotFoundException("商品不存在：" + row.id());
        }
    }

    static ProductDraft normalize(ProductDraft d) {
        return new ProductDraft(
                strip(d.name()),
                strip(d.categoryCode()),
                strip(d.originRegionCode()),
                strip(d.unit()),
                strip(d.spec()),
                d.priceFen(),
                d.stock(),
                d.brandId(),
                strip(d.description()),
                d.imageUrls() == null
                        ? List.of()
                        : d.imageUrls().stream().map(String::strip).toList());
    }

    private static String strip(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    /** Every problem with a (normalized) draft; field names are the request's (and the import's columns). */
    List<Violation> violations(ProductDraft d, long supplierId) {
        List<Violation> v = new ArrayList<>();
        if (d.name() == null || d.name().length() > 100) {
            v.add(new Violation("name", "商品名称不能为空，且不超过100字"));
        }
        if (d.categoryCode() == null || categories.name(d.categoryCode()).isEmpty()) {
            v.add(new Violation("categoryCode", "未知的品类代码：" + d.categoryCode()));
        } else if (!categories.isLeaf(d.categoryCode())) {
            v.add(new Violation("categoryCode", "请选择到最末级品类（" + d.categoryCode() + " 下还有子品类）"));
        }
        Optional<RegionView> origin =
                d.originRegionCode() == null ? Optional.empty() : regions.find(d.originRegionCode());
        if (origin.isEmpty()) {
            v.add(new Violation("originRegionCode", "未知的产地行政区划代码：" + d.originRegionCode()));
        } else if (origin.get().level() != RegionLevel.COUNTY) {
            v.add(new Violation("originRegionCode", "产地请选择到县级行政区划"));
        }
        if (d.unit() == null || d.unit().length() > 10) {
            v.add(new Violation("unit", "计量单位不能为空，且不超过10字"));
        }
        if (d.spec() == null || d.spec().length() > 50) {
            v.add(new Violation("spec", "规格不能为空，且不超过50字"));
        }
        if (d.priceFen() <= 0) {
            v.add(new Violation("priceFen", "价格必须大于0（单位：分）"));
        }
        if (d.stock() < 0) {
            v.add(new Violation("stock", "库存不能为负数"));
        }
        if (d.brandId() != null) {
            Optional<BrandView> brand = brands.find(d.brandId());
            if (brand.isEmpty()
                    || (brand.get().ownerOrganizationId() != supplierId
                            && brand.get().kind() != BrandKind.REGIONAL_PUBLIC)) {
                v.add(new Violation("brandId", "品牌不存在或不属于本机构"));
            }
        }
        if (d.description() != null && d.description().length() > 2000) {
            v.add(new Violation("description", "商品描述不超过2000字"));
        }
        if (d.imageUrls().size() > 9) {
            v.add(new Violation("imageUrls", "商品图片最多9张"));
        } else if (d.imageUrls().stream().anyMatch(u -> u.length() > 500 || !u.matches("(?i)^(https?://|/).+"))) {
            v.add(new Violation("imageUrls", "图片地址应为 http(s) 链接或站内路径，且不超过500字符"));
        }
        return v;
    }

    static InvalidInputException invalid(List<Violation> v) {
        return new InvalidInputException(v.size() == 1 ? v.get(0).message() : "有" + v.size() + "项输入不符合要求", v);
    }

    private static Map<String, Object> facts(ProductDraft d) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", d.name());
        m.put("categoryCode", d.categoryCode());
        m.put("originRegionCode", d.originRegionCode());
        m.put("unit", d.unit());
        m.put("spec", d.spec());
        m.put("priceFen", d.priceFen());
        m.put("stock", d.stock());
        m.put("brandId", d.brandId());
        return m;
    }
}
