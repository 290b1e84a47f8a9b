package cn.huinong.indexer.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import net.sourceforge.pinyin4j.PinyinHelper;
import net.sourceforge.pinyin4j.format.HanyuPinyinCaseType;
import net.sourceforge.pinyin4j.format.HanyuPinyinOutputFormat;
import net.sourceforge.pinyin4j.format.HanyuPinyinToneType;
import net.sourceforge.pinyin4j.format.HanyuPinyinVCharType;
import net.sourceforge.pinyin4j.format.exception.BadHanyuPinyinOutputFormatCombination;

/**
 * Toneless pinyin of Han characters (pinyin4j), as buyers type it: lower case, ü as {@code v} (绿 -> lv).
 * A polyphonic character takes its first (most common) reading. Characters that are not Han have no syllable.
 */
public final class Pinyin {

    private static final HanyuPinyinOutputFormat FORMAT = new HanyuPinyinOutputFormat();

    static {
        FORMAT.setCaseType(HanyuPinyinCaseType.LOWERCASE);
        FORMAT.setToneType(HanyuPinyinToneType.WITHOUT_TONE);
        FORMAT.setVCharType(HanyuPinyinVCharType.WITH_V);
    }

    private Pinyin() {}

    /** The syllable of one Han character, or null for anything else. */
    public static String syllable(char c) {
        if (!isHan(c)) {
            return null;
        }
        try {
            String[] readings = PinyinHelper.toHanyuPinyinStringArray(c, FORMAT);
            return readings == null || readings.length == 0 ? null : readings[0];
        } catch (BadHanyuPinyinOutputFormatCombination e) {
            throw new IllegalStateException(e);
        }
    }

    /** The syllables of the Han characters of {@code text}, in order (other characters skipped). */
    public static List<String> syllables(String text) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < text.length(); i++) {
            String s = syllable(text.charAt(i));
            if (s != null) {
                out.add(s);
            }
        }
        return out;
    }

    /** The whole pinyin of a text's Han characters, joined (银球茶 -> yinqiucha); empty when it has none. */
    public static String full(String text) {
        return String.join("", syllables(text));
    }

    public static boolean isHan(char c) {
        return Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN;
    }

    /** True when the text is only Latin letters (what a buyer types as pinyin or initials). */
    public static boolean isLatinWord(String text) {
        if (text.isEmpty()) {
            return false;
        }
        for (char c : text.toLowerCase(Locale.ROOT).toCharArray()) {
            if (c < 'a' || c > 'z') {
                return false;
            }
        }
        return true;
    }
}
