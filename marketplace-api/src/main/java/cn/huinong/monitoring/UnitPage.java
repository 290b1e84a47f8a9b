package cn.huinong.monitoring;

import cn.huinong.quota.UnitFigures;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/** A page of units ({items, page, size, total}), named for the OpenAPI document. */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
public record UnitPage(List<UnitFigures> items, int page, int size, long total) {}
