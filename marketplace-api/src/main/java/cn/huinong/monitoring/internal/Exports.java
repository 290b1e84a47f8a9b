package cn.huinong.monitoring.internal;

import cn.huinong.monitoring.ExportFormat;
import cn.huinong.monitoring.RegionSummary;
import cn.huinong.monitoring.SlowProduct;
import cn.huinong.monitoring.SupplyDimension;
import cn.huinong.monitoring.SupplySide;
import cn.huinong.quota.Canteen;
import cn.huinong.quota.QuotaFigures;
import cn.huinong.quota.QuotaRules;
import cn.huinong.quota.UnitFigures;
import cn.huinong.quota.UnitQuery;
import cn.huinong.shared.csv.CsvWriter;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * Unit lists as files for Excel users: Chinese headers, money in yuan with two decimals. CSV is UTF-8 with a BOM
 * (so Excel reads the Chinese), streamed row by row; XLSX is written with POI's streaming workbook (a window of rows
 * in memory), up to the format's 1,048,575 data rows.
 */
@Singleton
class Exports {

    static final List<String> HEADERS = List.of(
            "单位ID",
            "单位名称",
            "统一社会信用代码",
            "行政区划代码",
            "行政区划",
            "是否填报",
            "食堂情况",
            "年度食堂食材采购总额（元）",
            "预留份额（元）",
            "已完成金额（元）",
            "完成率",
            "状态",
            "逾期填报",
            "共用食堂代表单位ID",
            "填报截止日");
    static final int XLSX_MAX_ROWS = 1_048_575;

    private final QuotaFigures figures;

    Exports(QuotaFigures figures) {
        this.figures = figures;
    }

    void write(UnitQuery query, ExportFormat format, OutputStream out) {
        table(HEADERS, sink -> figures.forEachUnit(query, u -> sink.accept(cells(u))), format, "预留份额", out);
    }

    /** Rows that a source pushes into a sink (a database cursor, usually), written as one CSV or one-sheet XLSX. */
    interface Rows {
        void each(Consumer<List<Object>> sink);
    }

    void table(List<String> headers, Rows rows, ExportFormat format, String sheetName, OutputStream out) {
        try {
            if (format == ExportFormat.CSV) {
                CsvWriter w = CsvWriter.open(out);
                csvTable(w, headers, rows);
                w.flush();
            } else {
                SXSSFWorkbook wb = new SXSSFWorkbook(200);
                try {
                    sheet(wb, sheetName, headers, rows);
                    wb.write(out);
                    out.flush();
                } finally {
                    wb.dispose();
                    wb.close();
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static final List<String> SUMMARY_HEADERS =
            List.of("行政区划代码", "地区", "预算单位（家）", "已填报（家）", "预留份额（元）", "已完成金额（元）", "完成率", "已完成单位（家）", "进度滞后单位（家）");
    static final List<String> TREND_HEADERS = List.of("月份", "当月完成额（元）", "累计完成额（元）", "按序时进度应累计完成（元）");

    /** The children of a summary, then its total. */
    static List<List<Object>> summaryRows(RegionSummary s) {
        List<List<Object>> rows = new ArrayList<>();
        for (RegionSummary.ChildSummary c : s.children()) {
            rows.add(List.of(
                    c.code(),
                    c.name(),
                    c.units(),
                    c.filedUnits(),
                    yuan(c.reservedFen()),
                    yuan(c.eligibleSpentFen()),
                    orEmpty(percent(c.completionRate())),
                    c.completedUnits(),
                    c.laggingUnits()));
        }
        rows.add(List.of(
                s.region().code(),
                s.region().name() + "合计",
                s.units(),
                s.filedUnits(),
                yuan(s.reservedFen()),
                yuan(s.eligibleSpentFen()),
                orEmpty(percent(s.completionRate())),
                s.completedUnits(),
                s.laggingUnits()));
        return rows;
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }

    static final List<String> SUPPLY_HEADERS =
            List.of("代码", "名称", "实付金额（元）", "退款金额（元）", "净销售额（元）", "其中计入预留份额（元）", "订单数", "数量");

    /** The supply side: CSV as one table with a leading 分组 column (the total first), XLSX one sheet per grouping. */
    void supply(
            SupplySide.Sales totals,
            Map<SupplyDimension, List<SupplySide.Entry>> groupings,
            ExportFormat format,
            OutputStream out) {
        try {
            if (format == ExportFormat.CSV) {
                CsvWriter w = CsvWriter.open(out);
                List<String> headers = new ArrayList<>();
                headers.add("分组");
                headers.addAll(SUPPLY_HEADERS);
                csvTable(w, headers, sink -> {
                    sink.accept(supplyCells(
                            "合计",
                            new SupplySide.Entry(
                                    null,
                                    "合计",
                                    totals.paidFen(),
                                    totals.refundedFen(),
                                    totals.totalFen(),
                                    totals.eligibleFen(),
                                    totals.orders(),
                                    totals.quantity())));
                    groupings.forEach((d, entries) -> entries.forEach(e -> sink.accept(supplyCells(d.label(), e))));
                });
                w.flush();
                return;
            }
            SXSSFWorkbook wb = new SXSSFWorkbook(200);
            try {
                groupings.forEach((d, entries) -> sheet(
                        wb,
                        "按" + d.label(),
                        SUPPLY_HEADERS,
                        sink -> entries.forEach(e -> sink.accept(supplyCells(null, e)))));
                wb.write(out);
                out.flush();
            } finally {
                wb.dispose();
                wb.close();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<Object> supplyCells(String group, SupplySide.Entry e) {
        List<Object> cells = new ArrayList<>();
        if (group != null) {
            cells.add(group);
        }
        cells.add(e.key());
        cells.add(e.name());
        cells.add(yuan(e.paidFen()));
        cells.add(yuan(e.refundedFen()));
        cells.add(yuan(e.totalFen()));
        cells.add(yuan(e.eligibleFen()));
        cells.add(e.orders());
        cells.add(e.quantity());
        return cells;
    }

    /** The headers, then every row (cells as text: BigDecimal plain, null empty), through the one CSV writer. */
    static void csvTable(CsvWriter w, List<String> headers, Rows rows) throws IOException {
        w.row(headers);
        rows.each(cells -> {
            try {
                w.row(cells);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    static List<Object> cells(UnitFigures u) {
        return java.util.Arrays.asList(
                u.organizationId(),
                u.name(),
                u.creditCode(),
                u.regionCode(),
                u.regionName(),
                u.filed() ? "是" : "否",
                u.canteen() == null ? null : label(u.canteen()),
                yuan(u.annualCanteenProcurementFen()),
                yuan(u.reservedFen()),
                yuan(u.eligibleSpentFen()),
                percent(u.completionRate()),
                u.status().label(),
                u.late() ? "是" : "否",
                u.representativeOrganizationId(),
                u.deadline());
    }

    static final List<String> SLOW_HEADERS =
            List.of("商品ID", "商品名称", "品类", "供应商ID", "供应商名称", "产地代码", "产地", "单价（元）", "库存", "上架时间", "最近销售时间", "距最近销售天数");

    static List<Object> slowCells(SlowProduct p) {
        return java.util.Arrays.asList(
                p.productId(),
                p.name(),
                p.categoryName(),
                p.supplierId(),
                p.supplierName(),
                p.originRegionCode(),
                p.originRegionName(),
                yuan(p.priceFen()),
                p.stock(),
                local(p.listedAt()),
                p.lastSoldAt() == null ? "从未售出" : local(p.lastSoldAt()),
                p.daysSinceLastSale());
    }

    /** Date and time in Asia/Shanghai, to the minute. */
    static String local(java.time.Instant at) {
        return at == null
                ? null
                : java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
                        .format(at.atZone(QuotaRules.ZONE));
    }

    static String percent(BigDecimal rate) {
        return rate == null ? null : rate.movePointRight(2).stripTrailingZeros().toPlainString() + "%";
    }

    static BigDecimal yuan(long fen) {
        return BigDecimal.valueOf(fen, 2);
    }

    static String label(Canteen c) {
        return switch (c) {
            case OWN -> "自有食堂";
            case SHARED -> "共用食堂";
            case OUTSOURCED -> "外包食堂";
            case NONE -> "无食堂";
        };
    }

    /** One sheet of a streaming workbook: a header row, then the rows (money as numbers shown in yuan). */
    static void sheet(SXSSFWorkbook wb, String name, List<String> headers, Rows rows) {
        Sheet sheet = wb.createSheet(name);
        CellStyle money = wb.createCellStyle();
        money.setDataFormat(wb.createDataFormat().getFormat("#,##0.00"));
        Row header = sheet.createRow(0);
        for (int i = 0; i < headers.size(); i++) {
            header.createCell(i).setCellValue(headers.get(i));
        }
        int[] row = {1};
        rows.each(cells -> {
            if (row[0] > XLSX_MAX_ROWS) {
                return; // the format's limit: CSV has none
            }
            Row r = sheet.createRow(row[0]++);
            for (int i = 0; i < cells.size(); i++) {
                Object c = cells.get(i);
                if (c instanceof BigDecimal b) {
                    r.createCell(i).setCellValue(b.doubleValue());
                    r.getCell(i).setCellStyle(money);
                } else if (c instanceof Long l) {
                    r.createCell(i).setCellValue(l);
                } else if (c instanceof Integer n) {
                    r.createCell(i).setCellValue(n);
                } else if (c != null) {
                    r.createCell(i).setCellValue(c.toString());
                }
            }
        });
    }
}
