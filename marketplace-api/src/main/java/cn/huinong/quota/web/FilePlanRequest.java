package cn.huinong.quota.web;

import cn.huinong.quota.Canteen;
import cn.huinong.quota.NewPlan;
import cn.huinong.shared.problem.InvalidInputException;
import cn.huinong.shared.problem.Violation;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.util.ArrayList;
import java.util.List;

/**
 * A yearly plan as the unit files it. OWN and OUTSOURCED need both amounts; NONE and SHARED may leave them out
 * (NONE reserves nothing; a SHARED unit names its representative, who files the shared canteen's figures).
 */
@Serdeable
record FilePlanRequest(
        @NotNull(message = "请选择食堂情况（OWN、SHARED、OUTSOURCED 或 NONE）")
        Canteen canteen,

        @Nullable @PositiveOrZero(message = "金额不能为负") @Max(value = 100_000_000_000_000L, message = "金额过大")
        Long annualCanteenProcurementFen,

        @Nullable @PositiveOrZero(message = "金额不能为负") @Max(value = 100_000_000_000_000L, message = "金额过大")
        Long reservedFen,

        @Nullable Long representativeOrganizationId,
        @Nullable Boolean unionPurchase,
        @Nullable @Size(max = 50, message = "联系人不超过50字") String contactName,
        @Nullable @Size(max = 30, message = "联系电话不超过30字") String contactPhone,
        @Nullable @Size(max = 1000, message = "备注不超过1000字") String note) {

    NewPlan toPlan() {
        if (canteen.reserves()) {
            List<Violation> missing = new ArrayList<>();
            if (annualCanteenProcurementFen == null) {
                missing.add(new Violation("annualCanteenProcurementFen", "请填写年度食堂食材采购总额"));
            }
            if (reservedFen == null) {
                missing.add(new Violation("reservedFen", "请填写预留份额"));
            }
            if (!missing.isEmpty()) {
                throw new InvalidInputException("请填写采购总额和预留份额", missing);
            }
        }
        return new NewPlan(
                canteen,
                annualCanteenProcurementFen == null ? 0 : annualCanteenProcurementFen,
                reservedFen == null ? 0 : reservedFen,
                representativeOrganizationId,
                Boolean.TRUE.equals(unionPurchase),
                contactName,
                contactPhone,
                note);
    }
}
