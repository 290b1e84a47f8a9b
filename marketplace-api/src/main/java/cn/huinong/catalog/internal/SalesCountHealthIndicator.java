package cn.huinong.catalog.internal;

import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.AbstractHealthIndicator;
import jakarta.inject.Singleton;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reports the sales counts in /health: DEGRADED (with a reason in Chinese, for operators) while the job's runs fail,
 * never DOWN: orders, payments and search all work, only the products' sales counts wait. UP otherwise, also when
 * the job is not embedded here (another instance or process runs it). Details are shown to operators only
 * (cn.huinong.web.HealthEndpointForOperators).
 */
@Singleton
class SalesCountHealthIndicator extends AbstractHealthIndicator<Map<String, Object>> {

    static final HealthStatus DEGRADED = new HealthStatus("DEGRADED", "销量统计未能更新", true, 500);

    private final SalesCountRuns runs;
    private final SalesCountSettings settings;

    SalesCountHealthIndicator(SalesCountRuns runs, SalesCountSettings settings) {
        this.runs = runs;
        this.settings = settings;
    }

    @Override
    protected Map<String, Object> getHealthInformation() {
        Map<String, Object> info = new LinkedHashMap<>();
        info.put("embedded", settings.embedded());
        runs.lastSuccess().ifPresent(t -> info.put("lastSuccess", t.toString()));
        healthStatus = HealthStatus.UP;
        runs.failing().ifPresent(f -> {
            info.put("failedRuns", f.runs());
            info.put("failingSince", f.since().toString());
            info.put("reason", "销量统计连续 " + f.runs() + " 次未能更新（" + f.error() + "），商品销量与按销量排序暂未跟上订单");
            healthStatus = DEGRADED;
        });
        return info;
    }

    @Override
    protected String getName() {
        return "salesCounts";
    }
}
