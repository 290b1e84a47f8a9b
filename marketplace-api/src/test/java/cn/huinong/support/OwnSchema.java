package cn.huinong.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;

/**
 * Isolation by schema. Most tests share one database and stay apart by creating their own organisations,
 * products and orders; a test class that judges the whole database (a consistency check over every ledger row,
 * a region's trend) instead gets a schema of its own, dropped and migrated from scratch when its application
 * context starts, so that no other class can disturb it and it disturbs no other. Use it from
 * {@code TestPropertyProvider#getProperties()}.
 */
public final class OwnSchema {

    private OwnSchema() {}

    /** Properties that point the datasource and Flyway at a fresh schema {@code t_<name>}. */
    public static Map<String, String> properties(String name) {
        if (!name.matches("[a-z][a-z0-9_]{0,40}")) {
            throw new IllegalArgumentException("schema name: lower-case letters, digits and _ only: " + name);
        }
        String schema = "t_" + name;
        String base =
                System.getenv().getOrDefault("HUINONG_TEST_DB_URL", "jdbc:postgresql://127.0.0.1:5434/huinong_test");
        String user = System.getenv().getOrDefault("HUINONG_DB_USER", "huinong");
        drop(base, user, schema);
        String url = base + (base.contains("?") ? "&" : "?") + "currentSchema=" + schema;
        return Map.of(
                "datasources.default.url", url,
                "flyway.datasources.default.default-schema", schema,
                "flyway.datasources.default.schemas", schema);
    }

    private static void drop(String url, String user, String schema) {
        try (Connection c = DriverManager.getConnection(
                        url, user, System.getenv().getOrDefault("HUINONG_DB_PASSWORD", "huinong"));
                Statement s = c.createStatement()) {
            s.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
        } catch (SQLException e) {
            throw new IllegalStateException("could not reset the test schema " + schema + " at " + url, e);
        }
    }
}
