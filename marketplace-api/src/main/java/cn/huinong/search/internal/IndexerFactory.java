package cn.huinong.search.internal;

import cn.huinong.indexer.CatalogIndex;
import cn.huinong.indexer.ElasticsearchClients;
import cn.huinong.indexer.EngineClient;
import cn.huinong.indexer.OutboxIndexer;
import cn.huinong.indexer.Rebuilder;
import cn.huinong.search.IndexerSettings;
import cn.huinong.search.SearchSettings;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import javax.sql.DataSource;

/**
 * The catalog-indexer library wired into the app: one self-healing client holder (searches, the outbox indexer,
 * the rebuilder and health all ask it for the client, so a client rebuilt after its I/O reactor died serves
 * them all), one index definition, one indexer, one rebuilder.
 */
@Factory
class IndexerFactory {

    @Singleton
    @Named("catalog")
    ObjectMapper catalogJson() {
        return ElasticsearchClients.objectMapper();
    }

    /**
     * Connects within {@code huinong.elasticsearch.timeout}; bulks may take up to 30 s, searches
     * ({@link EngineClient#forSearch()}) give up after the timeout and are answered from PostgreSQL.
     */
    @Singleton
    @Bean(preDestroy = "close")
    EngineClient engineClient(SearchSettings settings) {
        Duration timeout = settings.timeoutOrDefault();
        Duration bulk = Duration.ofSeconds(30).compareTo(timeout) > 0 ? Duration.ofSeconds(30) : timeout;
        return EngineClient.connect(settings.url(), timeout, bulk, timeout);
    }

    @Singleton
    CatalogIndex catalogIndex(IndexerSettings settings) {
        return new CatalogIndex(settings.aliasPrefixOrDefault());
    }

    /** The indexer manages its own transactions: it gets the pool itself, not Micronaut's transaction-aware proxy. */
    @Singleton
    OutboxIndexer outboxIndexer(
            DataSource dataSource,
            EngineClient es,
            CatalogIndex index,
            IndexerSettings settings,
            @Named("catalog") ObjectMapper json,
            Clock clock) {
        return new OutboxIndexer(
                DelegatingDataSource.unwrapDataSource(dataSource),
                es,
                index,
                json,
                settings.batchSizeOrDefault(),
                settings.pollIntervalOrDefault(),
                Duration.ofSeconds(30),
                clock);
    }

    @Singleton
    Rebuilder rebuilder(
            DataSource dataSource,
            EngineClient es,
            CatalogIndex index,
            @Named("catalog") ObjectMapper json,
            Clock clock) {
        return new Rebuilder(DelegatingDataSource.unwrapDataSource(dataSource), es, index, json, 500, clock);
    }
}
