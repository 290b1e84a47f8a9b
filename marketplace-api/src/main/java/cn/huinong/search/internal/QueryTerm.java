package cn.huinong.search.internal;

import cn.huinong.indexer.text.Pinyin;
import cn.huinong.indexer.text.SearchText;
import cn.huinong.indexer.text.Synonyms;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One whitespace-separated word of the search text with what it may also match (ADR 5): its synonyms (土豆 also
 * finds 马铃薯 and 洋芋), and its pinyin: a Latin word is taken as pinyin or initials as typed (dami, yqc), a Han
 * word of two or more Han characters as its toneless pinyin, so that a wrongly chosen homophone (银求茶) still
 * finds 银球茶.
 *
 * @param text the word as typed
 * @param forms the word and its synonyms, the word first
 * @param pinyin the pinyin to match against the documents' pinyin, or null (a word with no letters or Han)
 * @param latin the word is Latin letters only (then it is also tried as initials and fuzzily)
 */
record QueryTerm(String text, List<String> forms, String pinyin, boolean latin) {

    static QueryTerm of(String text, Synonyms synonyms) {
        List<String> forms = new ArrayList<>();
        forms.add(text);
        forms.addAll(synonyms.expand(text));
        boolean latin = Pinyin.isLatinWord(text);
        // one Han character has too many homophones to be worth its pinyin
        String pinyin =
                latin ? text.toLowerCase(Locale.ROOT) : Pinyin.syllables(text).size() >= 2 ? Pinyin.full(text) : "";
        return new QueryTerm(text, List.copyOf(forms), pinyin.isEmpty() ? null : pinyin, latin);
    }

    /** The tokens each form must find all of in a document's {@code tokens} (the fallback's match). */
    List<List<String>> formTokens() {
        return forms.stream()
                .map(SearchText::termTokens)
                .filter(t -> !t.isEmpty())
                .toList();
    }
}
