package cn.huinong.monitoring;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/** A page of slow-moving products ({items, page, size, total}), longest without a sale first (never sold first). */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
public record SlowProductPage(List<SlowProduct> items, int page, int size, long total, int days) {}
