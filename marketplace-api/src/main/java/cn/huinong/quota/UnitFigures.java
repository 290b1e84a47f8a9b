package cn.huinong.quota;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.math.BigDecimal;

/**
 * One unit's figures for a year, as monitoring lists them. {@code eligibleSpentFen} counts where it belongs (a
 * SHARED member's purchases at its representative); {@code completionRate} is null without a reserve.
 */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
public record UnitFigures(long organizationId, String name, String creditCode, String regionCode,
                          @Nullable String regionName, @Nullable Long parentOrganizationId, boolean filed,
                          @Nullable Canteen canteen, boolean late, long annualCanteenProcurementFen, long reservedFen,
                          long eligibleSpentFen, @Nullable BigDecimal completionRate, UnitStatus status,
                          @Nullable Long representativeOrganizationId) {
}
