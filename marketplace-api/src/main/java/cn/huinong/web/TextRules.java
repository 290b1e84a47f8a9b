package cn.huinong.web;

import io.micronaut.core.annotation.Nullable;

/**
 * What text the API accepts (ADR 11): no C0 control characters except tab, line feed and carriage return, no DEL,
 * no C1 controls, no unpaired surrogates. Query parameters, path variables, field names and enum values are single
 * line: tab, line feed and carriage return are refused there too. In JSON strings line breaks stay allowed, as
 * multi-line fields (notes, reasons, descriptions, addresses) need them and single-line fields have their own
 * patterns or are shown escaped (Vue) and quoted (CSV).
 */
final class TextRules {

    private TextRules() {}

    /** Why {@code s} is refused, in Chinese, or null when it is acceptable. */
    @Nullable
    static String problem(@Nullable String s, boolean singleLine) {
        if (s == null) {
            return null;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                    i++;
                    continue;
                }
                return "含有无效的Unicode字符";
            }
            if (Character.isLowSurrogate(c)) {
                return "含有无效的Unicode字符";
            }
            boolean lineBreakOrTab = c == '\t' || c == '\n' || c == '\r';
            if (c < 0x20 && (singleLine || !lineBreakOrTab) || c >= 0x7F && c <= 0x9F) {
                return (lineBreakOrTab ? "不能包含换行符或制表符" : "不能包含控制字符") + "（" + codePoint(c) + "）";
            }
        }
        return null;
    }

    static String codePoint(char c) {
        return String.format("U+%04X", (int) c);
    }

    /** A value quoted in a message: at most 40 characters. */
    static String shorten(String s) {
        return s.length() <= 40 ? s : s.substring(0, 40) + "…";
    }
}
