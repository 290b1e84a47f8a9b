package cn.huinong.catalog.internal;

import cn.huinong.audit.AuditLog;
import cn.huinong.catalog.BrandKind;
import cn.huinong.catalog.BrandKindNotAllowed;
import cn.huinong.catalog.BrandView;
import cn.huinong.catalog.Brands;
import cn.huinong.catalog.DuplicateBrandName;
import cn.huinong.catalog.NewBrand;
import cn.huinong.region.Regions;
import cn.huinong.shared.Actor;
import cn.huinong.shared.PageQuery;
import cn.huinong.shared.PageResponse;
import cn.huinong.shared.Role;
import cn.huinong.shared.jdbc.Sql;
import cn.huinong.shared.problem.InvalidInputException;
import cn.huinong.shared.problem.Violation;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

@Singleton
class JdbcBrands implements Brands {

    private static final String SELECT = """
            SELECT b.id, b.name, b.kind, b.region_code, r.name AS region_name, b.in_national_catalogue,
                   b.owner_organization_id, b.created_at
            FROM brand b LEFT JOIN region_directory r ON r.code = b.region_code""";

    private final Sql sql;
    private final Regions regions;
    private final AuditLog audit;

    JdbcBrands(Sql sql, Regions regions, AuditLog audit) {
        this.sql = sql;
        this.regions = regions;
        this.audit = audit;
    }

    @Override
    @Transactional
    public BrandView create(NewBrand b, Actor actor) {
        if (b.kind() == BrandKind.REGIONAL_PUBLIC && !actor.is(Role.OPERATOR)) {
            throw new BrandKindNotAllowed("区域公用品牌由平台运营人员创建");
        }
        if (b.kind() != BrandKind.REGIONAL_PUBLIC && !actor.is(Role.SUPPLIER)) {
            throw new BrandKindNotAllowed("企业品牌和产品品牌由供应商创建");
        }
        List<Violation> v = new ArrayList<>();
        String name = b.name() == null ? "" : b.name().strip();
        if (name.isEmpty() || name.length() > 60) {
            v.add(new Violation("name", "品牌名称不能为空，且不超过60字"));
        }
        if (b.regionCode() != null && regions.find(b.regionCode()).isEmpty()) {
            v.add(new Violation("regionCode", "未知的行政区划代码：" + b.regionCode()));
        } else if (b.kind() == BrandKind.REGIONAL_PUBLIC && b.regionCode() == null) {
            v.add(new Violation("regionCode", "区域公用品牌须填写所属区域"));
        }
        if (!v.isEmpty()) {
            throw new InvalidInputException(v.get(0).message(), v);
        }
        if (sql.count(
                        "SELECT count(*) FROM brand WHERE owner_organization_id = ? AND lower(name) = lower(?)",
                        actor.organizationId(),
                        name)
                > 0) {
            throw new DuplicateBrandName("已有同名品牌：" + name, List.of(new Violation("name", "已有同名品牌")));
        }
        long id = sql.one(
                        """
                INSERT INTO brand (owner_organization_id, name, kind, region_code, in_national_catalogue, created_by)
                VALUES (?, ?, ?, ?, ?, ?) RETURNING id""",
                        rs -> rs.getLong(1),
                        actor.organizationId(),
                        name,
                        b.kind().name(),
                        b.regionCode(),
                        b.inNationalCatalogue(),
                        actor.username())
                .orElseThrow();
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("name", name);
        detail.put("kind", b.kind().name());
        detail.put("regionCode", b.regionCode());
        detail.put("inNationalCatalogue", b.inNationalCatalogue());
        audit.record(actor, "BRAND_CREATED", "brand", String.valueOf(id), detail);
        return find(id).orElseThrow();
    }

    @Override
    @Transactional(readOnly = true)
    public PageResponse<BrandView> mine(Actor actor, PageQuery page) {
        return page("WHERE b.owner_organization_id = ?", page, actor.organizationId());
    }

    @Override
    @Transactional(readOnly = true)
    public PageResponse<BrandView> regionalPublic(PageQuery page) {
        return page("WHERE b.kind = 'REGIONAL_PUBLIC'", page);
    }

    private PageResponse<BrandView> page(String where, PageQuery page, Object... args) {
        long total = sql.count("SELECT count(*) FROM brand b " + where, args);
        Object[] all = java.util.Arrays.copyOf(args, args.length + 2);
        all[args.length] = page.size();
        all[args.length + 1] = page.offset();
        return new PageResponse<>(
                sql.list(SELECT + " " + where + " ORDER BY b.id DESC LIMIT ? OFFSET ?", JdbcBrands::map, all),
                page.page(),
                page.size(),
                total);
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<BrandView> find(long id) {
        return sql.one(SELECT + " WHERE b.id = ?", JdbcBrands::map, id);
    }

    private static BrandView map(ResultSet rs) throws SQLException {
        return new BrandView(
                rs.getLong("id"),
                rs.getString("name"),
                BrandKind.valueOf(rs.getString("kind")),
                rs.getString("region_code"),
                rs.getString("region_name"),
                rs.getBoolean("in_national_catalogue"),
                rs.getLong("owner_organization_id"),
                Sql.instant(rs, "created_at"));
    }
}
