package cn.huinong.monitoring.internal;

import static cn.huinong.monitoring.internal.Exports.percent;
import static cn.huinong.monitoring.internal.Exports.yuan;

import cn.huinong.monitoring.Notice;
import cn.huinong.monitoring.NoticeFormat;
import cn.huinong.monitoring.RegionSummary;
import cn.huinong.quota.QuotaRules;
import cn.huinong.quota.UnitFigures;
import cn.huinong.shared.csv.CsvWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.text.DecimalFormat;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * The half-yearly notice (通报) as a department sends it: a printable, self-contained HTML page in Chinese (inline
 * styles, no scripts, no external assets), or the same tables as a workbook (one sheet per table) or as one CSV.
 */
final class NoticeWriter {

    /** A table of the notice, rendered the same way in every format. */
    record Table(String title, List<String> headers, List<List<Object>> rows, String note) {}

    private NoticeWriter() {}

    static void write(Notice n, NoticeFormat format, OutputStream out) {
        try {
            switch (format) {
                case HTML -> html(n, out);
                case CSV -> csv(n, out);
                case XLSX -> xlsx(n, out);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String scope(Notice n) {
        String code = n.summary().region().code();
        return code.endsWith("0000") ? "全省" : code.endsWith("00") ? "全市（州）" : "全县（区）";
    }

    /** The opening paragraph: what every notice says first. */
    static String overview(Notice n) {
        RegionSummary s = n.summary();
        String where = s.region().code().equals(MonitoringScope.COUNTRY) ? "全国" : scope(n);
        DateTimeFormatter day = DateTimeFormatter.ofPattern("yyyy年M月d日");
        return "截至" + day.format(n.generatedAt().atZone(QuotaRules.ZONE)) + "，" + where + "共有预算单位" + s.units()
                + "家，已填报" + n.year() + "年度预留份额" + s.filedUnits() + "家（填报率"
                + orDash(percent(QuotaRules.rate(s.filedUnits(), s.units()))) + "），预留份额合计" + wan(s.reservedFen())
                + "万元，通过平台采购脱贫地区农副产品" + wan(s.eligibleSpentFen()) + "万元，完成率"
                + orDash(percent(s.completionRate())) + "。已完成预留份额的单位" + s.completedUnits() + "家；按"
                + day.format(n.asOf()) + "应完成的进度，进度滞后的单位" + n.laggingCount() + "家；尚未填报的单位"
                + n.notFiledCount() + "家。";
    }

    static List<Table> tables(Notice n) {
        RegionSummary s = n.summary();
        List<Table> tables = new ArrayList<>();
        tables.add(new Table(
                "总体情况",
                List.of("项目", "数值"),
                List.of(
                        List.of("预算单位（家）", s.units()),
                        List.of("已填报单位（家）", s.filedUnits()),
                        List.of("预留份额（元）", yuan(s.reservedFen())),
                        List.of("已完成金额（元）", yuan(s.eligibleSpentFen())),
                        List.of("完成率", orDash(percent(s.completionRate()))),
                        List.of("已完成单位（家）", s.completedUnits()),
                        List.of("进度滞后单位（家）", n.laggingCount()),
                        List.of("未填报单位（家）", n.notFiledCount())),
                null));
        List<List<Object>> children = new ArrayList<>();
        for (RegionSummary.ChildSummary c : s.children()) {
            children.add(List.of(
                    c.code(),
                    c.name(),
                    c.units(),
                    c.filedUnits(),
                    yuan(c.reservedFen()),
                    yuan(c.eligibleSpentFen()),
                    orDash(percent(c.completionRate())),
                    c.completedUnits(),
                    c.laggingUnits()));
        }
        if (!children.isEmpty()) {
            children.add(List.of(
                    s.region().code(),
                    "合计",
                    s.units(),
                    s.filedUnits(),
                    yuan(s.reservedFen()),
                    yuan(s.eligibleSpentFen()),
                    orDash(percent(s.completionRate())),
                    s.completedUnits(),
                    s.laggingUnits()));
        }
        tables.add(new Table(
                "各地完成情况",
                List.of("行政区划代码", "地区", "预算单位（家）", "已填报（家）", "预留份额（元）", "已完成金额（元）", "完成率", "已完成单位（家）", "进度滞后单位（家）"),
                children,
                null));
        tables.add(ranking("完成率排名前" + Notice.RANKING + "位的单位", n.top()));
        tables.add(ranking("完成率排名后" + Notice.RANKING + "位的单位", n.bottom()));
        List<List<Object>> notFiled = new ArrayList<>();
        for (UnitFigures u : n.notFiled()) {
            notFiled.add(List.of(
                    notFiled.size() + 1,
                    u.name(),
                    u.creditCode(),
                    orDash(u.regionName()),
                    u.deadline().toString()));
        }
        tables.add(new Table(
                "尚未填报的单位",
                List.of("序号", "单位名称", "统一社会信用代码", "行政区划", "填报截止日"),
                notFiled,
                cut(n.notFiledCount(), n.notFiled().size())));
        Table lagging = ranking("进度滞后的单位", n.lagging());
        tables.add(new Table(
                lagging.title(),
                lagging.headers(),
                lagging.rows(),
                cut(n.laggingCount(), n.lagging().size())));
        return tables;
    }

    private static Table ranking(String title, List<UnitFigures> units) {
        List<List<Object>> rows = new ArrayList<>();
        for (UnitFigures u : units) {
            rows.add(List.of(
                    rows.size() + 1,
                    u.name(),
                    orDash(u.regionName()),
                    yuan(u.reservedFen()),
                    yuan(u.eligibleSpentFen()),
                    orDash(percent(u.completionRate())),
                    u.status().label()));
        }
        return new Table(title, List.of("序号", "单位名称", "行政区划", "预留份额（元）", "已完成金额（元）", "完成率", "状态"), rows, null);
    }

    private static String cut(long count, int shown) {
        return count > shown ? "共" + count + "家，此处列出前" + shown + "家，完整名单请导出单位列表。" : null;
    }

    private static String orDash(String s) {
        return s == null ? "—" : s;
    }

    /** Money in 万元 with two decimals, exact (never floating point). */
    static String wan(long fen) {
        return new DecimalFormat("#,##0.00")
                .format(BigDecimal.valueOf(fen).movePointLeft(6).setScale(2, RoundingMode.HALF_UP));
    }

    private static String cell(Object c) {
        return c instanceof BigDecimal b ? new DecimalFormat("#,##0.00").format(b) : String.valueOf(c);
    }

    private static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    private static void html(Notice n, OutputStream out) throws IOException {
        StringBuilder h = new StringBuilder(16 * 1024);
        h.append("<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n<title>")
                .append(esc(n.title()))
                .append("</title>\n<style>\n")
                .append(
                        "body{font-family:\"FangSong\",\"仿宋\",\"SimSun\",\"Songti SC\",serif;color:#000;margin:2.5cm auto;")
                .append("max-width:21cm;line-height:1.8;font-size:16px}\n")
                .append("h1{font-family:\"SimHei\",\"黑体\",\"Heiti SC\",sans-serif;font-size:22px;text-align:center;")
                .append("line-height:1.5;margin:0 0 1em}\n")
                .append(
                        "h2{font-family:\"SimHei\",\"黑体\",\"Heiti SC\",sans-serif;font-size:17px;margin:1.2em 0 .4em}\n")
                .append("p{text-indent:2em;margin:.4em 0}\n")
                .append("table{border-collapse:collapse;width:100%;font-size:13px;margin:.4em 0 1em}\n")
                .append("th,td{border:1px solid #000;padding:2px 6px}th{background:#eee}td.n{text-align:right}\n")
                .append("p.note{font-size:13px;text-indent:0}p.sign{text-align:right;text-indent:0}\n")
                .append("@page{size:A4;margin:2cm}@media print{body{margin:0}thead{display:table-header-group}")
                .append("tr{page-break-inside:avoid}}\n</style>\n</head>\n<body>\n<h1>")
                .append(esc(n.title()))
                .append("</h1>\n<p>")
                .append(esc(overview(n)))
                .append("</p>\n");
        String[] numbers = {"一", "二", "三", "四", "五", "六", "七", "八"};
        List<Table> tables = tables(n);
        for (int i = 0; i < tables.size(); i++) {
            Table t = tables.get(i);
            h.append("<h2>")
                    .append(numbers[i])
                    .append("、")
                    .append(esc(t.title()))
                    .append("</h2>\n");
            if (t.rows().isEmpty()) {
                h.append("<p>无。</p>\n");
                continue;
            }
            h.append("<table>\n<thead><tr>");
            t.headers().forEach(x -> h.append("<th>").append(esc(x)).append("</th>"));
            h.append("</tr></thead>\n<tbody>\n");
            for (List<Object> row : t.rows()) {
                h.append("<tr>");
                for (Object c : row) {
                    boolean number = c instanceof Number || (c instanceof String s && s.endsWith("%"));
                    h.append(number ? "<td class=\"n\">" : "<td>")
                            .append(esc(cell(c)))
                            .append("</td>");
                }
                h.append("</tr>\n");
            }
            h.append("</tbody>\n</table>\n");
            if (t.note() != null) {
                h.append("<p class=\"note\">").append(esc(t.note())).append("</p>\n");
            }
        }
        h.append("<p class=\"note\">说明：完成金额为预算单位通过平台采购脱贫地区农副产品已支付订单中可计入预留份额的金额，扣除退款，")
                .append("按支付时间计入年度，为通报生成时已入账的全年数；进度按半年末（或生成日，如更早）应完成的比例判断。数据生成时间：")
                .append(Exports.local(n.generatedAt()))
                .append("。</p>\n")
                .append("<p class=\"sign\">")
                .append(DateTimeFormatter.ofPattern("yyyy年M月d日")
                        .format(n.generatedAt().atZone(QuotaRules.ZONE)))
                .append("</p>\n</body>\n</html>\n");
        out.write(h.toString().getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    private static void csv(Notice n, OutputStream out) throws IOException {
        CsvWriter w = CsvWriter.open(out);
        w.row(List.of(n.title()));
        w.row(List.of(overview(n)));
        for (Table t : tables(n)) {
            w.blankLine();
            w.row(List.of(t.title()));
            Exports.csvTable(w, t.headers(), sink -> t.rows().forEach(sink));
            if (t.note() != null) {
                w.row(List.of(t.note()));
            }
        }
        w.flush();
    }

    private static void xlsx(Notice n, OutputStream out) throws IOException {
        SXSSFWorkbook wb = new SXSSFWorkbook(200);
        try {
            Exports.sheet(wb, "通报", List.of(n.title()), sink -> sink.accept(List.of(overview(n))));
            for (Table t : tables(n)) {
                Exports.sheet(wb, t.title(), t.headers(), sink -> t.rows().forEach(sink));
            }
            wb.write(out);
            out.flush();
        } finally {
            wb.dispose();
            wb.close();
        }
    }
}
