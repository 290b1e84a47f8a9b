package cn.huinong.quota;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * What a filing for {@code year} must reach, before filing (for the form's live minimum): the floor of the unit's
 * province for the year, and {@code floorPercent} = the approved ratio exception's ratio if the unit has one, else
 * the province floor; the minimum reserve is ceil(annual x floorPercent / 100) fen. {@code lateIfFiledNow} when
 * today (Asia/Shanghai) is after the deadline.
 */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
public record FloorView(
        int year,
        String provinceCode,
        BigDecimal provinceFloorPercent,
        BigDecimal floorPercent,
        @Nullable Long ratioExceptionId,
        LocalDate deadline,
        boolean lateIfFiledNow) {}
