package cn.huinong.indexer;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.transport.TransportOptions;
import co.elastic.clients.transport.rest_client.RestClientOptions;
import co.elastic.clients.transport.rest_client.RestClientTransport;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.apache.http.client.config.RequestConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one Elasticsearch client of a process, rebuilt when it can no longer work. The low-level client
 * (Apache HttpAsyncClient) stops its I/O reactor for good when an error escapes one of its callback
 * threads (an OutOfMemoryError did it): from then on every request fails ("Request cannot be executed;
 * I/O reactor status: STOPPED", "request execution cancelled") and only a new client recovers. Everyone
 * (searches, the outbox indexer, the rebuilder, health) asks this holder for the client on every use, so
 * a rebuilt client serves them all:
 * <ul>
 *   <li>{@link #get()} checks {@code RestClient.isRunning()} and swaps in a new client when the reactor stopped;</li>
 *   <li>{@link #recover(Throwable)} is told about a failed request and rebuilds when the failure shows a broken
 *       client (stopped reactor, cancelled execution), not when the engine itself is down or slow.</li>
 * </ul>
 * The replaced client is closed. A holder made with {@link #of(ElasticsearchClient)} never rebuilds (the caller owns
 * that client).
 */
public final class EngineClient implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EngineClient.class);

    static final Duration RETIRE_AFTER = Duration.ofSeconds(60);

    private final Supplier<ElasticsearchClient> factory;
    private final Duration searchTimeout;
    private volatile ElasticsearchClient current;
    private volatile ElasticsearchClient currentForSearch;
    private volatile long rebuilds;
    private volatile Instant lastRebuildAt;
    private volatile String lastRebuildCause;
    private volatile boolean closed;

    private EngineClient(Supplier<ElasticsearchClient> factory, ElasticsearchClient first, Duration searchTimeout) {
        this.factory = factory;
        this.searchTimeout = searchTimeout;
        install(first);
    }

    /**
     * A self-healing client for {@code url}: requests connect within {@code connectTimeout} and wait up to
     * {@code socketTimeout} (bulks); {@link #forSearch()} gives up after {@code searchTimeout}.
     */
    public static EngineClient connect(
            String url, Duration connectTimeout, Duration socketTimeout, Duration searchTimeout) {
        Supplier<ElasticsearchClient> factory = () -> ElasticsearchClients.connect(url, connectTimeout, socketTimeout);
        return new EngineClient(factory, factory.get(), searchTimeout);
    }

    /** A holder built from {@code factory} (tests, other configurations); rebuilt with it. */
    public static EngineClient of(Supplier<ElasticsearchClient> factory, Duration searchTimeout) {
        return new EngineClient(factory, factory.get(), searchTimeout);
    }

    /** A fixed client that is never replaced nor closed here (its owner does that). */
    public static EngineClient of(ElasticsearchClient client) {
        return new EngineClient(null, client, null);
    }

    /** The client to use now; a new one first when the current one's I/O reactor has stopped. */
    public ElasticsearchClient get() {
        ElasticsearchClient c = current;
        if (factory != null && !closed && !running(c)) {
            rebuild(c, "I/O reactor stopped");
            return current;
        }
        return c;
    }

    /** The same client with the search timeout on every request, so that a slow engine costs a search little. */
    public ElasticsearchClient forSearch() {
        get();
        return currentForSearch;
    }

    /**
     * Tells the holder that a request failed. Returns true when the failure showed a broken client (its reactor
     * stopped, its execution cancelled) and a new client has been swapped in; false for anything else (the engine
     * down, slow or refusing), which a new client would not cure.
     */
    public boolean recover(Throwable failure) {
        ElasticsearchClient c = current;
        if (factory == null || closed) {
            return false;
        }
        if (!running(c) || brokenClient(failure)) {
            rebuild(c, describe(failure));
            return true;
        }
        return false;
    }

    /** True while the current client's I/O reactor runs. */
    public boolean running() {
        return running(current);
    }

    /** How many times the client has been replaced since start. */
    public long rebuilds() {
        return rebuilds;
    }

    public Instant lastRebuildAt() {
        return lastRebuildAt;
    }

    public String lastRebuildCause() {
        return lastRebuildCause;
    }

    private synchronized void rebuild(ElasticsearchClient broken, String cause) {
        if (current != broken || closed) {
            return; // another thread replaced it already
        }
        ElasticsearchClient fresh;
        try {
            fresh = factory.get();
        } catch (RuntimeException e) {
            log.error(
                    "could not build a new Elasticsearch client (the broken one stays until the next try): {}",
                    e.toString());
            return;
        }
        install(fresh);
        rebuilds++;
        lastRebuildAt = Instant.now();
        lastRebuildCause = cause;
        log.warn("Elasticsearch client replaced (#{}): {}", rebuilds, cause);
        retire(broken);
    }

    /**
     * Closes a replaced client: at once when its reactor is dead (nothing can complete on it any more), otherwise
     * after {@link #RETIRE_AFTER}, so that requests other threads still have in flight on it finish instead of
     * waiting forever on a connection pool that was shut down under them.
     */
    private static void retire(ElasticsearchClient old) {
        if (!running(old)) {
            ElasticsearchClients.closeQuietly(old);
        } else {
            CompletableFuture.delayedExecutor(RETIRE_AFTER.toMillis(), TimeUnit.MILLISECONDS)
                    .execute(() -> ElasticsearchClients.closeQuietly(old));
        }
    }

    private void install(ElasticsearchClient client) {
        currentForSearch = searchTimeout == null ? client : withTimeout(client, searchTimeout);
        current = client;
    }

    /** The client with one request configuration (connect, pool wait and socket timeouts) for every request. */
    static ElasticsearchClient withTimeout(ElasticsearchClient client, Duration timeout) {
        TransportOptions options = client._transport().options();
        if (!(options instanceof RestClientOptions rest)) {
            return client;
        }
        int ms = (int) timeout.toMillis();
        RestClientOptions.Builder b = rest.toBuilder();
        b.restClientRequestOptionsBuilder()
                .setRequestConfig(RequestConfig.custom()
                        .setConnectTimeout(ms)
                        .setSocketTimeout(ms)
                        .setConnectionRequestTimeout(ms)
                        .build());
        return client.withTransportOptions(b.build());
    }

    static boolean running(ElasticsearchClient client) {
        return !(client._transport() instanceof RestClientTransport t)
                || t.restClient().isRunning();
    }

    /** A stopped reactor or a cancelled execution anywhere in the chain of causes. */
    static boolean brokenClient(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            String m = t.getMessage() == null ? "" : t.getMessage().toLowerCase(Locale.ROOT);
            if (t instanceof CancellationException
                    || m.contains("i/o reactor")
                    || m.contains("execution cancelled")
                    || m.contains("request was cancelled")
                    || (t instanceof IllegalStateException && m.contains("cancel"))) {
                return true;
            }
        }
        return false;
    }

    private static String describe(Throwable e) {
        String m = e.getMessage();
        String text = e.getClass().getSimpleName() + (m == null ? "" : ": " + m);
        return text.length() > 300 ? text.substring(0, 300) : text;
    }

    @Override
    public void close() {
        closed = true;
        if (factory != null) {
            ElasticsearchClients.closeQuietly(current);
        }
    }
}
