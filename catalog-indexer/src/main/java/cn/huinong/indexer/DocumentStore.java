package cn.huinong.indexer;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Reads {@code product_search_document} (the catalog module writes it; we only read). */
final class DocumentStore {

    private final ObjectMapper json;

    DocumentStore(ObjectMapper json) {
        this.json = json;
    }

    Map<Long, DocumentRow> load(Connection c, Collection<Long> productIds) throws SQLException {
        Map<Long, DocumentRow> rows = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("""
                SELECT product_id, version, searchable, document::text FROM product_search_document
                WHERE product_id = ANY (?)""")) {
            ps.setArray(1, c.createArrayOf("bigint", productIds.toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    DocumentRow row = row(rs);
                    rows.put(row.productId(), row);
                }
            }
        }
        return rows;
    }

    /** The next page of searchable rows after {@code afterProductId} (keyset pagination). */
    List<DocumentRow> searchablePage(Connection c, long afterProductId, int limit) throws SQLException {
        List<DocumentRow> rows = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("""
                SELECT product_id, version, searchable, document::text FROM product_search_document
                WHERE searchable AND product_id > ? ORDER BY product_id LIMIT ?""")) {
            ps.setLong(1, afterProductId);
            ps.setInt(2, limit);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.add(row(rs));
                }
            }
        }
        return rows;
    }

    long countSearchable(Connection c) throws SQLException {
        try (PreparedStatement ps =
                        c.prepareStatement("SELECT count(*) FROM product_search_document WHERE searchable");
                ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private DocumentRow row(ResultSet rs) throws SQLException {
        try {
            ObjectNode doc = (ObjectNode) json.readTree(rs.getString(4));
            return new DocumentRow(rs.getLong(1), rs.getLong(2), rs.getBoolean(3), doc);
        } catch (IOException e) {
            throw new UncheckedIOException("unreadable search document of product " + rs.getLong(1), e);
        }
    }
}
