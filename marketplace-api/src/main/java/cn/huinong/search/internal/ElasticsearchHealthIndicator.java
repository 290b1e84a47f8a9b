package cn.huinong.search.internal;

import cn.huinong.indexer.EngineClient;
import cn.huinong.indexer.IndexerMetrics;
import cn.huinong.indexer.OutboxIndexer;
import cn.huinong.search.IndexerSettings;
import cn.huinong.search.SearchSettings;
import co.elastic.clients.elasticsearch._types.HealthStatus;
import co.elastic.clients.elasticsearch.cluster.HealthResponse;
import io.micronaut.management.health.indicator.AbstractHealthIndicator;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reports search in /health, from what really serves it: the cluster's health asked through the very client
 * holder that searches use (a client whose I/O reactor died is seen, and replaced), the searches' own recent
 * failures ({@link EngineWatch}), the outbox lag against {@code huinong.indexer.max-lag}, and the embedded indexer
 * loop. Any of these makes the app DEGRADED with a {@code reason} in Chinese, never DOWN: search then answers
 * from PostgreSQL and everything else works, so load balancers keep the instance. Details (reason, backlog, lag,
 * parked rows, client rebuilds) are shown to operators only (see cn.huinong.web.HealthEndpointForOperators).
 */
@Singleton
class ElasticsearchHealthIndicator extends AbstractHealthIndicator<Map<String, Object>> {

    static final io.micronaut.health.HealthStatus DEGRADED =
            new io.micronaut.health.HealthStatus("DEGRADED", "搜索降级：由数据库应答或索引滞后", true, 500);

    private final SearchSettings settings;
    private final IndexerSettings indexerSettings;
    private final OutboxIndexer indexer;
    private final EngineClient engine;
    private final EngineWatch watch;

    ElasticsearchHealthIndicator(
            SearchSettings settings,
            IndexerSettings indexerSettings,
            OutboxIndexer indexer,
            EngineClient engine,
            EngineWatch watch) {
        this.settings = settings;
        this.indexerSettings = indexerSettings;
        this.indexer = indexer;
        this.engine = engine;
        this.watch = watch;
    }

    @Override
    protected Map<String, Object> getHealthInformation() {
        Map<String, Object> info = new LinkedHashMap<>();
        List<String> reasons = new ArrayList<>();
        if (!engine.running()) {
            reasons.add("搜索引擎客户端已停止工作（I/O reactor 已终止），正在重建");
        }
        try {
            HealthResponse h = engine.forSearch().cluster().health();
            info.put("cluster", h.status().jsonValue());
            if (h.status() == HealthStatus.Red) {
                reasons.add("搜索引擎集群状态为 red");
            }
        } catch (VirtualMachineError e) {
            throw e;
        } catch (Throwable e) {
            engine.recover(e);
            info.put("error", e.getClass().getSimpleName());
            reasons.add("搜索引擎不可用（" + e.getClass().getSimpleName() + "），搜索由数据库应答");
        }
        watch.recentFailure(settings.failureWindowOrDefault()).ifPresent(f -> reasons.add("最近的搜索请求失败，已改由数据库应答：" + f));
        IndexerMetrics m = indexer.metrics();
        long maxLag = indexerSettings.maxLagOrDefault().toSeconds();
        if (m.lagSeconds() > maxLag) {
            reasons.add("搜索索引滞后 " + Math.round(m.lagSeconds()) + " 秒（阈值 " + maxLag + " 秒），积压 " + m.backlog() + " 条");
        }
        if (indexerSettings.embeddedOrDefault() && !m.running()) {
            reasons.add("内嵌的索引程序未在运行，目录变更不会进入搜索");
        }
        if (!reasons.isEmpty()) {
            info.put("reason", String.join("；", reasons));
        }
        info.put("outboxBacklog", m.backlog());
        info.put("outboxLagSeconds", m.lagSeconds());
        info.put("outboxMaxLagSeconds", maxLag);
        info.put("outboxParked", m.parked());
        info.put("indexerRunning", m.running());
        info.put("indexerLastError", m.lastError());
        info.put("searchFailures", watch.failures());
        info.put(
                "lastSearchFailureAt",
                watch.lastFailureAt() == null ? null : watch.lastFailureAt().toString());
        info.put("clientRebuilds", engine.rebuilds());
        info.put(
                "lastClientRebuildAt",
                engine.lastRebuildAt() == null ? null : engine.lastRebuildAt().toString());
        info.put("lastClientRebuildCause", engine.lastRebuildCause());
        healthStatus = reasons.isEmpty() ? io.micronaut.health.HealthStatus.UP : DEGRADED;
        return info;
    }

    @Override
    protected String getName() {
        return "elasticsearch";
    }
}
