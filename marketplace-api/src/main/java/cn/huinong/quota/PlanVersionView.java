package cn.huinong.quota;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;

/** One filing or amendment of a plan, as it was filed (history, oldest first). */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
public record PlanVersionView(
        int version,
        Canteen canteen,
        long annualCanteenProcurementFen,
        long reservedFen,
        @Nullable Long representativeOrganizationId,
        boolean unionPurchase,
        @Nullable String note,
        boolean late,
        Instant filedAt,
        String filedBy) {}
