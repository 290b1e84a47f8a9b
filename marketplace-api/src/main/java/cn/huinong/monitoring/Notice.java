package cn.huinong.monitoring;

import cn.huinong.quota.UnitFigures;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The half-yearly notice (通报) of a region: the year's figures as booked when it is made (the ledger keeps no
 * per-unit cut at the end of the half), with pace and lagging judged at {@code asOf}, the last day of the half (or
 * today, if earlier). Lists are cut at {@link #LIST_LIMIT} rows; the counts say how
 * many there are.
 */
public record Notice(
        String title,
        int year,
        int half,
        LocalDate asOf,
        Instant generatedAt,
        RegionSummary summary,
        List<UnitFigures> top,
        List<UnitFigures> bottom,
        List<UnitFigures> notFiled,
        long notFiledCount,
        List<UnitFigures> lagging,
        long laggingCount) {

    public static final int LIST_LIMIT = 200;
    public static final int RANKING = 10;
}
