package cn.huinong.indexer;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Zero-downtime full rebuild without {@code _reindex}:
 * <ol>
 *   <li>create a new concrete index and point the rebuilding alias at it: from then on every outbox
 *       batch (in any process) writes to both the live alias and the new index;</li>
 *   <li>stream every searchable {@code product_search_document} row (keyset pagination) into the new
 *       index with external versions: the stream and the outbox writers commute, the higher version wins;</li>
 *   <li>switch in one {@code _aliases} request: the alias leaves the old index for the new one, the
 *       rebuilding alias goes; then delete the old index.</li>
 * </ol>
 * Searches keep using the alias throughout. One rebuild at a time per Rebuilder (and the rebuilding
 * alias tells other processes one is under way).
 */
public final class Rebuilder {

    private static final Logger log = LoggerFactory.getLogger(Rebuilder.class);

    private final DataSource dataSource;
    private final EngineClient engine;
    private final CatalogIndex index;
    private final DocumentStore documents;
    private final IndexWriter writer;
    private final int pageSize;
    private final Clock clock;

    private final AtomicBoolean busy = new AtomicBoolean();
    private final AtomicLong done = new AtomicLong();
    private final AtomicLong rejected = new AtomicLong();
    private volatile RebuildProgress progress = RebuildProgress.idle();

    /** A rebuilder that asks {@code engine} for the client at every step (a broken client is replaced meanwhile). */
    public Rebuilder(
            DataSource dataSource,
            EngineClient engine,
            CatalogIndex index,
            ObjectMapper json,
            int pageSize,
            Clock clock) {
        this.dataSource = dataSource;
        this.clock = clock;
        this.engine = engine;
        this.index = index;
        this.documents = new DocumentStore(json);
        this.writer = new IndexWriter(engine);
        this.pageSize = pageSize;
    }

    /** A rebuilder over a client its caller owns. */
    public Rebuilder(
            DataSource dataSource, ElasticsearchClient es, CatalogIndex index, ObjectMapper json, int pageSize) {
        this(dataSource, EngineClient.of(es), index, json, pageSize, Clock.systemUTC());
    }

    public Rebuilder(DataSource dataSource, ElasticsearchClient es, CatalogIndex index) {
        this(dataSource, EngineClient.of(es), index, ElasticsearchClients.objectMapper(), 500, Clock.systemUTC());
    }

    /** Claims the single rebuild slot; false when a rebuild is already running. Pair with {@link #rebuild()}. */
    public boolean tryStart() {
        if (!busy.compareAndSet(false, true)) {
            return false;
        }
        done.set(0);
        rejected.set(0);
        progress =
                new RebuildProgress(RebuildProgress.State.RUNNING, null, null, 0, 0, 0, 0, clock.instant(), null, null);
        return true;
    }

    /** Runs a whole rebuild in the calling thread; throws {@link IllegalStateException} if one is running. */
    public RebuildProgress rebuildNow() throws IOException, SQLException {
        if (!tryStart()) {
            throw new IllegalStateException("a rebuild is already running");
        }
        return rebuild();
    }

    /** The rebuild itself, after {@link #tryStart()} succeeded. Releases the slot at the end. */
    public RebuildProgress rebuild() throws IOException, SQLException {
        Instant started = progress.startedAt();
        String from = null;
        String to = null;
        long total = 0;
        try {
            from = index.ensure(engine.get());
            dropStaleRebuild();
            to = index.newIndexName();
            index.createIndex(engine.get(), to);
            String target = to;
            engine.get()
                    .indices()
                    .updateAliases(u ->
                            u.actions(a -> a.add(ad -> ad.index(target).alias(index.rebuildingAlias()))));
            try (Connection c = dataSource.getConnection()) {
                c.setAutoCommit(true);
                total = documents.countSearchable(c);
                progress = running(from, to, total, started);
                long after = 0;
                List<DocumentRow> page;
                while (!(page = documents.searchablePage(c, after, pageSize)).isEmpty()) {
                    IndexWriter.Result r = writer.write(
                            page.stream().map(IndexWriter.Change::of).toList(), List.of(index.rebuildingAlias()));
                    if (!r.ok()) {
                        throw new IOException("bulk failed: " + r.failure());
                    }
                    if (!r.rejected().isEmpty()) {
                        rejected.addAndGet(r.rejected().size());
                        log.warn(
                                "rebuild: Elasticsearch rejected {} document(s): {}",
                                r.rejected().size(),
                                r.rejected());
                    }
                    after = page.get(page.size() - 1).productId();
                    done.addAndGet(page.size());
                    progress = running(from, to, Math.max(total, done.get()), started);
                }
            }
            ElasticsearchClient es = engine.get();
            es.indices().refresh(r -> r.index(target));
            String old = from;
            es.indices()
                    .updateAliases(u -> u.actions(
                                    a -> a.remove(rm -> rm.index(old).alias(index.alias())))
                            .actions(a -> a.add(ad -> ad.index(target).alias(index.alias())))
                            .actions(a -> a.remove(rm -> rm.index(target).alias(index.rebuildingAlias()))));
            es.indices().delete(d -> d.index(old));
            progress = new RebuildProgress(
                    RebuildProgress.State.DONE,
                    from,
                    to,
                    done.get(),
                    Math.max(total, done.get()),
                    rejected.get(),
                    rate(started),
                    started,
                    clock.instant(),
                    null);
            log.info("catalog index rebuilt: {} -> {} ({} documents)", from, to, done.get());
            return progress;
        } catch (IOException | SQLException | RuntimeException e) {
            engine.recover(e);
            progress = new RebuildProgress(
                    RebuildProgress.State.FAILED,
                    from,
                    to,
                    done.get(),
                    total,
                    rejected.get(),
                    rate(started),
                    started,
                    clock.instant(),
                    e.getClass().getSimpleName() + ": " + e.getMessage());
            abandon(to);
            throw e;
        } finally {
            busy.set(false);
        }
    }

    public RebuildProgress progress() {
        return progress;
    }

    public boolean running() {
        return busy.get();
    }

    private RebuildProgress running(String from, String to, long total, Instant started) {
        return new RebuildProgress(
                RebuildProgress.State.RUNNING,
                from,
                to,
                done.get(),
                total,
                rejected.get(),
                rate(started),
                started,
                null,
                null);
    }

    private double rate(Instant started) {
        double seconds = Duration.between(started, clock.instant()).toMillis() / 1000.0;
        return seconds <= 0 ? 0 : Math.round(done.get() / seconds * 10) / 10.0;
    }

    /** A rebuilding alias left by a crashed rebuild: remove it and its half-built index. */
    private void dropStaleRebuild() throws IOException {
        Optional<String> stale = index.rebuildingIndex(engine.get());
        if (stale.isPresent()) {
            log.warn("removing the unfinished rebuild index {}", stale.get());
            abandon(stale.get());
        }
    }

    private void abandon(String newIndex) {
        if (newIndex == null) {
            return;
        }
        try {
            ElasticsearchClient es = engine.get();
            Optional<String> live = index.currentIndex(es);
            if (live.isPresent() && live.get().equals(newIndex)) {
                return; // the switch happened; only the old index's deletion failed
            }
            if (index.rebuildingIndex(es).isPresent()) {
                es.indices()
                        .updateAliases(u ->
                                u.actions(a -> a.remove(rm -> rm.index(newIndex).alias(index.rebuildingAlias()))));
            }
            es.indices().delete(d -> d.index(newIndex).ignoreUnavailable(true));
        } catch (IOException | RuntimeException e) {
            log.warn("could not clean up rebuild index {}: {}", newIndex, e.getMessage());
        }
    }
}
