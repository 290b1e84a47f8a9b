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
        long version = sql.one("""
                INSERT INTO product_search_document (product_id, version, searchable, document, updated_at)
                VALUES (?, 1, ?, ?::jsonb, now())
                ON CONFLICT (product_id) DO UPDATE SET version = product_search_document.version + 1,
                    searchable = EXCLUDED.searchable, document = EXCLUDED.document, updated_at = now()
                RETURNING version""", rs -> rs.getLong(1), productId, p.searchable(), document)
                .orElseThrow();
        sql.update("INSERT INTO catalog_outbox (product_id, version) VALUES (?, ?)", productId, version);
        return version;
    }

    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    public void refreshAll(Collection<Long> productIds) {
        productIds.forEach(this::refresh);
    }
}
