package cn.huinong.quota.internal;

import cn.huinong.quota.QuotaRules;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;

@Factory
class QuotaFactory {

    @Singleton
    QuotaRules quotaRules(QuotaSettings settings) {
        return settings.rules();
    }
}
