package cn.huinong.shared.jdbc;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/** A thin helper over {@link JdbcOperations}: positional arguments, row mappers, joins the current transaction. */
@Singleton
public class Sql {

    public interface Row<T> {
        T map(ResultSet rs) throws SQLException;
    }

    /** Rows per round trip when streaming ({@link #forEach}). */
    public static final int STREAM_FETCH_SIZE = 1000;

    private final JdbcOperations jdbc;

    public Sql(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    public <T> List<T> list(String sql, Row<T> row, Object... args) {
        return jdbc.prepareStatement(sql, ps -> {
            bind(ps, args);
            List<T> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(row.map(rs));
                }
            }
            return out;
        });
    }

    /**
     * Hands each row to {@code sink} as it is read, through a cursor of {@value #STREAM_FETCH_SIZE} rows: constant
     * memory however many rows match (exports of a million units). PostgreSQL's driver uses a cursor only inside a
     * transaction, so the caller runs in one ({@code @Transactional(readOnly = true)}).
     */
    public <T> void forEach(String sql, Row<T> row, Consumer<? super T> sink, Object... args) {
        jdbc.prepareStatement(sql, ps -> {
            ps.setFetchSize(STREAM_FETCH_SIZE);
            bind(ps, args);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    sink.accept(row.map(rs));
                }
            }
            return null;
        });
    }

    public <T> Optional<T> one(String sql, Row<T> row, Object... args) {
        List<T> all = list(sql, row, args);
        return all.isEmpty() ? Optional.empty() : Optional.of(all.get(0));
    }

    public long count(String sql, Object... args) {
        return one(sql, rs -> rs.getLong(1), args).orElse(0L);
    }

    public int update(String sql, Object... args) {
        return jdbc.prepareStatement(sql, ps -> {
            bind(ps, args);
            return ps.executeUpdate();
        });
    }

    public static void bind(PreparedStatement ps, Object... args) throws SQLException {
        for (int i = 0; i < args.length; i++) {
            Object a = args[i];
            if (a instanceof Instant t) {
                ps.setTimestamp(i + 1, Timestamp.from(t));
            } else if (a instanceof LocalDate d) {
                ps.setObject(i + 1, d);
            } else if (a instanceof String[] arr) {
                ps.setArray(i + 1, ps.getConnection().createArrayOf("text", arr));
            } else if (a instanceof Long[] arr) {
                ps.setArray(i + 1, ps.getConnection().createArrayOf("bigint", arr));
            } else {
                ps.setObject(i + 1, a);
            }
        }
    }

    public static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    public static LocalDate date(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, LocalDate.class);
    }

    public static Long nullableLong(ResultSet rs, String column) throws SQLException {
        long v = rs.getLong(column);
        return rs.wasNull() ? null : v;
    }
}
