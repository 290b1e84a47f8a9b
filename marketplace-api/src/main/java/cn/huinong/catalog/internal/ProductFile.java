package cn.huinong.catalog.internal;

import cn.huinong.shared.csv.CsvReader;
import cn.huinong.shared.problem.InvalidInputException;
import cn.huinong.shared.problem.Violation;
import cn.huinong.shared.upload.UploadedText;
import cn.huinong.shared.upload.Uploads;
import java.io.FilterInputStream;
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
import java.util.Locale;
import java.util.Map;
import javax.xml.parsers.ParserConfigurationException;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.openxml4j.opc.PackagePart;
import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.model.StylesTable;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.apache.poi.xssf.usermodel.XSSFRelation;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;

/**
 * Reads a product import file into rows of named cells: CSV (UTF-8 with or without BOM, or GB18030)
 * or XLSX (first sheet). The first non-empty row is the header; columns are matched by name
 * (English as in the template, or the Chinese label). Pure: no database.
 *
 * <p>Uploads are hostile until read: both formats are read as streams, row by row, and reading stops at the first
 * row past {@code maxRows} (the file is then refused, nothing having been kept but those rows). XLSX goes through
 * POI's event (SAX) reader over the zip file, with a read-only shared strings table, never a whole workbook;
 * every part is read through a limit of {@value #MAX_PART_BYTES} bytes once inflated, and POI's zip bomb guard
 * (inflate ratio) stays on. CSV goes through commons-csv's streaming parser.
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

    /** Most bytes any part of an XLSX (a sheet, the shared strings, the styles) may inflate to. */
    static final long MAX_PART_BYTES = 64L * 1024 * 1024;
    /** Cells right of this column are ignored (the template has ten). */
    static final int MAX_COLUMNS = 256;

    static {
        // POI's own zip bomb guard, for every part it opens: no entry inflates beyond this, nor by more than 100x
        ZipSecureFile.setMaxEntrySize(Math.min(ZipSecureFile.getMaxEntrySize(), MAX_PART_BYTES));
        ZipSecureFile.setMinInflateRatio(Math.max(ZipSecureFile.getMinInflateRatio(), 0.01));
    }

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
            throw unreadable("CSV");
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
            throw unreadable("CSV");
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

    private static InvalidInputException unreadable(String format) {
        return "CSV".equals(format)
                ? new InvalidInputException(
                        "无法读取CSV文件", List.of(new Violation("file", "无法读取CSV文件：请确认是逗号分隔的文本文件（UTF-8 或 GB18030）")))
                : new InvalidInputException(
                        "无法读取XLSX文件", List.of(new Violation("file", "无法读取XLSX文件：请确认是 Excel 2007 及以上格式")));
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
            throw unreadable("CSV");
        }
        return rows.done();
    }

    /** The first sheet through POI's SAX event reader: rows arrive one by one, nothing else is kept. */
    private static Parsed readXlsx(Path file, int maxRows) {
        Rows rows = new Rows("XLSX", maxRows);
        try (OPCPackage pkg = OPCPackage.open(file.toFile(), PackageAccess.READ)) {
            XSSFReader reader = new XSSFReader(pkg);
            ReadOnlySharedStringsTable strings = sharedStrings(pkg);
            StylesTable styles = reader.getStylesTable();
            Iterator<InputStream> sheets = reader.getSheetsData();
            if (!sheets.hasNext()) {
                return rows.done();
            }
            try (InputStream sheet = limited(sheets.next())) {
                XMLReader xml = XMLHelper.newXMLReader();
                xml.setContentHandler(new XSSFSheetXMLHandler(
                        styles, null, strings, new SheetRows(rows), new DataFormatter(Locale.ROOT), false));
                xml.parse(new InputSource(sheet));
            }
            return rows.done();
        } catch (InvalidInputException e) {
            throw e;
        } catch (IOException | SAXException | ParserConfigurationException | RuntimeException e) {
            if (e.getCause() instanceof InvalidInputException refused) {
                throw refused;
            }
            if (String.valueOf(e.getMessage()).contains("Zip bomb")) {
                throw new InvalidInputException(
                        "文件内容过大", List.of(new Violation("file", "文件解压后过大或压缩比异常（疑似压缩炸弹），未导入任何商品")));
            }
            throw unreadable("XLSX");
        } catch (Exception e) {
            throw unreadable("XLSX");
        }
    }

    private static ReadOnlySharedStringsTable sharedStrings(OPCPackage pkg) throws IOException, SAXException {
        List<PackagePart> parts = pkg.getPartsByContentType(XSSFRelation.SHARED_STRINGS.getContentType());
        if (parts.isEmpty()) {
            return new ReadOnlySharedStringsTable(pkg, false);
        }
        try (InputStream in = limited(parts.get(0).getInputStream())) {
            return new ReadOnlySharedStringsTable(in, false);
        }
    }

    /** Feeds the sheet's rows to {@link Rows}; a row's cells arrive in order, gaps are empty cells. */
    private static final class SheetRows implements XSSFSheetXMLHandler.SheetContentsHandler {
        private final Rows rows;
        private List<String> cells;

        SheetRows(Rows rows) {
            this.rows = rows;
        }

        @Override
        public void startRow(int rowNum) {
            cells = new ArrayList<>();
        }

        @Override
        public void endRow(int rowNum) {
            rows.add(rowNum + 1, cells);
        }

        @Override
        public void cell(String cellReference, String formattedValue, XSSFComment comment) {
            int column = cellReference == null ? cells.size() : new CellReference(cellReference).getCol();
            if (column >= MAX_COLUMNS) {
                return;
            }
            while (cells.size() < column) {
                cells.add(null);
            }
            cells.add(formattedValue);
        }
    }

    /** Stops reading (400) once more than {@link #MAX_PART_BYTES} bytes came out of one inflated part. */
    private static InputStream limited(InputStream in) {
        return new FilterInputStream(in) {
            private long count;

            @Override
            public int read() throws IOException {
                int b = super.read();
                if (b >= 0) {
                    count(1);
                }
                return b;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                int n = super.read(b, off, len);
                if (n > 0) {
                    count(n);
                }
                return n;
            }

            private void count(int n) {
                count += n;
                if (count > MAX_PART_BYTES) {
                    throw new InvalidInputException(
                            "文件内容过大",
                            List.of(new Violation(
                                    "file", "文件解压后超过" + (MAX_PART_BYTES / (1024 * 1024)) + " MB，请拆分后导入")));
                }
            }
        };
    }
}
