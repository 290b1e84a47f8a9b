package cn.huinong.catalog.internal;

import cn.huinong.catalog.BrandKind;
import cn.huinong.catalog.BrandView;
import cn.huinong.catalog.Brands;
import cn.huinong.catalog.Categories;
import cn.huinong.catalog.ProductDraft;
import cn.huinong.region.RegionLevel;
import cn.huinong.region.RegionView;
import cn.huinong.region.Regions;
import cn.huinong.shared.problem.InvalidInputException;
import cn.huinong.shared.problem.Violation;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A product draft as the supplier (or an import row) gives it: normalized, checked field by field, audited as facts. */
@Singleton
class ProductDrafts {

    private final Categories categories;
    private final Regions regions;
    private final Brands brands;

    ProductDrafts(Categories categories, Regions regions, Brands brands) {
        this.categories = categories;
        this.regions = regions;
        this.brands = brands;
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

    /** The draft's facts as an audit entry shows them. */
    static Map<String, Object> facts(ProductDraft d) {
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
