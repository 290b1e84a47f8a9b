package cn.huinong.support;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Row counts of every table (but the audit trail, login throttling and Flyway's history, which a refused request may
 * legitimately write), to prove that a refused request wrote nothing. {@link #writeHorizon()} is cheap: it moves
 * only when some transaction wrote, so the counts are taken only then.
 */
@Singleton
public class TableCounts {

    private final JdbcOperations jdbc;
    private final TransactionOperations<Connection> tx;
    private String countAll;
    private List<String> tables;

    TableCounts(JdbcOperations jdbc, TransactionOperations<Connection> tx) {
        this.jdbc = jdbc;
        this.tx = tx;
    }

    /** Tables whose writes a refused request may make: the audit trail and sign-in throttling. */
    static boolean exempt(String table) {
        return table.startsWith("audit")
                || table.contains("login")
                || table.contains("throttle")
                || table.startsWith("flyway");
    }

    public synchronized List<String> tables() {
        if (tables == null) {
            tables = tx.executeRead(s -> jdbc.prepareStatement("""
                    SELECT table_name FROM information_schema.tables
                    WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY table_name
                    """, ps -> {
                List<String> names = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        if (!exempt(rs.getString(1))) {
                            names.add(rs.getString(1));
                        }
                    }
                }
                return names;
            }));
            countAll = "SELECT "
                    + String.join(
                            ", ",
                            tables.stream()
                                    .map(t -> "(SELECT count(*) FROM \"" + t + "\")")
                                    .toList());
        }
        return tables;
    }

    public Map<String, Long> snapshot() {
        List<String> names = tables();
        return tx.executeRead(s -> jdbc.prepareStatement(countAll, ps -> {
            Map<String, Long> counts = new LinkedHashMap<>();
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                for (int i = 0; i < names.size(); i++) {
                    counts.put(names.get(i), rs.getLong(i + 1));
                }
            }
            return counts;
        }));
    }

    /** The next transaction id to be assigned: unchanged while nothing was written anywhere. */
    public long writeHorizon() {
        return tx.executeRead(s -> jdbc.prepareStatement("SELECT txid_snapshot_xmax(txid_current_snapshot())", ps -> {
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }));
    }

    /** The tables whose count differs between two snapshots, with before -> after. */
    public static Map<String, String> changes(Map<String, Long> before, Map<String, Long> after) {
        Map<String, String> changed = new LinkedHashMap<>();
        after.forEach((t, n) -> {
            Long was = before.get(t);
            if (was == null || was.longValue() != n) {
                changed.put(t, was + " -> " + n);
            }
        });
        return changed;
    }
}
