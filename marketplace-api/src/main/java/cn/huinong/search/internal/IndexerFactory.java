package cn.huinong.search.internal;

import cn.huinong.indexer.CatalogIndex;
import cn.huinong.indexer.ElasticsearchClients;
import cn.huinong.indexer.OutboxIndexer;
import cn.huinong.indexer.Rebuilder;
import cn.huinong.search.IndexerSettings;
import cn.huinong.search.SearchSettings;
import co.elastic.clients.elasticsearch.ElasticsearchClient;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Primary;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.time.Duration;
import javax.sql.DataSource;

/** The catalog-indexer library wired into the app: one client, one index definition, one indexer, one rebuilder. */
@Factory
class IndexerFactory {

    @Singleton
    @Named("catalog")
    ObjectMapper catalogJson() {
        return ElasticsearchClients.objectMapper();
    }

    /** For indexing and operations: bulks may take a while. */
    @Singleton
    @Primary
    @Bean(preDestroy = "close")
    ClosableClient elasticsearch(SearchSettings settings) {
        return new ClosableClient(ElasticsearchClients.connect(settings.url(), settings.timeoutOrDefault()));
    }

    /** For searches: gives up after {@code huinong.elasticsearch.timeout}, and search answers from PostgreSQL. */
    @Singleton
    @Named("search")
    @Bean(preDestroy = "close")
    ClosableClient searchClient(SearchSettings settings) {
        return new ClosableClient(ElasticsearchClients.connect(settings.url(), settings.timeoutOrDefault(), settings.timeoutOrDefault()));
    }

    @Singleton
    CatalogIndex catalogIndex(IndexerSettings settings) {
        return new CatalogIndex(settings.aliasPrefixOrDefault());
    }

    /** The indexer manages its own transactions: it gets the pool itself, not Micronaut's transaction-aware proxy. */
    @Singleton
    OutboxIndexer outboxIndexer(DataSource dataSource, ClosableClient es, CatalogIndex index, IndexerSettings settings,
                                @Named("catalog") ObjectMapper json) {
        return new OutboxIndexer(DelegatingDataSource.unwrapDataSource(dataSource), es.client(), index, json,
                settings.batchSizeOrDefault(), settings.pollIntervalOrDefault(), Duration.ofSeconds(30));
    }

    @Singleton
    Rebuilder rebuilder(DataSource dataSource, ClosableClient es, CatalogIndex index, @Named("catalog") ObjectMapper json) {
        return new Rebuilder(DelegatingDataSource.unwrapDataSource(dataSource), es.client(), index, json, 500);
    }

    /** The client with a close method Micronaut can call on shutdown. */
    record ClosableClient(ElasticsearchClient client) {
        void close() {
            ElasticsearchClients.close(client);
        }
    }
}
