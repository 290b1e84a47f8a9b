package cn.huinong.indexer;

import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * Runs the catalog indexer as its own process (the app embeds the same classes by default).
 * <pre>
 *   java -cp ... cn.huinong.indexer.CatalogIndexerMain [--jdbc-url=URL] [--db-user=U] [--db-password=P]
 *        [--es-url=URL] [--alias-prefix=P] [--rebuild] [--once]
 * </pre>
 * Defaults come from HUINONG_DB_URL, HUINONG_DB_USER, HUINONG_DB_PASSWORD, HUINONG_ES_URL.
 * {@code --rebuild} runs a full rebuild while indexing; {@code --once} drains the outbox and exits.
 */
public final class CatalogIndexerMain {

    private CatalogIndexerMain() {}

    public static void main(String[] args) throws Exception {
        Map<String, String> opts = new HashMap<>();
        for (String arg : args) {
            if (!arg.startsWith("--")) {
                throw new IllegalArgumentException("unknown argument " + arg);
            }
            String[] kv = arg.substring(2).split("=", 2);
            opts.put(kv[0], kv.length == 2 ? kv[1] : "true");
        }
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setUrl(opts.getOrDefault("jdbc-url", env("HUINONG_DB_URL", "jdbc:postgresql://127.0.0.1:5433/huinong")));
        ds.setUser(opts.getOrDefault("db-user", env("HUINONG_DB_USER", "huinong")));
        ds.setPassword(opts.getOrDefault("db-password", env("HUINONG_DB_PASSWORD", "huinong")));
        // one self-healing client: rebuilt when its I/O reactor dies, for the loop and the rebuild alike
        EngineClient es = EngineClient.connect(
                opts.getOrDefault("es-url", env("HUINONG_ES_URL", "http://127.0.0.1:9201")),
                Duration.ofSeconds(5),
                Duration.ofSeconds(30),
                Duration.ofSeconds(5));
        CatalogIndex index = new CatalogIndex(opts.getOrDefault("alias-prefix", ""));
        OutboxIndexer indexer = new OutboxIndexer(
                ds,
                es,
                index,
                ElasticsearchClients.objectMapper(),
                200,
                Duration.ofMillis(500),
                Duration.ofSeconds(30),
                Clock.systemUTC());

        if (opts.containsKey("once")) {
            index.ensure(es.get());
            System.out.println("indexed " + indexer.drain() + " outbox rows into " + index.alias());
            es.close();
            return;
        }
        Thread loop = indexer.start("catalog-indexer");
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            indexer.stop();
            try {
                loop.join(10_000);
            } catch (InterruptedException ignored) {
                // exiting anyway
            }
            es.close();
        }));
        if (opts.containsKey("rebuild")) {
            RebuildProgress p = new Rebuilder(
                            ds, es, index, ElasticsearchClients.objectMapper(), 500, Clock.systemUTC())
                    .rebuildNow();
            System.out.println("rebuilt " + p.fromIndex() + " -> " + p.toIndex() + ": " + p.done() + " documents");
        }
        loop.join();
    }

    private static String env(String name, String fallback) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? fallback : v;
    }
}
