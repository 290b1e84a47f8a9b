package cn.huinong.catalog.internal;

import cn.huinong.indexer.text.SearchText;
import cn.huinong.shared.jdbc.Sql;
import io.micronaut.scheduling.annotation.Scheduled;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Rewrites, in batches, the search documents written before the current {@link SearchText#VERSION} (an upgrade
 * adds searchable text: pinyin, place short forms, the fallback's tokens), through {@link SearchDocuments#rederive}
 * (from the stored facts when they are complete, else from the product), so the outbox carries them to
 * Elasticsearch too. Nothing to do on a fresh database; each batch is one
 * transaction, and a failed batch is tried again on the next run. The question is answered by an index on the
 * version (V117), so asking it every 30 s costs little.
 */
@Singleton
class SearchTextUpgrade {

    private static final Logger LOG = LoggerFactory.getLogger(SearchTextUpgrade.class);
    static final int BATCH = 500;

    private final Sql sql;
    private final SearchDocuments documents;
    private final TransactionOperations<Connection> tx;

    SearchTextUpgrade(Sql sql, SearchDocuments documents, TransactionOperations<Connection> tx) {
        this.sql = sql;
        this.documents = documents;
        this.tx = tx;
    }

    @Scheduled(fixedDelay = "${huinong.catalog.search-text-upgrade-interval:30s}", initialDelay = "5s")
    void run() {
        int n;
        int total = 0;
        do {
            n = upgradeBatch();
            total += n;
        } while (n == BATCH);
        if (total > 0) {
            LOG.info("rewrote {} search documents to search text version {}", total, SearchText.VERSION);
        }
    }

    /** Rewrites up to {@link #BATCH} documents of an older text version; returns how many. */
    int upgradeBatch() {
        return tx.executeWrite(status -> {
            List<Long> ids = sql.list("""
                SELECT d.product_id FROM product_search_document d JOIN product p ON p.id = d.product_id
                WHERE coalesce((d.document->>'textVersion')::int, 0) < ?
                ORDER BY d.product_id LIMIT ?""", rs -> rs.getLong(1), SearchText.VERSION, BATCH);
            ids.forEach(documents::rederive);
            return ids.size();
        });
    }
}
