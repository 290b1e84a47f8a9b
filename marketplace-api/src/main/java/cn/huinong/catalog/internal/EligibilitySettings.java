package cn.huinong.catalog.internal;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import java.util.List;
import java.util.Set;

/** Provinces (GB/T 2260 codes) whose products also need a valid 帮扶产品认定 to count toward the reserved share. */
@ConfigurationProperties("huinong.catalog.eligibility")
record EligibilitySettings(@Nullable List<String> requireAssistanceRecognitionProvinces) {

    Set<String> provinces() {
        return requireAssistanceRecognitionProvinces == null
                ? Set.of()
                : Set.copyOf(requireAssistanceRecognitionProvinces);
    }
}
