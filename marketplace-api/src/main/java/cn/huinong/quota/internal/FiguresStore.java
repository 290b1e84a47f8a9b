package cn.huinong.quota.internal;

import cn.huinong.shared.jdbc.Sql;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Optional;

/**
 * {@code quota_unit_figures}: per unit and year, the plan's figures and the money, kept in step in the transaction
 * of every plan filing and every ledger batch. Writers lock the unit's row first (then its representative's), so a
 * filing that moves a unit into or out of a shared canteen and a ledger batch for that unit never interleave.
 */
@Singleton
class FiguresStore {

    record Figures(
            long organizationId,
            int year,
            boolean filed,
            @Nullable String canteen,
            long reservedFen,
            @Nullable Long representativeOrganizationId,
            long ownSpentFen,
            long countedFen) {}

    private final Sql sql;

    FiguresStore(Sql sql) {
        this.sql = sql;
    }

    /** The unit's row for the year, created when missing, locked until the end of the transaction. */
    Figures lock(long organizationId, int year) {
        sql.update("""
                INSERT INTO quota_unit_figures (organization_id, year) VALUES (?, ?)
                ON CONFLICT (year, organization_id) DO NOTHING
                """, organizationId, year);
        return sql.one(
                        "SELECT * FROM quota_unit_figures WHERE year = ? AND organization_id = ? FOR UPDATE",
                        FiguresStore::figures,
                        year,
                        organizationId)
                .orElseThrow();
    }

    Optional<Figures> find(long organizationId, int year) {
        return sql.one(
                "SELECT * FROM quota_unit_figures WHERE year = ? AND organization_id = ?",
                FiguresStore::figures,
                year,
                organizationId);
    }

    /** The plan's part of the row; reservedFen is the unit's own target (0 for NONE and SHARED). */
    void plan(
            long organizationId,
            int year,
            String canteen,
            boolean late,
            long annualFen,
            long reservedFen,
            @Nullable Long representativeOrganizationId) {
        sql.update("""
                UPDATE quota_unit_figures SET filed = true, canteen = ?, late = ?, annual_fen = ?, reserved_fen = ?,
                       representative_organization_id = ?, updated_at = now()
                WHERE year = ? AND organization_id = ?
                """, canteen, late, annualFen, reservedFen, representativeOrganizationId, year, organizationId);
    }

    /**
     * Recomputes what counts toward the unit's plan: its own spending unless it is a SHARED member, plus the
     * spending of the SHARED members that name it as representative.
     */
    void recount(long organizationId, int year) {
        sql.update("""
                UPDATE quota_unit_figures f SET counted_fen =
                       (CASE WHEN f.canteen = 'SHARED' THEN 0 ELSE f.own_spent_fen END)
                     + coalesce((SELECT sum(m.own_spent_fen) FROM quota_unit_figures m
                                 WHERE m.representative_organization_id = f.organization_id AND m.year = f.year
                                   AND m.canteen = 'SHARED'), 0),
                       updated_at = now()
                WHERE f.year = ? AND f.organization_id = ?
                """, year, organizationId);
    }

    /**
     * Adds booked money to the unit (locking its row) and to whoever it counts for; returns the representative the
     * money also went to, or null when it counted at the unit itself.
     */
    @Nullable
    Long book(long organizationId, int year, long fen) {
        Figures f = sql.one("""
                INSERT INTO quota_unit_figures AS f (organization_id, year, own_spent_fen, counted_fen)
                VALUES (?, ?, ?, ?)
                ON CONFLICT (year, organization_id) DO UPDATE SET
                    own_spent_fen = f.own_spent_fen + EXCLUDED.own_spent_fen,
                    counted_fen = f.counted_fen + CASE WHEN f.canteen = 'SHARED' THEN 0 ELSE EXCLUDED.own_spent_fen END,
                    updated_at = now()
                RETURNING f.*
                """, FiguresStore::figures, organizationId, year, fen, fen)
                .orElseThrow();
        if ("SHARED".equals(f.canteen()) && f.representativeOrganizationId() != null) {
            sql.update("""
                    INSERT INTO quota_unit_figures AS f (organization_id, year, counted_fen) VALUES (?, ?, ?)
                    ON CONFLICT (year, organization_id) DO UPDATE SET
                        counted_fen = f.counted_fen + EXCLUDED.counted_fen, updated_at = now()
                    """, f.representativeOrganizationId(), year, fen);
            return f.representativeOrganizationId();
        }
        return null;
    }

    /** A unit's year, ordered by unit then year: the order in which batch writers lock figures rows. */
    record UnitYear(long organizationId, int year) implements Comparable<UnitYear> {
        @Override
        public int compareTo(UnitYear o) {
            int c = Long.compare(organizationId, o.organizationId);
            return c != 0 ? c : Integer.compare(year, o.year);
        }
    }

    /**
     * {@link #book} for a whole ledger batch in two statements: adds each unit-year's booked money to the unit (rows
     * locked in the map's order) and then, for SHARED members, to their representatives (in representative order).
     */
    void bookAll(java.util.SortedMap<UnitYear, Long> booked) {
        if (booked.isEmpty()) {
            return;
        }
        record Shared(long organizationId, int year, long representativeId) {}
        List<Shared> shared = sql.list(
                """
                INSERT INTO quota_unit_figures AS f (organization_id, year, own_spent_fen, counted_fen)
                SELECT b.organization_id, b.year, b.fen, b.fen
                FROM unnest(?::bigint[], ?::int[], ?::bigint[]) WITH ORDINALITY AS b(organization_id, year, fen, n)
                ORDER BY b.n
                ON CONFLICT (year, organization_id) DO UPDATE SET
                    own_spent_fen = f.own_spent_fen + EXCLUDED.own_spent_fen,
                    counted_fen = f.counted_fen + CASE WHEN f.canteen = 'SHARED' THEN 0 ELSE EXCLUDED.own_spent_fen END,
                    updated_at = now()
                RETURNING f.organization_id, f.year, f.canteen, f.representative_organization_id
                """,
                rs -> "SHARED".equals(rs.getString("canteen")) && rs.getObject("representative_organization_id") != null
                        ? new Shared(
                                rs.getLong("organization_id"),
                                rs.getInt("year"),
                                rs.getLong("representative_organization_id"))
                        : null,
                booked.keySet().stream().map(UnitYear::organizationId).toArray(Long[]::new),
                booked.keySet().stream().map(u -> (long) u.year()).toArray(Long[]::new),
                booked.values().toArray(Long[]::new));
        java.util.SortedMap<UnitYear, Long> representatives = new java.util.TreeMap<>();
        for (Shared s : shared) {
            if (s != null) {
                representatives.merge(
                        new UnitYear(s.representativeId(), s.year()),
                        booked.get(new UnitYear(s.organizationId(), s.year())),
                        Long::sum);
            }
        }
        if (!representatives.isEmpty()) {
            sql.update(
                    """
                    INSERT INTO quota_unit_figures AS f (organization_id, year, counted_fen)
                    SELECT b.organization_id, b.year, b.fen
                    FROM unnest(?::bigint[], ?::int[], ?::bigint[]) WITH ORDINALITY AS b(organization_id, year, fen, n)
                    ORDER BY b.n
                    ON CONFLICT (year, organization_id) DO UPDATE SET
                        counted_fen = f.counted_fen + EXCLUDED.counted_fen, updated_at = now()
                    """,
                    representatives.keySet().stream()
                            .map(UnitYear::organizationId)
                            .toArray(Long[]::new),
                    representatives.keySet().stream().map(u -> (long) u.year()).toArray(Long[]::new),
                    representatives.values().toArray(Long[]::new));
        }
    }

    private static Figures figures(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new Figures(
                rs.getLong("organization_id"),
                rs.getInt("year"),
                rs.getBoolean("filed"),
                rs.getString("canteen"),
                rs.getLong("reserved_fen"),
                Sql.nullableLong(rs, "representative_organization_id"),
                rs.getLong("own_spent_fen"),
                rs.getLong("counted_fen"));
    }
}
