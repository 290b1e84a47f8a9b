package cn.huinong.support;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;

/** Direct SQL for reserved-share tests: tampering, replaying events, a transaction that never commits. */
@Singleton
public class QuotaDb {

    private final JdbcOperations jdbc;
    private final TransactionOperations<Connection> tx;

    QuotaDb(JdbcOperations jdbc, TransactionOperations<Connection> tx) {
        this.jdbc = jdbc;
        this.tx = tx;
    }

    public int update(String sql, Object... args) {
        return tx.executeWrite(s -> jdbc.prepareStatement(sql, ps -> {
            bind(ps, args);
            return ps.executeUpdate();
        }));
    }

    public long count(String sql, Object... args) {
        return tx.executeRead(s -> jdbc.prepareStatement(sql, ps -> {
            bind(ps, args);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }));
    }

    /** Runs {@code work} in a transaction that is rolled back at the end, as if the process died before commit. */
    public void rolledBack(Runnable work) {
        tx.executeWrite(status -> {
            work.run();
            status.setRollbackOnly();
            return null;
        });
    }

    private static void bind(java.sql.PreparedStatement ps, Object... args) throws java.sql.SQLException {
        for (int i = 0; i < args.length; i++) {
            Object a = args[i];
            ps.setObject(i + 1, a instanceof Instant t ? Timestamp.from(t) : a);
        }
    }
}
