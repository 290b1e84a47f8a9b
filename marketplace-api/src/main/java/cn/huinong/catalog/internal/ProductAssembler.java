package cn.huinong.catalog.internal;

import cn.huinong.catalog.Brands;
import cn.huinong.catalog.Categories;
import cn.huinong.catalog.CertificationKind;
import cn.huinong.catalog.CertificationView;
import cn.huinong.catalog.EligibilityFacts;
import cn.huinong.catalog.EligibilityPolicy;
import cn.huinong.identity.OrganizationStatus;
import cn.huinong.identity.OrganizationView;
import cn.huinong.identity.Organizations;
import cn.huinong.region.DesignationKind;
import cn.huinong.region.RegionView;
import cn.huinong.region.Regions;
import cn.huinong.shared.problem.NotFoundException;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Gathers a product's facts from the catalog, identity and region modules and asks the {@link EligibilityPolicy}. */
@Singleton
class ProductAssembler {

    static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    private final ProductStore products;
    private final Organizations organizations;
    private final Regions regions;
    private final Categories categories;
    private final Brands brands;
    private final EligibilityPolicy policy;
    private final Map<String, List<String>> lineages = new ConcurrentHashMap<>();
    private final Map<String, String> names = new ConcurrentHashMap<>();

    private final Clock clock;

    ProductAssembler(
            ProductStore products,
            Organizations organizations,
            Regions regions,
            Categories categories,
            Brands brands,
            EligibilityPolicy policy,
            Clock clock) {
        this.clock = clock;
        this.products = products;
        this.organizations = organizations;
        this.regions = regions;
        this.categories = categories;
        this.brands = brands;
        this.policy = policy;
    }

    /** GB/T 2260 codes are never reused, so a code's name and lineage never change: cached (designations are not). */
    private String regionName(String code) {
        String name = names.computeIfAbsent(
                code, c -> regions.find(c).map(RegionView::name).orElse(""));
        return name.isEmpty() ? null : name;
    }

    /** Today in China, by the application's clock. */
    static LocalDate today(Clock clock) {
        return LocalDate.now(clock.withZone(CHINA));
    }

    AssembledProduct assemble(long id) {
        return assemble(products.find(id).orElseThrow(() -> new NotFoundException("商品不存在：" + id)));
    }

    AssembledProduct assemble(ProductRow row) {
        OrganizationView supplier = organizations.find(row.supplierId()).orElseThrow();
        List<String> lineage = lineages.computeIfAbsent(row.originRegionCode(), regions::lineage);
        String provinceCode = lineage.isEmpty() ? null : lineage.get(lineage.size() - 1);
        String prefectureCode = lineage.size() >= 2 ? lineage.get(lineage.size() - 2) : null;
        String originName = regionName(row.originRegionCode());
        String provinceName = provinceCode == null ? null : regionName(provinceCode);
        String prefectureName = prefectureCode == null ? null : regionName(prefectureCode);
        List<String> path = categories.path(row.categoryCode());
        List<String> categoryNames = path.stream()
                .map(code -> categories.name(code).orElse(null))
                .filter(n -> n != null)
                .toList();
        List<CertificationView> certs = products.certificationsOf(row.id(), ProductAssembler.today(clock));
        boolean recognised =
                certs.stream().anyMatch(c -> c.kind() == CertificationKind.ASSISTANCE_PRODUCT && c.valid());
        EligibilityFacts facts = new EligibilityFacts(
                supplier.status() == OrganizationStatus.APPROVED,
                regions.isDesignated(supplier.regionCode(), DesignationKind.POVERTY_ALLEVIATED),
                regions.isDesignated(row.originRegionCode(), DesignationKind.POVERTY_ALLEVIATED),
                provinceCode,
                recognised);
        return new AssembledProduct(
                row,
                supplier,
                categories.name(row.categoryCode()).orElse(row.categoryCode()),
                path,
                categoryNames,
                originName,
                provinceCode,
                provinceName,
                prefectureCode,
                prefectureName,
                row.brandId() == null ? null : brands.find(row.brandId()).orElse(null),
                certs,
                policy.decide(facts));
    }
}
