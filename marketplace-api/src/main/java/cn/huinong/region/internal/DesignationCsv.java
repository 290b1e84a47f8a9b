package cn.huinong.region.internal;

import cn.huinong.region.LineError;
import cn.huinong.region.RegionLevel;
import cn.huinong.shared.csv.CsvReader;
import cn.huinong.shared.upload.UploadedText;
import java.io.FilterReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads a designation list: one county per line, {@code regionCode[,name]}, an optional header, blank lines and
 * {@code #} comments, UTF-8 (with or without BOM) or GB18030 as spreadsheet programs in China save it. Parsed as RFC
 * 4180 by the one CSV reader ({@link CsvReader}); besides the comma, the full-width comma {@code ，} and the tab
 * separate the cells, as lists typed in a Chinese locale or pasted from a spreadsheet have them. Pure: every problem is
 * reported with its line, nothing is decided by half.
 */
final class DesignationCsv {

    record KnownRegion(String code, String name, RegionLevel level) {}

    record Parsed(Set<String> codes, int totalLines, List<LineError> errors) {}

    static final int MAX_LINES = 20_000;
    private static final Pattern SIX_DIGITS = Pattern.compile("\\d{6}");

    private DesignationCsv() {}

    static Parsed parse(byte[] content, Map<String, KnownRegion> regions) {
        try (Reader text = UploadedText.open(content)) {
            return parse(text, regions);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Reads record by record (never the whole file at once) and stops at the first record past line {@value
     * #MAX_LINES}: such a file is refused with that one error.
     */
    static Parsed parse(Reader text, Map<String, KnownRegion> regions) throws IOException {
        List<LineError> errors = new ArrayList<>();
        Set<String> codes = new LinkedHashSet<>();
        Map<String, Integer> firstLine = new HashMap<>();
        int dataLines = 0;
        boolean headerAllowed = true;
        try (CSVParser parser = CsvReader.parse(new Separators(text))) {
            Iterator<CSVRecord> records = parser.iterator();
            while (true) {
                int lineNo = (int) parser.getCurrentLineNumber() + 1; // the line the next record starts on
                if (!records.hasNext()) {
                    break;
                }
                CSVRecord record = records.next();
                if (lineNo > MAX_LINES) {
                    return new Parsed(Set.of(), lineNo, List.of(new LineError(0, "", "文件超过" + MAX_LINES + "行，请拆分后导入")));
                }
                String line = String.join(",", record.toList()).strip();
                if (line.isEmpty() || line.startsWith("#")) {
                    continue;
                }
                String code = unquote(record.get(0));
                String name = record.size() > 1 ? unquote(record.get(1)) : "";
                if (headerAllowed && !SIX_DIGITS.matcher(code).matches() && looksLikeHeader(code)) {
                    headerAllowed = false;
                    continue;
                }
                headerAllowed = false;
                dataLines++;
                String problem = problem(line, code, name, regions, firstLine, lineNo);
                if (problem != null) {
                    errors.add(new LineError(lineNo, line.lines().findFirst().orElse(""), problem));
                } else {
                    codes.add(code);
                }
            }
        } catch (UncheckedIOException e) {
            throw e.getCause(); // the reader failed while the parser iterated
        }
        if (dataLines == 0) {
            errors.add(new LineError(0, "", "文件中没有任何区划代码"));
        }
        return new Parsed(codes, dataLines, errors);
    }

    /** What is wrong with one data line, or null; a good code is remembered with its line. */
    private static String problem(
            String line,
            String code,
            String name,
            Map<String, KnownRegion> regions,
            Map<String, Integer> firstLine,
            int lineNo) {
        if (line.indexOf('\n') >= 0 || line.indexOf('\r') >= 0) {
            return "引号不成对：区划代码和名称不能跨行";
        }
        if (!SIX_DIGITS.matcher(code).matches()) {
            return "区划代码应为6位数字";
        }
        KnownRegion region = regions.get(code);
        if (region == null) {
            return "未知的区划代码 " + code;
        }
        if (region.level() != RegionLevel.COUNTY) {
            return code + "（" + region.name() + "）是" + region.level().label() + "区划，名单只能包含县级区划";
        }
        if (!name.isEmpty() && !name.equals(region.name())) {
            return "名称与区划代码不符：" + code + " 应为“" + region.name() + "”";
        }
        Integer earlier = firstLine.putIfAbsent(code, lineNo);
        return earlier == null ? null : "与第" + earlier + "行重复";
    }

    private static boolean looksLikeHeader(String firstCell) {
        String c = firstCell.toLowerCase();
        return c.contains("code") || c.contains("代码") || c.contains("区划");
    }

    /** A cell without its surrounding spaces, and without quotes that spaces kept RFC 4180 from taking off. */
    private static String unquote(String cell) {
        String s = cell.strip();
        if (s.length() >= 2 && s.startsWith("\"") && s.endsWith("\"")) {
            s = s.substring(1, s.length() - 1).strip();
        }
        return s;
    }

    /** The text with {@code ，} and tab read as the comma, so that RFC 4180 splits the cells at them too. */
    private static final class Separators extends FilterReader {

        Separators(Reader in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int c = super.read();
            return c == '，' || c == '\t' ? ',' : c;
        }

        @Override
        public int read(char[] buf, int off, int len) throws IOException {
            int n = super.read(buf, off, len);
            for (int i = off; i < off + Math.max(n, 0); i++) {
                if (buf[i] == '，' || buf[i] == '\t') {
                    buf[i] = ',';
                }
            }
            return n;
        }
    }
}
