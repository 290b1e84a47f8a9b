package cn.huinong.monitoring.internal;

import cn.huinong.monitoring.ExportFormat;
import cn.huinong.quota.Canteen;
import cn.huinong.quota.QuotaFigures;
import cn.huinong.quota.UnitFigures;
import cn.huinong.quota.UnitQuery;
import jakarta.inject.Singleton;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
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

    static final List<String> HEADERS = List.of("单位ID", "单位名称", "统一社会信用代码", "行政区划代码", "行政区划",
            "是否填报", "食堂情况", "年度食堂食材采购总额（元）", "预留份额（元）", "已完成金额（元）", "完成率", "状态",
            "逾期填报", "共用食堂代表单位ID", "填报截止日");
    static final int XLSX_MAX_ROWS = 1_048_575;

    private final QuotaFigures figures;

    Exports(QuotaFigures figures) {
        this.figures = figures;
    }

    void write(UnitQuery query, ExportFormat format, OutputStream out) {
        try {
            if (format == ExportFormat.CSV) {
                csv(query, out);
            } else {
                xlsx(query, out);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void csv(UnitQuery query, OutputStream out) throws IOException {
        Writer w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 64 * 1024);
        w.write('\uFEFF');
        line(w, HEADERS);
        figures.forEachUnit(query, u -> {
            try {
                line(w, cells(u).stream().map(c -> c == null ? "" : c instanceof BigDecimal b ? b.toPlainString()
                        : c.toString()).toList());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        w.flush();
    }

    private static void line(Writer w, List<String> cells) throws IOException {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                w.write(',');
            }
            w.write(escape(cells.get(i)));
        }
        w.write("\r\n");
    }

    /** Quotes when needed; a leading = + - @ is neutralised so that a name never runs as a spreadsheet formula. */
    static String escape(String s) {
        String v = !s.isEmpty() && "=+-@".indexOf(s.charAt(0)) >= 0 && !s.matches("-?\\d+(\\.\\d+)?") ? "'" + s : s;
        if (v.contains(",") || v.contains("\"") || v.contains("\n") || v.contains("\r")) {
            return "\"" + v.replace("\"", "\"\"") + "\"";
        }
        return v;
    }

    private static List<Object> cells(UnitFigures u) {
        return java.util.Arrays.asList(u.organizationId(), u.name(), u.creditCode(), u.regionCode(), u.regionName(),
                u.filed() ? "是" : "否", u.canteen() == null ? null : label(u.canteen()),
                yuan(u.annualCanteenProcurementFen()), yuan(u.reservedFen()), yuan(u.eligibleSpentFen()),
                u.completionRate() == null ? null : u.completionRate().movePointRight(2).stripTrailingZeros()
                        .toPlainString() + "%",
                u.status().label(), u.late() ? "是" : "否", u.representativeOrganizationId(), u.deadline());
    }

    private static BigDecimal yuan(long fen) {
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

    private void xlsx(UnitQuery query, OutputStream out) throws IOException {
        SXSSFWorkbook wb = new SXSSFWorkbook(200);
        try {
            Sheet sheet = wb.createSheet("预留份额");
            CellStyle money = wb.createCellStyle();
            money.setDataFormat(wb.createDataFormat().getFormat("#,##0.00"));
            Row header = sheet.createRow(0);
            for (int i = 0; i < HEADERS.size(); i++) {
                header.createCell(i).setCellValue(HEADERS.get(i));
            }
            int[] row = {1};
            figures.forEachUnit(query, u -> {
                if (row[0] > XLSX_MAX_ROWS) {
                    return; // the format's limit: CSV has none
                }
                Row r = sheet.createRow(row[0]++);
                List<Object> cells = cells(u);
                for (int i = 0; i < cells.size(); i++) {
                    Object c = cells.get(i);
                    if (c instanceof BigDecimal b) {
                        r.createCell(i).setCellValue(b.doubleValue());
                        r.getCell(i).setCellStyle(money);
                    } else if (c instanceof Long l) {
                        r.createCell(i).setCellValue(l);
                    } else if (c != null) {
                        r.createCell(i).setCellValue(c.toString());
                    }
                }
            });
            wb.write(out);
            out.flush();
        } finally {
            wb.dispose();
            wb.close();
        }
    }
}
