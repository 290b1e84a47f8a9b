package cn.huinong.search.internal;

import cn.huinong.indexer.CatalogIndex;
import cn.huinong.indexer.EngineClient;
import cn.huinong.indexer.OutboxIndexer;
import cn.huinong.search.IndexerSettings;
import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.runtime.server.event.ServerStartupEvent;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the outbox indexer on a background thread when {@code huinong.indexer.embedded} is true
 * (the default). The loop creates the index and alias when missing and retries while the engine is down.
 * Otherwise (tests, or a separate indexer process) it only tries once, in the background, to create the index.
 */
@Singleton
class EmbeddedIndexer implements ApplicationEventListener<ServerStartupEvent> {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedIndexer.class);

    private final OutboxIndexer indexer;
    private final CatalogIndex index;
    private final EngineClient es;
    private final IndexerSettings settings;

    EmbeddedIndexer(OutboxIndexer indexer, CatalogIndex index, EngineClient es, IndexerSettings settings) {
        this.indexer = indexer;
        this.index = index;
        this.es = es;
        this.settings = settings;
    }

    @Override
    public void onApplicationEvent(ServerStartupEvent event) {
        if (settings.embeddedOrDefault()) {
            indexer.start("catalog-indexer");
            log.info("embedded catalog indexer started (alias {})", index.alias());
            return;
        }
        Thread t = new Thread(
                () -> {
                    try {
                        index.ensure(es.get());
                    } catch (Exception e) {
                        log.warn(
                                "search engine not ready at startup, catalog index not created yet: {}",
                                e.getMessage());
                    }
                },
                "catalog-index-ensure");
        t.setDaemon(true);
        t.start(); // never holds up startup: a hanging engine would otherwise cost the indexing timeout
    }

    @PreDestroy
    void stop() {
        indexer.stop();
    }
}
