package cn.huinong.indexer;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The SQL of {@code catalog_outbox} for {@link OutboxIndexer}: claiming a batch, removing what was written,
 * noting rejections and failed attempts, and the backlog figures. Rows with {@code attempts >= maxAttempts} are
 * parked: never claimed again, removed by the next successful write of their product.
 */
final class OutboxTable {

    /** The claimed rows of one batch: the outbox ids per product and the highest version claimed per product. */
    record Claim(Map<Long, List<Long>> idsByProduct, Map<Long, Long> versions, int rows) {

        boolean isEmpty() {
            return rows == 0;
        }
    }

    /** Waiting rows, parked rows, and the age in seconds of the oldest waiting row (0 when none waits). */
    record Backlog(long waiting, long parked, double lagSeconds) {}

    private final int maxAttempts;

    OutboxTable(int maxAttempts) {
        this.maxAttempts = maxAttempts;
    }

    /** Claims up to {@code limit} waiting rows in id order, skipping rows another indexer holds. */
    Claim claim(Connection c, int limit) throws SQLException {
        Map<Long, Long> versions = new LinkedHashMap<>();
        Map<Long, List<Long>> idsByProduct = new LinkedHashMap<>();
        int rows = 0;
        try (PreparedStatement ps = c.prepareStatement("""
                SELECT id, product_id, version FROM catalog_outbox WHERE attempts < ?
                ORDER BY id LIMIT ? FOR UPDATE SKIP LOCKED""")) {
            ps.setInt(1, maxAttempts);
            ps.setInt(2, limit);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows++;
                    idsByProduct
                            .computeIfAbsent(rs.getLong(2), k -> new ArrayList<>())
                            .add(rs.getLong(1));
                    versions.merge(rs.getLong(2), rs.getLong(3), Math::max);
                }
            }
        }
        return new Claim(idsByProduct, versions, rows);
    }

    /** Removes the written rows and the parked rows of the products just written. */
    void removeDone(Connection c, Collection<Long> ids, Collection<Long> products) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                DELETE FROM catalog_outbox WHERE id = ANY (?) OR (product_id = ANY (?) AND attempts >= ?)""")) {
            ps.setArray(1, c.createArrayOf("bigint", ids.toArray()));
            ps.setArray(2, c.createArrayOf("bigint", products.toArray()));
            ps.setInt(3, maxAttempts);
            ps.executeUpdate();
        }
    }

    /** Counts one more attempt, with the engine's reason, on the rows of each rejected product. */
    void noteRejected(Connection c, Map<Long, String> reasons, Map<Long, List<Long>> idsByProduct) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "UPDATE catalog_outbox SET attempts = attempts + 1, last_error = ? WHERE id = ANY (?)")) {
            for (Map.Entry<Long, String> r : reasons.entrySet()) {
                ps.setString(1, "rejected: " + r.getValue());
                ps.setArray(
                        2,
                        c.createArrayOf("bigint", idsByProduct.get(r.getKey()).toArray()));
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    /**
     * Notes a failed batch on the oldest waiting rows (in a transaction of its own). Only {@code last_error}:
     * {@code attempts} counts rejections of the document itself, and an engine that is down must never park rows.
     */
    void noteFailedAttempt(Connection c, String error, int limit) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                 UPDATE catalog_outbox SET last_error = ?
                 WHERE id IN (SELECT id FROM catalog_outbox WHERE attempts < ? ORDER BY id LIMIT ? FOR UPDATE SKIP LOCKED)""")) {
            ps.setString(1, error);
            ps.setInt(2, maxAttempts);
            ps.setInt(3, limit);
            ps.executeUpdate();
        }
    }

    Backlog backlog(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                 SELECT count(*) FILTER (WHERE attempts < ?), count(*) FILTER (WHERE attempts >= ?),
                        EXTRACT(EPOCH FROM (now() - min(created_at) FILTER (WHERE attempts < ?)))
                 FROM catalog_outbox""")) {
            ps.setInt(1, maxAttempts);
            ps.setInt(2, maxAttempts);
            ps.setInt(3, maxAttempts);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return new Backlog(rs.getLong(1), rs.getLong(2), rs.getObject(3) == null ? 0 : rs.getDouble(3));
            }
        }
    }
}
