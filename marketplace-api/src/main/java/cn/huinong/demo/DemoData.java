package cn.huinong.demo;

import cn.huinong.identity.DepartmentKind;
import cn.huinong.identity.NewOrganization;
import cn.huinong.identity.OrganizationKind;
import cn.huinong.identity.Organizations;
import cn.huinong.identity.SupplierType;
import cn.huinong.payments.BankAccounts;
import cn.huinong.quota.Canteen;
import cn.huinong.quota.NewPlan;
import cn.huinong.quota.QuotaRules;
import cn.huinong.quota.Quotas;
import cn.huinong.region.DesignationKind;
import cn.huinong.region.DesignationMode;
import cn.huinong.region.Designations;
import cn.huinong.shared.Actor;
import cn.huinong.shared.CreditCode;
import cn.huinong.shared.PageQuery;
import cn.huinong.shared.Role;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The demo data set, loaded only in the {@code demo} environment (ops/run), never by production
 * configuration. Idempotent: what exists already is left alone.
 */
@Singleton
@Requires(env = "demo")
class DemoData {

    static final String PASSWORD = "Demo@2026";
    private static final Logger LOG = LoggerFactory.getLogger(DemoData.class);
    private static final Actor SEEDER = Actor.system("demo-data");

    /** Real counties of 黔东南 (Guizhou) and elsewhere, designated for the demo only. */
    private static final String POVERTY_ALLEVIATED_CSV = """
            regionCode,name
            522634,雷山县
            522632,榕江县
            522633,从江县
            522631,黎平县
            522636,丹寨县
            533323,福贡县
            433130,龙山县
            """;

    private static final String KEY_ASSISTANCE_CSV = """
            regionCode,name
            522632,榕江县
            522633,从江县
            """;

    private final Organizations organizations;
    private final Designations designations;
    private final DemoCatalog catalog;
    private final Quotas quotas;
    private final BankAccounts bankAccounts;
    private final Clock clock;

    DemoData(
            Organizations organizations,
            Designations designations,
            DemoCatalog catalog,
            Quotas quotas,
            BankAccounts bankAccounts,
            Clock clock) {
        this.bankAccounts = bankAccounts;
        this.clock = clock;
        this.organizations = organizations;
        this.designations = designations;
        this.catalog = catalog;
        this.quotas = quotas;
    }

    @EventListener
    void onStartup(StartupEvent event) {
        seed();
    }

    void seed() {
        designate(DesignationKind.POVERTY_ALLEVIATED, POVERTY_ALLEVIATED_CSV);
        designate(DesignationKind.KEY_ASSISTANCE, KEY_ASSISTANCE_CSV);
        ensure(
                OrganizationKind.OPERATOR,
                "惠农集市平台运营中心",
                code("91110105", "MA01HN001"),
                "110105",
                null,
                null,
                null,
                "demo-operator");
        ensure(
                OrganizationKind.SUPPLIER,
                "雷山县苗岭银球茶农民专业合作社",
                code("93522634", "MA6HN0021"),
                "522634",
                SupplierType.COOPERATIVE,
                null,
                null,
                "demo-supplier");
        ensure(
                OrganizationKind.BUYER,
                "贵州省机关事务管理局",
                code("11520000", "0091HN003"),
                "520102",
                null,
                null,
                null,
                "demo-buyer");
        ensure(
                OrganizationKind.REGULATOR,
                "贵州省商务厅",
                code("11520000", "0091HN004"),
                "520102",
                null,
                DepartmentKind.COMMERCE,
                "520000",
                "demo-regulator");
        // the finance department decides the lower ratios units apply for (ADR 11); commerce monitors
        ensure(
                OrganizationKind.REGULATOR,
                "贵州省财政厅",
                code("11520000", "0091HN008"),
                "520102",
                null,
                DepartmentKind.FINANCE,
                "520000",
                "demo-finance");
        catalog.seed(code("93522634", "MA6HN0021"), code("91110105", "MA01HN001"));
        bankAccount(code("93522634", "MA6HN0021"), "demo-supplier", "中国农业银行雷山县支行", "23405101040012345");
        // more budget units, so that monitoring has something to compare; demo-buyer is their 主管部门 (supervising
        // department), so that it sees them under 下属单位
        Long supervisor = organizations
                .findByCreditCode(code("11520000", "0091HN003"))
                .orElseThrow()
                .id();
        ensure(
                OrganizationKind.BUYER,
                "贵阳市第一中学",
                code("12520102", "0091HN005"),
                "520102",
                null,
                supervisor,
                null,
                null,
                "demo-school");
        ensure(
                OrganizationKind.BUYER,
                "黔东南州人民医院",
                code("12522601", "0091HN006"),
                "522601",
                null,
                supervisor,
                null,
                null,
                "demo-hospital");
        ensure(
                OrganizationKind.BUYER,
                "雷山县人民政府办公室",
                code("11522634", "0091HN007"),
                "522634",
                null,
                supervisor,
                null,
                null,
                "demo-county");
        // runs the county offices' canteen (自有食堂): the representative a unit of 雷山县 may name for a shared canteen
        ensure(
                OrganizationKind.BUYER,
                "雷山县机关事务服务中心",
                code("12522634", "0091HN009"),
                "522634",
                null,
                null,
                null,
                null,
                "demo-county-canteen");
        int year = QuotaRules.yearOf(Instant.now(clock));
        plan("demo-buyer", code("11520000", "0091HN003"), year, 20_000_000, 2_000_000); // 20万元, 10%
        plan("demo-school", code("12520102", "0091HN005"), year, 6_000_000, 900_000); // 6万元, 15%
        plan("demo-hospital", code("12522601", "0091HN006"), year, 50_000_000, 5_000_000); // 50万元, 10%
        plan("demo-county-canteen", code("12522634", "0091HN009"), year, 8_000_000, 800_000); // 8万元, 10%
        LOG.info(
                "demo data ready: demo-supplier, demo-buyer, demo-regulator, demo-finance, demo-operator (password {})",
                PASSWORD);
    }

    /** The unit's reserved-share plan for the year (OWN canteen), unless it filed one already. */
    private void plan(String username, String creditCode, int year, long annualFen, long reservedFen) {
        long id = organizations.findByCreditCode(creditCode).orElseThrow().id();
        Actor unit = new Actor(username, id, Role.Names.BUYER, null);
        if (!quotas.versions(year, unit).isEmpty()) {
            return;
        }
        quotas.file(
                year,
                new NewPlan(Canteen.OWN, annualFen, reservedFen, null, false, "演示联系人", "13800000000", "演示数据"),
                unit);
    }

    /** The supplier's 对公账户, so that buyers may pay it by bank transfer; left alone once recorded. */
    private void bankAccount(String creditCode, String username, String bank, String number) {
        organizations
                .findByCreditCode(creditCode)
                .filter(o -> bankAccounts.find(o.id()).isEmpty())
                .ifPresent(o -> bankAccounts.record(
                        bank, o.name(), number, new Actor(username, o.id(), Role.Names.SUPPLIER, null)));
    }

    private void designate(DesignationKind kind, String csv) {
        boolean any = designations.designated(kind, null, PageQuery.of(0, 1)).total() > 0;
        if (!any) {
            designations.importCsv(
                    SEEDER,
                    kind,
                    DesignationMode.MERGE,
                    "demo-" + kind.name().toLowerCase() + ".csv",
                    csv.getBytes(StandardCharsets.UTF_8));
        }
    }

    private void ensure(
            OrganizationKind kind,
            String name,
            String creditCode,
            String regionCode,
            SupplierType type,
            DepartmentKind department,
            String scope,
            String username) {
        ensure(kind, name, creditCode, regionCode, type, null, department, scope, username);
    }

    private void ensure(
            OrganizationKind kind,
            String name,
            String creditCode,
            String regionCode,
            SupplierType type,
            Long parent,
            DepartmentKind department,
            String scope,
            String username) {
        if (organizations.findByCreditCode(creditCode).isPresent()) {
            return;
        }
        organizations.provision(
                new NewOrganization(
                        kind,
                        name,
                        creditCode,
                        regionCode,
                        "演示联系人",
                        "13800000000",
                        type,
                        parent,
                        department,
                        scope,
                        username,
                        PASSWORD),
                SEEDER);
    }

    /** A valid credit code: 2-char type, 6-digit region, 9-char organisation code, computed check character. */
    static String code(String typeAndRegion, String organisationCode) {
        String first17 = typeAndRegion + organisationCode;
        return first17 + CreditCode.checkCharacterFor(first17);
    }
}
