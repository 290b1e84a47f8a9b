package cn.huinong.shared.csv;

import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.Flushable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.QuoteMode;

/**
 * The one CSV writer (Apache Commons CSV, RFC 4180 with CRLF): UTF-8 with a byte order mark so that Excel reads the
 * Chinese, fields quoted when needed, and a leading {@code = + - @} of a text neutralised with {@code '} so that a
 * name never runs as a spreadsheet formula (numbers such as {@code -12.50} stay numbers).
 */
public final class CsvWriter implements Closeable, Flushable {

    private static final CSVFormat FORMAT = CSVFormat.RFC4180
            .builder()
            .setQuoteMode(QuoteMode.MINIMAL)
            .setRecordSeparator("\r\n")
            .get();

    private final CSVPrinter printer;

    private CsvWriter(CSVPrinter printer) {
        this.printer = printer;
    }

    /** A writer over {@code out} that has written the BOM; closing it flushes, it does not close {@code out}. */
    public static CsvWriter open(OutputStream out) throws IOException {
        BufferedWriter w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 64 * 1024);
        w.write('\uFEFF');
        return new CsvWriter(new CSVPrinter(w, FORMAT));
    }

    /** One record; null cells are empty. */
    public void row(List<?> cells) throws IOException {
        printer.printRecord(cells.stream()
                .map(c -> c == null ? "" : safe(c instanceof java.math.BigDecimal b ? b.toPlainString() : c.toString()))
                .toList());
    }

    /** An empty line (between the tables of one file). */
    public void blankLine() throws IOException {
        printer.println();
    }

    /** The text a spreadsheet will not run as a formula. */
    public static String safe(String s) {
        return !s.isEmpty() && "=+-@".indexOf(s.charAt(0)) >= 0 && !s.matches("-?\\d+(\\.\\d+)?") ? "'" + s : s;
    }

    @Override
    public void flush() throws IOException {
        printer.flush();
    }

    /** Flushes; the underlying stream stays open (the caller owns it). */
    @Override
    public void close() throws IOException {
        printer.flush();
    }
}
