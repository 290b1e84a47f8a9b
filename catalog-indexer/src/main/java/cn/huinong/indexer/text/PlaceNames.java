package cn.huinong.indexer.text;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The names a buyer uses for a place: the official GB/T 2260 name and its short form without the level word
 * and the ethnic groups of an autonomous area (黔东南苗族侗族自治州 -> 黔东南, 雷山县 -> 雷山, 广西壮族自治区 -> 广西,
 * 三都水族自治县 -> 三都). A short form is never a single character (和县 stays 和县).
 */
public final class PlaceNames {

    private static final List<String> LEVEL_WORDS =
            List.of("特别行政区", "自治区", "自治州", "自治县", "自治旗", "地区", "林区", "新区", "省", "市", "州", "县", "区", "旗", "盟");

    /** The 56 ethnic groups, longest first, so that 土家 is taken before 土. */
    private static final List<String> ETHNIC_GROUPS = sortedLongestFirst(List.of(
            "汉", "蒙古", "回", "藏", "维吾尔", "苗", "彝", "壮", "布依", "朝鲜", "满", "侗", "瑶", "白", "土家", "哈尼", "哈萨克", "傣", "黎",
            "傈僳", "佤", "畲", "高山", "拉祜", "水", "东乡", "纳西", "景颇", "柯尔克孜", "土", "达斡尔", "仫佬", "羌", "布朗", "撒拉", "毛南", "仡佬",
            "锡伯", "阿昌", "普米", "塔吉克", "怒", "乌孜别克", "俄罗斯", "鄂温克", "德昂", "保安", "裕固", "京", "塔塔尔", "独龙", "鄂伦春", "赫哲", "门巴",
            "珞巴", "基诺"));

    private PlaceNames() {}

    /** The official name and, when it differs, its short form. */
    public static List<String> forms(String name) {
        Set<String> out = new LinkedHashSet<>();
        if (name == null || name.isBlank()) {
            return List.of();
        }
        String official = name.strip();
        out.add(official);
        String s = shortForm(official);
        if (s != null) {
            out.add(s);
        }
        return List.copyOf(out);
    }

    /** The short form, or null when there is none worth having. */
    public static String shortForm(String name) {
        String s = name;
        for (String level : LEVEL_WORDS) {
            if (s.endsWith(level) && s.length() > level.length()) {
                s = s.substring(0, s.length() - level.length());
                break;
            }
        }
        boolean stripped = true;
        while (stripped) {
            stripped = false;
            for (String group : ETHNIC_GROUPS) {
                String suffix = group + "族";
                if (s.endsWith(suffix) && s.length() - suffix.length() >= 2) {
                    s = s.substring(0, s.length() - suffix.length());
                    stripped = true;
                    break;
                }
            }
        }
        return s.length() >= 2 && !s.equals(name) ? s : null;
    }

    private static List<String> sortedLongestFirst(List<String> groups) {
        List<String> sorted = new ArrayList<>(groups);
        sorted.sort(Comparator.comparingInt(String::length).reversed());
        return List.copyOf(sorted);
    }
}
