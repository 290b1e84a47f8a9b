package cn.huinong.search.internal;

import cn.huinong.indexer.IndexerMetrics;
import cn.huinong.indexer.OutboxIndexer;
import cn.huinong.search.SearchSettings;
import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.AbstractHealthIndicator;
import jakarta.inject.Singleton;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reports the search engine in /health. An unreachable engine makes the app DEGRADED, not DOWN:
 * search then answers from PostgreSQL, everything else works. Also shows the catalog outbox backlog,
 * its lag (age of the oldest waiting row) and parked rows.
 */
@Singleton
class ElasticsearchHealthIndicator extends AbstractHealthIndicator<Map<String, Object>> {

    static final HealthStatus DEGRADED = new HealthStatus("DEGRADED", "搜索引擎不可用，搜索由数据库应答", true, 500);
    private static final Pattern STATUS = Pattern.compile("\"status\"\\s*:\\s*\"(\\w+)\"");

    private final SearchSettings settings;
    private final OutboxIndexer indexer;
    private final HttpClient http;

    ElasticsearchHealthIndicator(SearchSettings settings, OutboxIndexer indexer) {
        this.settings = settings;
        this.indexer = indexer;
        this.http = HttpClient.newBuilder().connectTimeout(settings.timeoutOrDefault()).build();
    }

    @Override
    protected Map<String, Object> getHealthInformation() {
        Map<String, Object> info = new LinkedHashMap<>();
        try {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(settings.url() + "/_cluster/health"))
                    .timeout(settings.timeoutOrDefault()).GET().build(), HttpResponse.BodyHandlers.ofString());
            Matcher m = STATUS.matcher(r.body());
            String cluster = m.find() ? m.group(1) : "unknown";
            info.put("cluster", cluster);
            healthStatus = r.statusCode() == 200 && !"red".equals(cluster) ? HealthStatus.UP : DEGRADED;
        } catch (Exception e) {
            info.put("error", e.getClass().getSimpleName());
            healthStatus = DEGRADED;
        }
        IndexerMetrics m = indexer.metrics();
        info.put("outboxBacklog", m.backlog());
        info.put("outboxLagSeconds", m.lagSeconds());
        info.put("outboxParked", m.parked());
        return info;
    }

    @Override
    protected String getName() {
        return "elasticsearch";
    }
}
