package cn.huinong.catalog.internal;

import cn.huinong.indexer.text.SearchText;
import cn.huinong.shared.jdbc.Sql;
import io.micronaut.serde.ObjectMapper;
import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Collection;

/**
 * Writes a product's search document and its outbox row (ADR 4). Must run inside the transaction of
 * the change that affects the document: both rows commit or roll back with it.
 */
@Singleton
class SearchDocuments {

    private final ProductAssembler assembler;
    private final Sql sql;
    private final ObjectMapper json;

    SearchDocuments(ProductAssembler assembler, Sql sql, ObjectMapper json) {
        this.assembler = assembler;
        this.sql = sql;
        this.json = json;
    }

    /** Builds the product's current document (pure read). */
    SearchDocument build(long productId) {
        return SearchDocument.of(assembler.assemble(productId));
    }

    /** Rewrites the document with version + 1 and appends an outbox row; returns the new version. */
    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    public long refresh(long productId) {
        // every writer of a product's document holds the product row first, then reads: a higher version is
        // always built from data at least as new as a lower one (reactions to suppliers, designations and
        // certificate lapses do not otherwise lock the product)
        sql.one("SELECT id FROM product WHERE id = ? FOR UPDATE", rs -> rs.getLong(1), productId);
        AssembledProduct p = assembler.assemble(productId);
        String document;
        try {
            document = SearchText.enrichJson(json.writeValueAsString(SearchDocument.of(p)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return write(productId, p.searchable(), document);
    }

    /**
     * Derives the searchable text again from the stored document's own facts, when they are complete for the
     * current {@link SearchText#VERSION} (they hold {@code categoryNames}): no product assembly, for upgrades of
     * many documents. Otherwise, or when the product has no document, {@link #refresh}. Returns the new version.
     */
    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    public long rederive(long productId) {
        sql.one("SELECT id FROM product WHERE id = ? FOR UPDATE", rs -> rs.getLong(1), productId);
        record Stored(boolean searchable, String document, boolean complete) {}
        Stored stored = sql.one(
                        "SELECT searchable, document::text, document->'categoryNames' IS NOT NULL FROM product_search_document"
                                + " WHERE product_id = ?",
                        rs -> new Stored(rs.getBoolean(1), rs.getString(2), rs.getBoolean(3)),
                        productId)
                .orElse(null);
        if (stored == null || !stored.complete()) {
            return refresh(productId);
        }
        return write(productId, stored.searchable(), SearchText.enrichJson(stored.document()));
    }

    private long write(long productId, boolean searchable, String document) {
        long version = sql.one("""
                INSERT INTO product_search_document (product_id, version, searchable, document, updated_at)
                VALUES (?, 1, ?, ?::jsonb, now())
                ON CONFLICT (product_id) DO UPDATE SET version = product_search_document.version + 1,
                    searchable = EXCLUDED.searchable, document = EXCLUDED.document, updated_at = now()
                RETURNING version""", rs -> rs.getLong(1), productId, searchable, document)
                .orElseThrow();
        sql.update("INSERT INTO catalog_outbox (product_id, version) VALUES (?, ?)", productId, version);
        return version;
    }

    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    public void refreshAll(Collection<Long> productIds) {
        productIds.forEach(this::refresh);
    }
}
