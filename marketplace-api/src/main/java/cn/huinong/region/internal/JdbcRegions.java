package cn.huinong.region.internal;

import cn.huinong.region.DesignationKind;
import cn.huinong.region.RegionLevel;
import cn.huinong.region.RegionView;
import cn.huinong.region.Regions;
import cn.huinong.shared.jdbc.Sql;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

@Singleton
class JdbcRegions implements Regions {

    private static final String SELECT = """
            SELECT r.code, r.name, r.level, r.parent_code,
                   EXISTS (SELECT 1 FROM region_designation d WHERE d.region_code = r.code AND d.kind = 'POVERTY_ALLEVIATED'),
                   EXISTS (SELECT 1 FROM region_designation d WHERE d.region_code = r.code AND d.kind = 'KEY_ASSISTANCE')
            FROM region r
            """;

    private final Sql sql;

    JdbcRegions(Sql sql) {
        this.sql = sql;
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<RegionView> find(String code) {
        if (code == null || !code.matches("\\d{6}")) {
            return Optional.empty();
        }
        return query(SELECT + " WHERE r.code = ? AND NOT r.retired", code).stream()
                .findFirst();
    }

    @Override
    @Transactional(readOnly = true)
    public List<RegionView> children(String code) {
        return query(SELECT + " WHERE r.parent_code = ? AND NOT r.retired ORDER BY r.code", code);
    }

    @Override
    @Transactional(readOnly = true)
    public List<RegionView> provinces() {
        return query(SELECT + " WHERE r.level = 'PROVINCE' AND NOT r.retired ORDER BY r.code");
    }

    @Override
    @Transactional(readOnly = true)
    public List<String> lineage(String code) {
        return sql.list("""
                WITH RECURSIVE up(code, parent_code) AS (
                    SELECT code, parent_code FROM region WHERE code = ?
                    UNION ALL
                    SELECT r.code, r.parent_code FROM region r JOIN up ON r.code = up.parent_code)
                SELECT code FROM up""", rs -> rs.getString(1), code);
    }

    @Override
    @Transactional(readOnly = true)
    public boolean isDesignated(String code, DesignationKind kind) {
        return sql.one(
                        "SELECT EXISTS (SELECT 1 FROM region_designation WHERE region_code = ? AND kind = ?)",
                        rs -> rs.getBoolean(1),
                        code,
                        kind.name())
                .orElse(false);
    }

    private List<RegionView> query(String select, Object... args) {
        return sql.list(select, JdbcRegions::map, args);
    }

    private static RegionView map(ResultSet rs) throws SQLException {
        return new RegionView(
                rs.getString(1),
                rs.getString(2),
                RegionLevel.valueOf(rs.getString(3)),
                rs.getString(4),
                rs.getBoolean(5),
                rs.getBoolean(6));
    }
}
