package cn.huinong.catalog.internal;

import cn.huinong.catalog.EligibilityPolicy;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;

@Factory
class CatalogBeans {

    @Singleton
    EligibilityPolicy eligibilityPolicy(EligibilitySettings settings) {
        return new EligibilityPolicy(settings.provinces());
    }
}
