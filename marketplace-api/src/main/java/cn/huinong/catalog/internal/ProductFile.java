package cn.huinong.catalog.internal;

import cn.huinong.shared.csv.CsvReader;
import cn.huinong.shared.problem.InvalidInputException;
import cn.huinong.shared.problem.Violation;
import cn.huinong.shared.upload.UploadedText;
import cn.huinong.shared.upload.Uploads;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads a product import file into rows of named cells: CSV (UTF-8 with or without BOM, or GB18030)
 * or XLSX (first sheet). The first non-empty row is the header; columns are matched by name
 * (English as in the template, or the Chinese label). Pure: no database.
 *
 * <p>Uploads are hostile until read: both formats are read as streams, row by row, and reading stops at the first
 * row past {@code maxRows} (the file is then refused, nothing having been kept but those rows). XLSX goes through
 * {@link XlsxSheetReader} (POI's event reader, every part limited once inflated, the zip bomb guard on), CSV through
 * commons-csv's streaming parser.
 */
final class ProductFile {

    static final List<String> COLUMNS = List.of(
            "name",
            "categoryCode",
            "originRegionCode",
            "unit",
            "spec",
            "priceFen",
            "price",
            "stock",
            "brandName",
            "description");
    static final List<String> REQUIRED = List.of("name", "categoryCode", "originRegionCode", "unit", "spec", "stock");
    private static final Map<String, String> ALIASES = Map.ofEntries(
            Map.entry("商品名称", "name"),
            Map.entry("品类代码", "categoryCode"),
            Map.entry("产地代码", "originRegionCode"),
            Map.entry("单位", "unit"),
            Map.entry("规格", "spec"),
            Map.entry("价格（分）", "priceFen"),
            Map.entry("价格(分)", "priceFen"),
            Map.entry("价格（元）", "price"),
            Map.entry("价格(元)", "price"),
            Map.entry("库存", "stock"),
            Map.entry("品牌", "brandName"),
            Map.entry("描述", "description"));

    /** One data row: its line in the file (from 1, the header included) and its cells by column. */
    record Line(int line, Map<String, String> cells) {
        String get(String column) {
            String v = cells.get(column);
            return v == null || v.isBlank() ? null : v.strip();
        }
    }

    record Parsed(String format, List<String> columns, List<Line> lines) {}

    private ProductFile() {}

    /** Reads a file in memory (tests, small files): XLSX through a temporary file, CSV directly. */
    static Parsed parse(byte[] content, int maxRows) {
        if (isXlsx(content)) {
            Path tmp = null;
            try {
                tmp = Files.createTempFile("huinong-import-", ".xlsx");
                Files.write(tmp, content);
                return parse(tmp, maxRows);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } finally {
                Uploads.deleteQuietly(tmp);
            }
        }
        try (Reader text = UploadedText.open(content)) {
            return readCsv(text, maxRows);
        } catch (IOException e) {
            throw unreadableCsv();
        }
    }

    static Parsed parse(byte[] content) {
        return parse(content, Integer.MAX_VALUE);
    }

    /** Reads {@code file}, stopping (400) at the first data row past {@code maxRows}. */
    static Parsed parse(Path file, int maxRows) {
        byte[] head = new byte[4];
        int n;
        try (InputStream in = Files.newInputStream(file)) {
            n = in.readNBytes(head, 0, 4);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (n == 4 && isXlsx(head)) {
            return readXlsx(file, maxRows);
        }
        try (Reader text = UploadedText.open(file)) {
            return readCsv(text, maxRows);
        } catch (IOException e) {
            throw unreadableCsv();
        }
    }

    private static boolean isXlsx(byte[] content) {
        return content.length >= 4 && content[0] == 'P' && content[1] == 'K' && content[2] == 3 && content[3] == 4;
    }

    /** Collects rows as they are read: finds the header, checks it, keeps the data rows, stops past the limit. */
    private static final class Rows {
        private final String format;
        private final int maxRows;
        private List<String> header;
        private final List<Line> lines = new ArrayList<>();

        Rows(String format, int maxRows) {
            this.format = format;
            this.maxRows = maxRows;
        }

        /** One row of the file, at its (first) physical line. */
        void add(int line, List<String> row) {
            if (blank(row)) {
                return;
            }
            if (header == null) {
                header = header(row);
                return;
            }
            if (lines.size() == maxRows) {
                throw tooManyRows(maxRows);
            }
            Map<String, String> cells = new LinkedHashMap<>();
            for (int c = 0; c < header.size(); c++) {
                if (header.get(c) != null) {
                    cells.put(header.get(c), c < row.size() ? row.get(c) : null);
                }
            }
            lines.add(new Line(line, cells));
        }

        Parsed done() {
            if (header == null) {
                throw new InvalidInputException("文件为空", List.of(new Violation("file", "文件中没有表头和商品行")));
            }
            return new Parsed(format, header, lines);
        }
    }

    static InvalidInputException tooManyRows(int maxRows) {
        String message = "导入文件超过" + maxRows + "行，请拆分为多个文件后导入（读到第" + (maxRows + 1) + "个商品行时已停止，未导入任何商品）";
        return new InvalidInputException("导入文件超过" + maxRows + "行，请拆分后导入", List.of(new Violation("file", message)));
    }

    private static List<String> header(List<String> row) {
        List<String> header = new ArrayList<>();
        List<Violation> v = new ArrayList<>();
        for (String raw : row) {
            String h = raw == null ? "" : raw.strip();
            String column = ALIASES.getOrDefault(
                    h,
                    COLUMNS.stream()
                            .filter(c -> c.equalsIgnoreCase(h))
                            .findFirst()
                            .orElse(h.isEmpty() ? null : "?" + h));
            header.add(column);
        }
        header.stream()
                .filter(h -> h != null && h.startsWith("?"))
                .forEach(h -> v.add(new Violation("file", "未知的列：" + h.substring(1))));
        REQUIRED.stream().filter(c -> !header.contains(c)).forEach(c -> v.add(new Violation("file", "缺少必填列：" + c)));
        if (!header.contains("priceFen") && !header.contains("price")) {
            v.add(new Violation("file", "缺少价格列：priceFen（分）或 price（元，最多两位小数）"));
        }
        if (!v.isEmpty()) {
            throw new InvalidInputException("文件表头有误，请使用导入模板", v);
        }
        return header;
    }

    private static boolean blank(List<String> row) {
        return row.stream().allMatch(c -> c == null || c.isBlank());
    }

    private static InvalidInputException unreadableCsv() {
        return new InvalidInputException(
                "无法读取CSV文件", List.of(new Violation("file", "无法读取CSV文件：请确认是逗号分隔的文本文件（UTF-8 或 GB18030）")));
    }

    /**
     * RFC 4180 through the one CSV reader ({@link CsvReader}: commons-csv), record by record: quoted fields may hold commas, quotes ("") and line breaks.
     * Each row keeps the physical line it starts on (the lines read before it, plus one).
     */
    static Parsed readCsv(Reader text, int maxRows) {
        Rows rows = new Rows("CSV", maxRows);
        try (CSVParser parser = CsvReader.parse(text)) {
            Iterator<CSVRecord> it = parser.iterator();
            while (true) {
                long before = parser.getCurrentLineNumber();
                if (!it.hasNext()) {
                    break;
                }
                CSVRecord r = it.next();
                rows.add((int) before + 1, r.toList());
            }
        } catch (IOException | UncheckedIOException | IllegalStateException e) {
            throw unreadableCsv();
        }
        return rows.done();
    }

    /** The first sheet, row by row, through the hostile-file reader ({@link XlsxSheetReader}). */
    private static Parsed readXlsx(Path file, int maxRows) {
        Rows rows = new Rows("XLSX", maxRows);
        XlsxSheetReader.read(file, rows::add);
        return rows.done();
    }
}
