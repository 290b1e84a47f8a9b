package cn.huinong.catalog.internal;

import cn.huinong.shared.problem.InvalidInputException;
import cn.huinong.shared.problem.Violation;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import javax.xml.parsers.ParserConfigurationException;
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
 * The first sheet of an uploaded XLSX, row by row, treated as hostile: POI's event (SAX) reader over the zip file
 * with a read-only shared strings table, never a whole workbook; every part is read through a limit of
 * {@value #MAX_PART_BYTES} bytes once inflated, and POI's zip bomb guard (inflate ratio) stays on. A file that cannot
 * be read, or is too large once inflated, is refused (400); so is whatever the row sink refuses.
 */
final class XlsxSheetReader {

    /** Receives the sheet's rows in order: the row's (first) line in the file, from 1, and its cells. */
    interface RowSink {
        void row(int line, List<String> cells);
    }

    /** Most bytes any part of an XLSX (a sheet, the shared strings, the styles) may inflate to. */
    static final long MAX_PART_BYTES = 64L * 1024 * 1024;
    /** Cells right of this column are ignored (the template has ten). */
    static final int MAX_COLUMNS = 256;

    static {
        // POI's own zip bomb guard, for every part it opens: no entry inflates beyond this, nor by more than 100x
        ZipSecureFile.setMaxEntrySize(Math.min(ZipSecureFile.getMaxEntrySize(), MAX_PART_BYTES));
        ZipSecureFile.setMinInflateRatio(Math.max(ZipSecureFile.getMinInflateRatio(), 0.01));
    }

    private XlsxSheetReader() {}

    /** Feeds the first sheet's rows to {@code sink} (nothing when the workbook has no sheet). */
    static void read(Path file, RowSink sink) {
        try (OPCPackage pkg = OPCPackage.open(file.toFile(), PackageAccess.READ)) {
            XSSFReader reader = new XSSFReader(pkg);
            ReadOnlySharedStringsTable strings = sharedStrings(pkg);
            StylesTable styles = reader.getStylesTable();
            Iterator<InputStream> sheets = reader.getSheetsData();
            if (!sheets.hasNext()) {
                return;
            }
            try (InputStream sheet = limited(sheets.next())) {
                XMLReader xml = XMLHelper.newXMLReader();
                xml.setContentHandler(new XSSFSheetXMLHandler(
                        styles, null, strings, new SheetRows(sink), new DataFormatter(Locale.ROOT), false));
                xml.parse(new InputSource(sheet));
            }
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
            throw unreadable();
        } catch (Exception e) {
            throw unreadable();
        }
    }

    static InvalidInputException unreadable() {
        return new InvalidInputException(
                "无法读取XLSX文件", List.of(new Violation("file", "无法读取XLSX文件：请确认是 Excel 2007 及以上格式")));
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

    /** Feeds the sheet's rows to the sink; a row's cells arrive in order, gaps are empty cells. */
    private static final class SheetRows implements XSSFSheetXMLHandler.SheetContentsHandler {
        private final RowSink sink;
        private List<String> cells;

        SheetRows(RowSink sink) {
            this.sink = sink;
        }

        @Override
        public void startRow(int rowNum) {
            cells = new ArrayList<>();
        }

        @Override
        public void endRow(int rowNum) {
            sink.row(rowNum + 1, cells);
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
