package cn.huinong.search.internal;

import cn.huinong.indexer.text.Pinyin;
import cn.huinong.search.Suggestion;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The search box's suggestions from the best matching products (both engines): their names first (with ids), then
 * the brands among them that the input names (inside the brand, or the start of its pinyin or initials), at most
 * {@link #MAX} in all, no text twice.
 */
final class SuggestionList {

    static final int MAX = 10;
    static final int MAX_BRANDS = 5;

    /** One matching product: id, name, brand name (or null). */
    record Match(long id, String name, String brandName) {}

    private SuggestionList() {}

    static List<Suggestion> of(String input, List<Match> matches) {
        List<Suggestion> out = new ArrayList<>();
        List<String> brands = new ArrayList<>();
        for (Match m : matches) {
            if (m.brandName() != null && names(input, m.brandName()) && !brands.contains(m.brandName())) {
                brands.add(m.brandName());
            }
        }
        int room = MAX - Math.min(brands.size(), MAX_BRANDS);
        for (Match m : matches) {
            if (out.size() < room
                    && m.name() != null
                    && out.stream().noneMatch(s -> s.text().equals(m.name()))) {
                out.add(new Suggestion(m.name(), m.id()));
            }
        }
        for (String b : brands) {
            if (out.size() < MAX && out.stream().noneMatch(s -> s.text().equals(b))) {
                out.add(new Suggestion(b, null));
            }
        }
        return out;
    }

    /** Whether the input names the text: inside it, or the start of its pinyin or of its initials. */
    static boolean names(String input, String text) {
        String in = input.toLowerCase(Locale.ROOT);
        if (text.toLowerCase(Locale.ROOT).contains(in)) {
            return true;
        }
        if (!Pinyin.isLatinWord(in)) {
            return false;
        }
        List<String> syllables = Pinyin.syllables(text);
        StringBuilder initials = new StringBuilder();
        syllables.forEach(s -> initials.append(s.charAt(0)));
        return String.join("", syllables).startsWith(in) || initials.toString().startsWith(in);
    }
}
