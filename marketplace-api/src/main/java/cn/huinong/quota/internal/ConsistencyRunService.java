package cn.huinong.quota.internal;

import cn.huinong.quota.ConsistencyRun;
import cn.huinong.quota.ConsistencyRuns;
import cn.huinong.quota.Quotas;
import cn.huinong.shared.Actor;
import cn.huinong.shared.PageQuery;
import cn.huinong.shared.PageResponse;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts a check in a committed RUNNING row, runs it on its own thread (the same read-only recomputation as the
 * synchronous command) and records the outcome. A run left RUNNING by a stopped process is marked FAILED at startup.
 */
@Singleton
class ConsistencyRunService implements ConsistencyRuns {

    private static final Logger LOG = LoggerFactory.getLogger(ConsistencyRunService.class);

    private final ConsistencyRunStore store;
    private final Quotas quotas;
    private final ExecutorService runner = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "quota-consistency");
        t.setDaemon(true);
        return t;
    });

    ConsistencyRunService(ConsistencyRunStore store, Quotas quotas) {
        this.store = store;
        this.quotas = quotas;
    }

    @EventListener
    void onStartup(StartupEvent event) {
        int abandoned = store.abandonRunning();
        if (abandoned > 0) {
            LOG.warn("{} consistency check(s) left running by a stopped process marked FAILED", abandoned);
        }
    }

    @Override
    public ConsistencyRun start(int year, Actor actor) {
        QuotaCallers.checkYear(year);
        long id = store.open(year, actor);
        runner.submit(() -> {
            try {
                store.finish(id, quotas.consistencyCheck(year), actor);
            } catch (RuntimeException e) {
                LOG.error("consistency check {} of {} failed", id, year, e);
                store.fail(id, "核对失败：" + e.getClass().getSimpleName(), actor);
            }
        });
        return store.view(id);
    }

    @Override
    public PageResponse<ConsistencyRun> list(PageQuery page) {
        return store.list(page);
    }

    @Override
    public ConsistencyRun view(long id) {
        return store.view(id);
    }

    @PreDestroy
    void shutdown() {
        runner.shutdownNow();
    }
}
