package cn.huinong.catalog.internal;

import cn.huinong.shared.problem.InvalidInputException;
import cn.huinong.shared.problem.Violation;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Reads a product import file into rows of named cells: CSV (UTF-8 with or without BOM, or GB18030)
 * or XLSX (first sheet). The first non-empty row is the header; columns are matched by name
 * (English as in the template, or the Chinese label). Pure: no database.
 */
final class ProductFile {

    static final List<String> COLUMNS = List.of("name", "categoryCode", "originRegionCode", "unit", "spec", "priceFen",
            "price", "stock", "brandName", "description");
    static final List<String> REQUIRED = List.of("name", "categoryCode", "originRegionCode", "unit", "spec", "stock");
    private static final Map<String, String> ALIASES = Map.ofEntries(
            Map.entry("商品名称", "name"), Map.entry("品类代码", "categoryCode"), Map.entry("产地代码", "originRegionCode"),
            Map.entry("单位", "unit"), Map.entry("规格", "spec"), Map.entry("价格（分）", "priceFen"),
            Map.entry("价格(分)", "priceFen"), Map.entry("价格（元）", "price"), Map.entry("价格(元)", "price"),
            Map.entry("库存", "stock"), Map.entry("品牌", "brandName"), Map.entry("描述", "description"));

    /** One data row: its line in the file (from 1, the header included) and its cells by column. */
    record Line(int line, Map<String, String> cells) {
        String get(String column) {
            String v = cells.get(column);
            return v == null || v.isBlank() ? null : v.strip();
        }
    }

    record Parsed(String format, List<String> columns, List<Line> lines) {
    }

    private ProductFile() {
    }

    static Parsed parse(byte[] content) {
        boolean xlsx = content.length > 4 && content[0] == 'P' && content[1] == 'K' && content[2] == 3 && content[3] == 4;
        List<List<String>> table = xlsx ? readXlsx(content) : readCsv(decode(content));
        int headerIndex = 0;
        while (headerIndex < table.size() && blank(table.get(headerIndex))) {
            headerIndex++;
        }
        if (headerIndex == table.size()) {
            throw new InvalidInputException("文件为空", List.of(new Violation("file", "文件中没有表头和商品行")));
        }
        List<String> header = new ArrayList<>();
        List<Violation> v = new ArrayList<>();
        for (String raw : table.get(headerIndex)) {
            String h = raw == null ? "" : raw.strip();
            String column = ALIASES.getOrDefault(h, COLUMNS.stream().filter(c -> c.equalsIgnoreCase(h)).findFirst()
                    .orElse(h.isEmpty() ? null : "?" + h));
            header.add(column);
        }
        header.stream().filter(h -> h != null && h.startsWith("?"))
                .forEach(h -> v.add(new Violation("file", "未知的列：" + h.substring(1))));
        REQUIRED.stream().filter(c -> !header.contains(c))
                .forEach(c -> v.add(new Violation("file", "缺少必填列：" + c)));
        if (!header.contains("priceFen") && !header.contains("price")) {
            v.add(new Violation("file", "缺少价格列：priceFen（分）或 price（元，最多两位小数）"));
        }
        if (!v.isEmpty()) {
            throw new InvalidInputException("文件表头有误，请使用导入模板", v);
        }
        List<Line> lines = new ArrayList<>();
        for (int i = headerIndex + 1; i < table.size(); i++) {
            List<String> row = table.get(i);
            if (blank(row)) {
                continue;
            }
            Map<String, String> cells = new LinkedHashMap<>();
            for (int c = 0; c < header.size(); c++) {
                if (header.get(c) != null) {
                    cells.put(header.get(c), c < row.size() ? row.get(c) : null);
                }
            }
            lines.add(new Line(i + 1, cells));
        }
        return new Parsed(xlsx ? "XLSX" : "CSV", header, lines);
    }

    private static boolean blank(List<String> row) {
        return row.stream().allMatch(c -> c == null || c.isBlank());
    }

    /** UTF-8 when the bytes are valid UTF-8, otherwise GB18030 (Excel's "CSV" in a Chinese locale). */
    static String decode(byte[] content) {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(content)).toString();
        } catch (CharacterCodingException e) {
            text = new String(content, Charset.forName("GB18030"));
        }
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }

    /** RFC 4180: quoted fields may hold commas, quotes ("") and line breaks. Rows keep their physical line. */
    static List<List<String>> readCsv(String text) {
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        int line = 1;
        int rowLine = 1;
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            if (quoted) {
                if (ch == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (ch == '"') {
                    quoted = false;
                } else {
                    if (ch == '\n') {
                        line++;
                    }
                    cell.append(ch);
                }
            } else if (ch == '"' && cell.isEmpty()) {
                quoted = true;
            } else if (ch == ',') {
                row.add(cell.toString());
                cell.setLength(0);
            } else if (ch == '\r') {
                // part of \r\n
            } else if (ch == '\n') {
                row.add(cell.toString());
                cell.setLength(0);
                place(rows, rowLine, row);
                row = new ArrayList<>();
                line++;
                rowLine = line;
            } else {
                cell.append(ch);
            }
        }
        if (!cell.isEmpty() || !row.isEmpty()) {
            row.add(cell.toString());
            place(rows, rowLine, row);
        }
        return rows;
    }

    /** Puts a row at index line-1, padding with empty rows, so that index + 1 is the row's first physical line. */
    private static void place(List<List<String>> rows, int line, List<String> row) {
        while (rows.size() < line - 1) {
            rows.add(List.of());
        }
        rows.add(row);
    }

    private static List<List<String>> readXlsx(byte[] content) {
        try (Workbook wb = new XSSFWorkbook(new ByteArrayInputStream(content))) {
            Sheet sheet = wb.getSheetAt(0);
            DataFormatter formatter = new DataFormatter(Locale.ROOT);
            List<List<String>> rows = new ArrayList<>();
            for (int r = 0; r <= sheet.getLastRowNum(); r++) {
                Row row = sheet.getRow(r);
                List<String> cells = new ArrayList<>();
                if (row != null) {
                    for (int c = 0; c < row.getLastCellNum(); c++) {
                        Cell cell = row.getCell(c);
                        cells.add(cell == null ? null : formatter.formatCellValue(cell));
                    }
                }
                rows.add(cells);
            }
            return rows;
        } catch (IOException | RuntimeException e) {
            throw new InvalidInputException("无法读取XLSX文件", List.of(new Violation("file", "无法读取XLSX文件：请确认是 Excel 2007 及以上格式")));
        }
    }
}
