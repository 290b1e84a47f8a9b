package cn.huinong.support;

import io.micronaut.core.type.Argument;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.serde.ObjectMapper;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.Map;

/** Reads catalog rows that no API shows (search documents, outbox) for assertions. */
@Singleton
public class CatalogDb {

    private final JdbcOperations jdbc;
    private final TransactionOperations<Connection> tx;
    private final ObjectMapper json;

    CatalogDb(JdbcOperations jdbc, TransactionOperations<Connection> tx, ObjectMapper json) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.json = json;
    }

    /** The product's search document, or null. */
    public Map<String, Object> document(long productId) {
        String text = tx.executeRead(s ->
                jdbc.prepareStatement("SELECT document::text FROM product_search_document WHERE product_id = ?", ps -> {
                    ps.setLong(1, productId);
                    try (ResultSet rs = ps.executeQuery()) {
                        return rs.next() ? rs.getString(1) : null;
                    }
                }));
        try {
            return text == null ? null : json.readValue(text, Argument.mapOf(String.class, Object.class));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A write no API makes (e.g. dating an order back), in its own transaction; Instants as timestamps. */
    public int update(String sql, Object... args) {
        return tx.executeWrite(s -> jdbc.prepareStatement(sql, ps -> {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i] instanceof java.time.Instant t ? java.sql.Timestamp.from(t) : args[i]);
            }
            return ps.executeUpdate();
        }));
    }

    public long count(String sql, Object... args) {
        return tx.executeRead(s -> jdbc.prepareStatement(sql, ps -> {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }));
    }

    /** Every row of the query as column -> value (JDBC types: Long, String, Boolean, Timestamp ...). */
    public java.util.List<Map<String, Object>> rows(String sql, Object... args) {
        return tx.executeRead(s -> jdbc.prepareStatement(sql, ps -> {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            java.util.List<Map<String, Object>> out = new java.util.ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                var meta = rs.getMetaData();
                while (rs.next()) {
                    Map<String, Object> row = new java.util.LinkedHashMap<>();
                    for (int c = 1; c <= meta.getColumnCount(); c++) {
                        row.put(meta.getColumnLabel(c), rs.getObject(c));
                    }
                    out.add(row);
                }
            }
            return out;
        }));
    }
}
