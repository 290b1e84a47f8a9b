package cn.huinong.region.internal;

import cn.huinong.region.LineError;
import cn.huinong.region.RegionLevel;
import cn.huinong.shared.upload.UploadedText;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads a designation list: one county per line, {@code regionCode[,name]}, an optional header,
 * UTF-8 (with or without BOM) or GB18030 as spreadsheet programs in China save it. Pure: every
 * problem is reported with its line, nothing is decided by half.
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
     * Reads line by line (never the whole file at once) and stops at line {@value #MAX_LINES} + 1: such a file is
     * refused with that one error.
     */
    static Parsed parse(Reader text, Map<String, KnownRegion> regions) throws IOException {
        BufferedReader lines = new BufferedReader(text);
        List<LineError> errors = new ArrayList<>();
        Set<String> codes = new LinkedHashSet<>();
        Map<String, Integer> firstLine = new HashMap<>();
        int dataLines = 0;
        boolean headerAllowed = true;
        int lineNo = 0;
        String raw;
        while ((raw = lines.readLine()) != null) {
            lineNo++;
            if (lineNo > MAX_LINES) {
                return new Parsed(Set.of(), lineNo, List.of(new LineError(0, "", "文件超过" + MAX_LINES + "行，请拆分后导入")));
            }
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] cells = line.split("[,，\\t]", -1);
            String code = unquote(cells[0]);
            String name = cells.length > 1 ? unquote(cells[1]) : "";
            if (headerAllowed && !SIX_DIGITS.matcher(code).matches() && looksLikeHeader(code)) {
                headerAllowed = false;
                continue;
            }
            headerAllowed = false;
            dataLines++;
            if (!SIX_DIGITS.matcher(code).matches()) {
                errors.add(new LineError(lineNo, line, "区划代码应为6位数字"));
                continue;
            }
            KnownRegion region = regions.get(code);
            if (region == null) {
                errors.add(new LineError(lineNo, line, "未知的区划代码 " + code));
                continue;
            }
            if (region.level() != RegionLevel.COUNTY) {
                errors.add(new LineError(
                        lineNo,
                        line,
                        code + "（" + region.name() + "）是" + region.level().label() + "区划，名单只能包含县级区划"));
                continue;
            }
            if (!name.isEmpty() && !name.equals(region.name())) {
                errors.add(new LineError(lineNo, line, "名称与区划代码不符：" + code + " 应为“" + region.name() + "”"));
                continue;
            }
            Integer earlier = firstLine.putIfAbsent(code, lineNo);
            if (earlier != null) {
                errors.add(new LineError(lineNo, line, "与第" + earlier + "行重复"));
                continue;
            }
            codes.add(code);
        }
        if (dataLines == 0) {
            errors.add(new LineError(0, "", "文件中没有任何区划代码"));
        }
        return new Parsed(codes, dataLines, errors);
    }

    private static boolean looksLikeHeader(String firstCell) {
        String c = firstCell.toLowerCase();
        return c.contains("code") || c.contains("代码") || c.contains("区划");
    }

    private static String unquote(String cell) {
        String s = cell.strip();
        if (s.length() >= 2 && s.startsWith("\"") && s.endsWith("\"")) {
            s = s.substring(1, s.length() - 1).strip();
        }
        return s;
    }
}
