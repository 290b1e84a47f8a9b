package cn.huinong.monitoring;

import cn.huinong.quota.DueUnit;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/** A page of units due a reminder ({items, page, size, total}), named for the OpenAPI document. */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
public record DueUnitPage(List<DueUnit> items, int page, int size, long total, int withinDays) {}
