package cn.huinong.search.internal;

import cn.huinong.audit.AuditLog;
import cn.huinong.indexer.CatalogIndex;
import cn.huinong.indexer.EngineClient;
import cn.huinong.indexer.IndexerMetrics;
import cn.huinong.indexer.OutboxIndexer;
import cn.huinong.indexer.Rebuilder;
import cn.huinong.search.IndexRebuildInProgress;
import cn.huinong.search.IndexStatus;
import cn.huinong.search.IndexerSettings;
import cn.huinong.search.SearchIndex;
import cn.huinong.shared.Actor;
import co.elastic.clients.elasticsearch.ElasticsearchClient;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

@Singleton
class DefaultSearchIndex implements SearchIndex {

    private static final Logger log = LoggerFactory.getLogger(DefaultSearchIndex.class);

    private final EngineClient engine;
    private final CatalogIndex index;
    private final OutboxIndexer indexer;
    private final Rebuilder rebuilder;
    private final IndexerSettings settings;
    private final AuditLog audit;
    private final ExecutorService rebuilds = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "catalog-rebuild");
        t.setDaemon(true);
        return t;
    });

    DefaultSearchIndex(
            EngineClient engine,
            CatalogIndex index,
            OutboxIndexer indexer,
            Rebuilder rebuilder,
            IndexerSettings settings,
            AuditLog audit) {
        this.engine = engine;
        this.index = index;
        this.indexer = indexer;
        this.rebuilder = rebuilder;
        this.settings = settings;
        this.audit = audit;
    }

    @Override
    @Transactional
    public IndexStatus status(Actor actor) {
        audit.record(actor, "SEARCH_INDEX_STATUS_VIEWED", "search_index", index.alias(), Map.of());
        IndexerMetrics m = indexer.metrics();
        String current = null;
        Long count = null;
        String rebuilding = null;
        String engineError = null;
        try {
            ElasticsearchClient quick = engine.forSearch();
            Optional<String> c = index.currentIndex(quick);
            current = c.orElse(null);
            if (current != null) {
                count = quick.count(r -> r.index(index.alias())).count();
            }
            rebuilding = index.rebuildingIndex(quick).orElse(null);
        } catch (IOException | RuntimeException e) {
            engine.recover(e);
            engineError = e.getClass().getSimpleName() + ": " + e.getMessage();
        }
        return new IndexStatus(
                index.alias(),
                current,
                count,
                rebuilding,
                engineError == null,
                engineError,
                m.backlog(),
                m.parked(),
                m.lagSeconds(),
                m.lastError(),
                IndexStatus.Rebuild.of(rebuilder.progress()));
    }

    @Override
    public IndexStatus.Metrics metrics() {
        return IndexStatus.Metrics.of(settings.embeddedOrDefault(), indexer.metrics());
    }

    @Override
    @Transactional
    public IndexStatus.Rebuild requestRebuild(Actor actor) {
        audit.record(actor, "SEARCH_INDEX_REBUILD_REQUESTED", "search_index", index.alias(), Map.of());
        if (!rebuilder.tryStart()) {
            throw new IndexRebuildInProgress("索引重建正在进行中，请等待完成后再试");
        }
        rebuilds.submit(() -> {
            try {
                rebuilder.rebuild();
            } catch (Exception e) {
                log.error("catalog index rebuild failed", e);
            }
        });
        return IndexStatus.Rebuild.of(rebuilder.progress());
    }

    @Override
    public void ensureIndex() {
        try {
            index.ensure(engine.get());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @PreDestroy
    void shutdown() {
        rebuilds.shutdownNow();
    }
}
