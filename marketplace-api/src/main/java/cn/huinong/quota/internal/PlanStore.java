package cn.huinong.quota.internal;

import cn.huinong.quota.Canteen;
import cn.huinong.quota.PlanVersionView;
import cn.huinong.quota.PlanView;
import cn.huinong.quota.QuotaRules;
import cn.huinong.quota.RatioExceptionStatus;
import cn.huinong.quota.RatioExceptionView;
import cn.huinong.shared.jdbc.Sql;
import jakarta.inject.Singleton;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** SQL for plans, their versions and ratio exceptions; joins the caller's transaction. */
@Singleton
class PlanStore {

    private final Sql sql;

    PlanStore(Sql sql) {
        this.sql = sql;
    }

    Optional<PlanView> find(long organizationId, int year) {
        return sql.one(
                "SELECT * FROM quota_plan WHERE organization_id = ? AND year = ?",
                PlanStore::plan,
                organizationId,
                year);
    }

    void save(PlanView p, Instant filedAt, boolean lateFiling) {
        sql.update(
                """
                INSERT INTO quota_plan (organization_id, year, version, canteen, annual_canteen_procurement_fen,
                                        reserved_fen, floor_basis_points, minimum_reserved_fen, ratio_exception_id,
                                        representative_organization_id, union_purchase, contact_name, contact_phone,
                                        note, deadline, late, first_filed_at, updated_at, updated_by)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (organization_id, year) DO UPDATE SET
                    version = EXCLUDED.version, canteen = EXCLUDED.canteen,
                    annual_canteen_procurement_fen = EXCLUDED.annual_canteen_procurement_fen,
                    reserved_fen = EXCLUDED.reserved_fen, floor_basis_points = EXCLUDED.floor_basis_points,
                    minimum_reserved_fen = EXCLUDED.minimum_reserved_fen,
                    ratio_exception_id = EXCLUDED.ratio_exception_id,
                    representative_organization_id = EXCLUDED.representative_organization_id,
                    union_purchase = EXCLUDED.union_purchase, contact_name = EXCLUDED.contact_name,
                    contact_phone = EXCLUDED.contact_phone, note = EXCLUDED.note, deadline = EXCLUDED.deadline,
                    updated_at = EXCLUDED.updated_at, updated_by = EXCLUDED.updated_by
                """,
                p.organizationId(),
                p.year(),
                p.version(),
                p.canteen().name(),
                p.annualCanteenProcurementFen(),
                p.reservedFen(),
                QuotaRules.basisPoints(p.floorPercent()),
                p.minimumReservedFen(),
                p.ratioExceptionId(),
                p.representativeOrganizationId(),
                p.unionPurchase(),
                p.contactName(),
                p.contactPhone(),
                p.note(),
                p.deadline(),
                p.late(),
                p.firstFiledAt(),
                p.updatedAt(),
                p.updatedBy());
        sql.update(
                """
                INSERT INTO quota_plan_version (organization_id, year, version, canteen, annual_canteen_procurement_fen,
                                                reserved_fen, floor_basis_points, minimum_reserved_fen,
                                                ratio_exception_id, representative_organization_id, union_purchase,
                                                contact_name, contact_phone, note, late, filed_at, filed_by)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """,
                p.organizationId(),
                p.year(),
                p.version(),
                p.canteen().name(),
                p.annualCanteenProcurementFen(),
                p.reservedFen(),
                QuotaRules.basisPoints(p.floorPercent()),
                p.minimumReservedFen(),
                p.ratioExceptionId(),
                p.representativeOrganizationId(),
                p.unionPurchase(),
                p.contactName(),
                p.contactPhone(),
                p.note(),
                lateFiling,
                filedAt,
                p.updatedBy());
    }

    List<PlanVersionView> versions(long organizationId, int year) {
        return sql.list(
                """
                SELECT * FROM quota_plan_version WHERE organization_id = ? AND year = ? ORDER BY version
                """,
                rs -> new PlanVersionView(
                        rs.getInt("version"),
                        Canteen.valueOf(rs.getString("canteen")),
                        rs.getLong("annual_canteen_procurement_fen"),
                        rs.getLong("reserved_fen"),
                        Sql.nullableLong(rs, "representative_organization_id"),
                        rs.getBoolean("union_purchase"),
                        rs.getString("note"),
                        rs.getBoolean("late"),
                        Sql.instant(rs, "filed_at"),
                        rs.getString("filed_by")),
                organizationId,
                year);
    }

    /** Whether SHARED units point to this unit as their representative for the year. */
    boolean hasMembers(long organizationId, int year) {
        return sql.count("""
                SELECT count(*) FROM quota_plan WHERE representative_organization_id = ? AND year = ?
                """, organizationId, year) > 0;
    }

    static PlanView plan(ResultSet rs) throws SQLException {
        return new PlanView(
                rs.getInt("year"),
                rs.getLong("organization_id"),
                Canteen.valueOf(rs.getString("canteen")),
                rs.getLong("annual_canteen_procurement_fen"),
                rs.getLong("reserved_fen"),
                Sql.nullableLong(rs, "representative_organization_id"),
                rs.getBoolean("union_purchase"),
                rs.getString("contact_name"),
                rs.getString("contact_phone"),
                rs.getString("note"),
                rs.getInt("version"),
                QuotaRules.percent(rs.getInt("floor_basis_points")),
                rs.getLong("minimum_reserved_fen"),
                Sql.nullableLong(rs, "ratio_exception_id"),
                Sql.date(rs, "deadline"),
                rs.getBoolean("late"),
                Sql.instant(rs, "first_filed_at"),
                Sql.instant(rs, "updated_at"),
                rs.getString("updated_by"));
    }

    // ratio exceptions

    record StoredException(
            long id,
            long organizationId,
            int year,
            int ratioBasisPoints,
            RatioExceptionStatus status,
            String regionCode) {}

    Optional<StoredException> approvedException(long organizationId, int year) {
        return sql.one("""
                SELECT e.*, o.region_code FROM quota_ratio_exception e JOIN organization_directory o ON o.id = e.organization_id
                WHERE e.organization_id = ? AND e.year = ? AND e.status = 'APPROVED'
                """, PlanStore::storedException, organizationId, year);
    }

    boolean hasOpenException(long organizationId, int year) {
        return sql.count("""
                SELECT count(*) FROM quota_ratio_exception
                WHERE organization_id = ? AND year = ? AND status IN ('PENDING', 'APPROVED')
                """, organizationId, year) > 0;
    }

    long insertException(long organizationId, int year, int basisPoints, String reason, String by) {
        return sql.one("""
                INSERT INTO quota_ratio_exception (organization_id, year, ratio_basis_points, reason, status,
                                                   requested_by)
                VALUES (?, ?, ?, ?, 'PENDING', ?) RETURNING id
                """, rs -> rs.getLong(1), organizationId, year, basisPoints, reason, by)
                .orElseThrow();
    }

    Optional<StoredException> lockException(long id) {
        return sql.one("""
                SELECT e.*, o.region_code FROM quota_ratio_exception e JOIN organization_directory o ON o.id = e.organization_id
                WHERE e.id = ? FOR UPDATE OF e
                """, PlanStore::storedException, id);
    }

    void decideException(long id, RatioExceptionStatus status, String by, String reason) {
        sql.update("""
                UPDATE quota_ratio_exception SET status = ?, decided_by = ?, decided_at = now(), decision_reason = ?
                WHERE id = ?
                """, status.name(), by, reason, id);
    }

    static final String EXCEPTION_VIEW = """
            SELECT e.*, o.name AS organization_name, o.region_code
            FROM quota_ratio_exception e JOIN organization_directory o ON o.id = e.organization_id
            """;

    Optional<RatioExceptionView> exceptionView(long id) {
        return sql.one(EXCEPTION_VIEW + " WHERE e.id = ?", PlanStore::exceptionView, id);
    }

    List<RatioExceptionView> exceptionViews(String where, long limit, long offset, Object... args) {
        Object[] all = java.util.Arrays.copyOf(args, args.length + 2);
        all[args.length] = limit;
        all[args.length + 1] = offset;
        return sql.list(
                EXCEPTION_VIEW + " WHERE " + where + " ORDER BY e.id DESC LIMIT ? OFFSET ?",
                PlanStore::exceptionView,
                all);
    }

    long countExceptions(String where, Object... args) {
        return sql.count(
                "SELECT count(*) FROM quota_ratio_exception e JOIN organization_directory o ON o.id = e.organization_id"
                        + " WHERE " + where,
                args);
    }

    private static StoredException storedException(ResultSet rs) throws SQLException {
        return new StoredException(
                rs.getLong("id"),
                rs.getLong("organization_id"),
                rs.getInt("year"),
                rs.getInt("ratio_basis_points"),
                RatioExceptionStatus.valueOf(rs.getString("status")),
                rs.getString("region_code"));
    }

    private static RatioExceptionView exceptionView(ResultSet rs) throws SQLException {
        return new RatioExceptionView(
                rs.getLong("id"),
                rs.getLong("organization_id"),
                rs.getString("organization_name"),
                rs.getString("region_code"),
                rs.getInt("year"),
                QuotaRules.percent(rs.getInt("ratio_basis_points")),
                rs.getString("reason"),
                RatioExceptionStatus.valueOf(rs.getString("status")),
                rs.getString("requested_by"),
                Sql.instant(rs, "requested_at"),
                rs.getString("decided_by"),
                Sql.instant(rs, "decided_at"),
                rs.getString("decision_reason"));
    }
}
