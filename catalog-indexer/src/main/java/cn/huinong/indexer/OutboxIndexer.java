package cn.huinong.indexer;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Drains {@code catalog_outbox} into Elasticsearch. One batch is one database transaction:
 * claim up to {@code batchSize} rows ({@code FOR UPDATE SKIP LOCKED}, so several indexers can run at
 * once), read the products' current documents, bulk-write them with external versions to the alias
 * (and to the index being rebuilt, if any), then delete the claimed rows and commit. When Elasticsearch
 * fails, the transaction rolls back: the rows stay ({@code last_error} noted) and are retried after a
 * back-off. Nothing is lost while the engine is down.
 *
 * <p>A document Elasticsearch rejects for what it is (a value its mapping cannot take) does not hold
 * up the others: the other rows of the batch are done, the rejected product's rows get
 * {@code attempts + 1} and the reason in {@code last_error}, and after {@value #MAX_ATTEMPTS} attempts
 * they are parked (no longer claimed; counted as {@code parked} in the metrics). The next successful
 * write of that product (a corrected document, new outbox row) removes its parked rows.
 */
public final class OutboxIndexer {

    private static final Logger log = LoggerFactory.getLogger(OutboxIndexer.class);
    public static final int MAX_ATTEMPTS = 5;

    private final DataSource dataSource;
    private final EngineClient engine;
    private final CatalogIndex index;
    private final DocumentStore documents;
    private final IndexWriter writer;
    private final int batchSize;
    private final Duration pollInterval;
    private final Duration maxBackoff;
    private final IndexerCounters counters;
    private final OutboxTable outbox = new OutboxTable(MAX_ATTEMPTS);

    private volatile boolean running;
    private volatile boolean stopRequested;
    private volatile Thread loopThread;
    private volatile boolean sleeping;

    /**
     * An indexer that asks {@code engine} for the client on every batch, and tells it about every failure, so that
     * a client whose I/O reactor died is replaced and the loop carries on with the new one.
     */
    public OutboxIndexer(
            DataSource dataSource,
            EngineClient engine,
            CatalogIndex index,
            ObjectMapper json,
            int batchSize,
            Duration pollInterval,
            Duration maxBackoff,
            Clock clock) {
        this.dataSource = dataSource;
        this.engine = engine;
        this.index = index;
        this.documents = new DocumentStore(json);
        this.writer = new IndexWriter(engine);
        this.batchSize = batchSize;
        this.pollInterval = pollInterval;
        this.maxBackoff = maxBackoff;
        this.counters = new IndexerCounters(clock);
    }

    /** An indexer over a client its caller owns (never replaced here). */
    public OutboxIndexer(
            DataSource dataSource,
            ElasticsearchClient es,
            CatalogIndex index,
            ObjectMapper json,
            int batchSize,
            Duration pollInterval,
            Duration maxBackoff) {
        this(dataSource, EngineClient.of(es), index, json, batchSize, pollInterval, maxBackoff, Clock.systemUTC());
    }

    /**
     * Processes one batch. Returns the number of outbox rows consumed (0 when the outbox is empty).
     * Throws when Elasticsearch (or the database) fails, whatever the failure (an Error included); the claimed
     * rows then stay in the outbox, and a client found broken is replaced for the next batch.
     */
    public int processBatch() throws IOException, SQLException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                int consumed = processBatch(c);
                c.commit();
                if (consumed > 0) {
                    counters.batchCommitted();
                }
                return consumed;
            } catch (Throwable e) {
                rollbackQuietly(c, e);
                throw e;
            }
        } catch (Throwable e) {
            counters.failed(e);
            engine.recover(e);
            throw e;
        }
    }

    private int processBatch(Connection c) throws IOException, SQLException {
        OutboxTable.Claim claim = outbox.claim(c, batchSize);
        if (claim.isEmpty()) {
            return 0;
        }
        Map<Long, DocumentRow> rows = documents.load(c, claim.versions().keySet());
        List<IndexWriter.Change> changes = new ArrayList<>();
        claim.versions().forEach((productId, outboxVersion) -> {
            DocumentRow row = rows.get(productId);
            changes.add(
                    row == null ? IndexWriter.Change.deleted(productId, outboxVersion) : IndexWriter.Change.of(row));
        });
        // Resolved after the rows were claimed: a rebuild that started before a row became visible is seen here.
        List<String> targets = writeTargets();
        IndexWriter.Result result = writer.write(changes, targets);
        if (!result.ok()) {
            throw new IOException("bulk failed: " + result.failure());
        }
        List<Long> done = new ArrayList<>();
        List<Long> doneProducts = new ArrayList<>();
        claim.idsByProduct().forEach((productId, ids) -> {
            if (!result.rejected().containsKey(productId)) {
                done.addAll(ids);
                doneProducts.add(productId);
            }
        });
        outbox.removeDone(c, done, doneProducts);
        if (!result.rejected().isEmpty()) {
            outbox.noteRejected(c, result.rejected(), claim.idsByProduct());
            Map.Entry<Long, String> first =
                    result.rejected().entrySet().iterator().next();
            counters.failed("product " + first.getKey() + " rejected: " + first.getValue());
            log.warn(
                    "Elasticsearch rejected {} document(s), e.g. {}",
                    result.rejected().size(),
                    counters.lastError());
        }
        counters.batchDone(changes.size() - result.rejected().size());
        return claim.rows();
    }

    private static void rollbackQuietly(Connection c, Throwable cause) {
        try {
            c.rollback();
        } catch (SQLException | RuntimeException e) {
            cause.addSuppressed(e);
        }
    }

    private List<String> writeTargets() throws IOException {
        Optional<String> rebuilding = index.rebuildingIndex(engine.get());
        return rebuilding.isPresent() ? List.of(index.alias(), index.rebuildingAlias()) : List.of(index.alias());
    }

    /** Processes batches until the outbox is empty (tests and the one-shot CLI). Throws on the first failure. */
    public int drain() throws IOException, SQLException {
        int total = 0;
        int n;
        while ((n = processBatch()) > 0) {
            total += n;
        }
        return total;
    }

    /**
     * Runs until {@link #stop()}: makes sure the index exists, processes batches, sleeps
     * {@code pollInterval} when idle, and backs off exponentially (up to {@code maxBackoff}) on failures.
     * Survives every failure short of the VM's own ({@link VirtualMachineError}: out of memory, stack
     * overflow, internal error; the process is then beyond help and ends, see ops/run): a broken client is
     * replaced and the next batch goes through the new one.
     */
    public void run() {
        running = true;
        loopThread = Thread.currentThread();
        int failures = 0;
        boolean indexReady = false;
        try {
            while (!stopRequested) {
                long rebuildsBefore = engine.rebuilds();
                try {
                    if (!indexReady) {
                        index.ensure(engine.get());
                        indexReady = true;
                    }
                    int n = processBatch();
                    failures = 0;
                    if (n == 0) {
                        sleep(pollInterval);
                    }
                } catch (VirtualMachineError e) {
                    throw e;
                } catch (Throwable e) {
                    if (!indexReady) {
                        counters.failed(e);
                        engine.recover(e);
                    }
                    failures++;
                    long backoff = Math.min(maxBackoff.toMillis(), 250L << Math.min(failures, 10));
                    if (engine.rebuilds() != rebuildsBefore) {
                        backoff = Math.min(backoff, pollInterval.toMillis()); // a new client: try it soon
                    }
                    log.warn(
                            "catalog outbox batch failed ({} in a row), retrying in {} ms: {}",
                            failures,
                            backoff,
                            IndexerCounters.describe(e));
                    recordAttempt(e);
                    sleep(Duration.ofMillis(backoff));
                }
            }
        } finally {
            running = false;
            loopThread = null;
        }
    }

    /** Starts {@link #run()} on a daemon thread. */
    public Thread start(String threadName) {
        stopRequested = false;
        Thread t = new Thread(this::run, threadName);
        t.setDaemon(true);
        t.start();
        return t;
    }

    public void stop() {
        stopRequested = true;
        Thread t = loopThread;
        if (t != null && sleeping) {
            t.interrupt(); // only a sleep is cut short; a batch in flight finishes (or rolls back) normally
        }
    }

    public IndexerMetrics metrics() {
        OutboxTable.Backlog backlog = new OutboxTable.Backlog(-1, -1, -1);
        try (Connection c = dataSource.getConnection()) {
            backlog = outbox.backlog(c);
        } catch (SQLException e) {
            log.warn("could not read the outbox backlog: {}", e.getMessage());
        }
        return counters.snapshot(running, backlog);
    }

    /** Notes a failed batch on the oldest waiting rows, outside the rolled-back transaction. */
    private void recordAttempt(Throwable e) {
        try (Connection c = dataSource.getConnection()) {
            outbox.noteFailedAttempt(c, IndexerCounters.describe(e), batchSize);
        } catch (VirtualMachineError vm) {
            throw vm;
        } catch (Throwable ignored) {
            // the database itself (or whatever failed the batch) may be what fails here too
        }
    }

    private void sleep(Duration d) {
        if (stopRequested) {
            return;
        }
        sleeping = true;
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            // stop() interrupts the sleep; the loop checks stopRequested
        } finally {
            sleeping = false;
        }
    }
}
