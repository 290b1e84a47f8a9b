package cn.huinong.quota.internal;

import cn.huinong.quota.Canteen;
import cn.huinong.quota.DueUnit;
import cn.huinong.quota.ProgressView;
import cn.huinong.quota.QuotaRules;
import cn.huinong.quota.ReminderReason;
import cn.huinong.quota.UnitReminders.Alert;
import cn.huinong.quota.UnitReminders.AlertKind;
import cn.huinong.quota.UnitReminders.Severity;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/** What a reminder and a unit's alerts say, in words: pure, no database. */
final class ReminderTexts {

    /** A unit that has not filed is warned this many days before its deadline (before that: a plain notice). */
    static final int DUE_SOON_DAYS = 30;

    private ReminderTexts() {}

    /** The message a due unit is sent. */
    static String message(int year, DueUnit u) {
        if (u.reason() == ReminderReason.NOT_FILED) {
            return u.overdue()
                    ? "贵单位" + year + "年度预留份额计划的填报已于" + u.deadline() + "截止，已逾期" + (-u.daysLeft()) + "天，请尽快补报。"
                    : "贵单位尚未填报" + year + "年度预留份额计划，填报截止日为" + u.deadline() + "（还有" + u.daysLeft() + "天），请按时填报。";
        }
        return "贵单位" + year + "年度预留份额采购进度滞后：按序时进度应完成" + QuotaRules.yuan(u.expectedByNowFen())
                + "元，已完成" + QuotaRules.yuan(u.eligibleSpentFen()) + "元，还差" + QuotaRules.yuan(u.gapFen())
                + "元，请加快采购。";
    }

    /** The unit's alert about its own progress on {@code today}: not filed (by urgency), behind the pace, or none. */
    static Optional<Alert> progress(int year, ProgressView p, LocalDate today) {
        if (!p.filed()) {
            int daysLeft = (int) ChronoUnit.DAYS.between(today, p.deadline());
            if (daysLeft < 0) {
                return Optional.of(new Alert(
                        AlertKind.NOT_FILED_OVERDUE,
                        Severity.ERROR,
                        year + "年度预留份额计划已逾期未填报",
                        "填报截止日为" + p.deadline() + "，已逾期" + (-daysLeft) + "天。请尽快补报，补报将标记为逾期填报。",
                        null,
                        daysLeft));
            } else if (daysLeft <= DUE_SOON_DAYS) {
                return Optional.of(new Alert(
                        AlertKind.NOT_FILED_DUE_SOON,
                        Severity.WARNING,
                        "距" + year + "年度预留份额计划填报截止还有" + daysLeft + "天",
                        "填报截止日为" + p.deadline() + "，请尽快完成填报。",
                        null,
                        daysLeft));
            }
            return Optional.of(new Alert(
                    AlertKind.NOT_FILED,
                    Severity.INFO,
                    "尚未填报" + year + "年度预留份额计划",
                    "填报截止日为" + p.deadline() + "。",
                    null,
                    daysLeft));
        }
        if (p.reservedFen() > 0 && !p.onPace()) {
            long gap = Math.max(0, p.expectedByNowFen() - p.eligibleSpentFen());
            boolean member = p.canteen() == Canteen.SHARED;
            return Optional.of(new Alert(
                    AlertKind.BEHIND_PACE,
                    Severity.WARNING,
                    (member ? "共用食堂（计入代表单位）" : "") + year + "年度预留份额采购进度滞后",
                    "按序时进度应完成" + QuotaRules.yuan(p.expectedByNowFen()) + "元，已完成"
                            + QuotaRules.yuan(p.eligibleSpentFen()) + "元，还需采购" + QuotaRules.yuan(gap)
                            + "元才能回到序时进度。",
                    gap,
                    null));
        }
        return Optional.empty();
    }

    /** The unit's latest ratio exception for the year, as an alert. */
    static Alert exception(ReminderStore.LatestException e) {
        String ratio = QuotaRules.percent(e.ratioBasisPoints()).toPlainString() + "%";
        return switch (e.status()) {
            case "PENDING" ->
                new Alert(
                        AlertKind.EXCEPTION_PENDING,
                        Severity.INFO,
                        "比例申请（" + ratio + "）待审核",
                        "监管部门审核后，按批准的比例计算预留份额下限。",
                        null,
                        null);
            case "APPROVED" ->
                new Alert(
                        AlertKind.EXCEPTION_APPROVED,
                        Severity.SUCCESS,
                        "比例申请已批准：预留比例" + ratio,
                        "如已填报，请按新比例核对预留份额。",
                        null,
                        null);
            default ->
                new Alert(
                        AlertKind.EXCEPTION_REJECTED,
                        Severity.WARNING,
                        "比例申请（" + ratio + "）被驳回",
                        "驳回理由：" + (e.decisionReason() == null ? "未说明" : e.decisionReason()) + "。预留份额须达到本省下限。",
                        null,
                        null);
        };
    }
}
