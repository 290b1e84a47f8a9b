package cn.huinong.quota;

import cn.huinong.shared.PageQuery;
import cn.huinong.shared.PageResponse;
import java.util.List;
import java.util.function.Consumer;

/**
 * The reserved share's figures per unit and region, for monitoring: approved buyer units (whether they filed or
 * not) joined with {@code quota_unit_figures}, one GROUP BY per summary. No authorisation here: the caller scopes.
 */
public interface QuotaFigures {

    /** Totals grouped by the first {@code groupPrefixLength} digits of the region code (2, 4 or 6). */
    List<RegionFigures> grouped(UnitQuery query, int groupPrefixLength);

    PageResponse<UnitFigures> units(UnitQuery query, PageQuery page);

    /** Booked eligible money per month (1-12, Asia/Shanghai, month of the original payment) of the query's units. */
    long[] monthly(UnitQuery query);

    /** Every unit of the query, streamed from a database cursor in one read-only transaction. */
    void forEachUnit(UnitQuery query, Consumer<UnitFigures> sink);
}
