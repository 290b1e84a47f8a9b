package cn.huinong.demo;

import cn.huinong.catalog.BrandKind;
import cn.huinong.catalog.BrandView;
import cn.huinong.catalog.Brands;
import cn.huinong.catalog.CertificationKind;
import cn.huinong.catalog.Certifications;
import cn.huinong.catalog.NewBrand;
import cn.huinong.catalog.NewCertification;
import cn.huinong.catalog.ProductDraft;
import cn.huinong.catalog.Products;
import cn.huinong.catalog.ReviewDecision;
import cn.huinong.identity.OrganizationView;
import cn.huinong.identity.Organizations;
import cn.huinong.shared.Actor;
import cn.huinong.shared.PageQuery;
import cn.huinong.shared.Role;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

/** Demo products of the demo supplier, listed, with a regional public brand and a few certifications. */
@Singleton
@Requires(env = "demo")
class DemoCatalog {

    /** Certificate dates are calendar dates in China. */
    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    private record Item(
            String name,
            String category,
            String origin,
            String unit,
            String spec,
            long priceFen,
            int stock,
            boolean branded,
            String description) {}

    private static final List<Item> ITEMS = List.of(
            new Item("雷山银球茶", "0501", "522634", "罐", "250克/罐", 12800, 300, true, "雷公山高山云雾绿茶，明前采摘，球形紧结"),
            new Item("雷山银球茶（礼盒装）", "0501", "522634", "盒", "500克/盒", 25800, 80, true, "两罐装礼盒，适合工会慰问"),
            new Item("雷山红茶", "0502", "522634", "袋", "250克/袋", 9800, 200, true, "工夫红茶，汤色红亮"),
            new Item("雷山天麻", "090101", "522634", "千克", "1千克/袋", 26000, 40, false, "林下仿野生天麻，切片晒干"),
            new Item("榕江小香鸡", "0203", "522632", "只", "约1.5千克/只", 8800, 120, false, "林下散养，冷链配送"),
            new Item("从江香禾糯", "010103", "522633", "袋", "5千克/袋", 9900, 500, false, "稻鱼鸭共生系统种植"),
            new Item("丹寨硒锌米", "010101", "522636", "袋", "10千克/袋", 12900, 400, false, "富硒富锌大米，食堂常用"),
            new Item("黎平香菇", "060101", "522631", "千克", "1千克/袋", 7600, 150, false, "段木香菇，肉厚味香"));

    private final Organizations organizations;
    private final Products products;
    private final Brands brands;
    private final Certifications certifications;
    private final Clock clock;

    DemoCatalog(
            Organizations organizations, Products products, Brands brands, Certifications certifications, Clock clock) {
        this.clock = clock;
        this.organizations = organizations;
        this.products = products;
        this.brands = brands;
        this.certifications = certifications;
    }

    /** Idempotent: does nothing when the supplier has products already. */
    void seed(String supplierCreditCode, String operatorCreditCode) {
        OrganizationView supplier =
                organizations.findByCreditCode(supplierCreditCode).orElseThrow();
        OrganizationView operatorOrg =
                organizations.findByCreditCode(operatorCreditCode).orElseThrow();
        Actor seller = new Actor("demo-supplier", supplier.id(), Role.Names.SUPPLIER, null);
        Actor operator = new Actor("demo-operator", operatorOrg.id(), Role.Names.OPERATOR, null);
        if (products.mine(seller, null, PageQuery.of(0, 1)).total() > 0) {
            return;
        }
        BrandView regional = brands.create(new NewBrand("雷山银球茶", BrandKind.REGIONAL_PUBLIC, "522634", true), operator);
        LocalDate today = LocalDate.now(clock.withZone(CHINA));
        for (Item i : ITEMS) {
            long id = products.create(
                            new ProductDraft(
                                    i.name(),
                                    i.category(),
                                    i.origin(),
                                    i.unit(),
                                    i.spec(),
                                    i.priceFen(),
                                    i.stock(),
                                    i.branded() ? regional.id() : null,
                                    i.description(),
                                    List.of()),
                            seller)
                    .id();
            if (i.name().equals("雷山银球茶")) {
                long gi = certifications
                        .add(
                                id,
                                new NewCertification(
                                        CertificationKind.GEOGRAPHICAL_INDICATION,
                                        "AGI01789",
                                        "农业农村部",
                                        LocalDate.of(2015, 12, 1),
                                        null,
                                        null),
                                seller)
                        .id();
                certifications.decide(gi, ReviewDecision.APPROVE, null, operator);
                long green = certifications
                        .add(
                                id,
                                new NewCertification(
                                        CertificationKind.GREEN_FOOD,
                                        String.format(
                                                "GF522634%02d0101",
                                                today.minusMonths(3).getYear() % 100),
                                        "中国绿色食品发展中心",
                                        today.minusMonths(3),
                                        today.minusMonths(3).plusYears(3),
                                        null),
                                seller)
                        .id();
                certifications.decide(green, ReviewDecision.APPROVE, null, operator);
            }
            products.submit(id, seller);
            products.decide(id, ReviewDecision.APPROVE, null, operator);
        }
    }
}
