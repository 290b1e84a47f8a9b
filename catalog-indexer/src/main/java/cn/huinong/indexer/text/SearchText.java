package cn.huinong.indexer.text;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The searchable text of a product, derived from its search document's facts (ADR 5) and computed in Java when
 * the catalog writes the document, so that Elasticsearch and the PostgreSQL fallback search the same words:
 * <ul>
 *   <li>{@code originTerms}: county, prefecture and province, official and short (雷山县, 雷山, 黔东南苗族侗族自治州,
 *       黔东南, 贵州省, 贵州);
 *   <li>{@code certificationNames}: the valid certifications by their Chinese names (绿色食品, 有机产品, ...);
 *   <li>{@code keywords}: spec, unit and the brand's kind (区域公用品牌);
 *   <li>{@code pinyin}: toneless pinyin of runs of one to {@value #MAX_RUN} consecutive characters of name, brand,
 *       category and origin names (cha, dami, yinqiucha, leishan); {@code initials}: their initials, runs of two to
 *       {@value #MAX_RUN} (yqc, ls);
 *   <li>{@code tokens}: what the fallback matches, every text field as Han unigrams and bigrams and lower-cased
 *       Latin/digit words, plus the pinyin and initials; {@code primaryTokens} the same for name, category and
 *       brand only (the fallback ranks those matches above the rest).
 * </ul>
 * The query side uses {@link #termTokens} and {@link Pinyin#full}: a term matches when its bigrams (a single
 * character: its unigram) are all in one document, as in the Elasticsearch {@code zh_search} analyzer.
 */
public final class SearchText {

    /** Bumped when the derived fields change, so that stored documents of an older version are rewritten. */
    public static final int VERSION = 1;

    static final int MAX_RUN = 5;

    public static final Map<String, List<String>> CERTIFICATION_NAMES = Map.of(
            "ASSISTANCE_PRODUCT", List.of("消费帮扶产品", "扶贫产品"),
            "GREEN_FOOD", List.of("绿色食品"),
            "ORGANIC", List.of("有机产品", "有机食品"),
            "GEOGRAPHICAL_INDICATION", List.of("农产品地理标志", "地理标志产品"),
            "FAMOUS_SPECIAL", List.of("名特优新农产品"),
            "COMPLIANCE_CERTIFICATE", List.of("承诺达标合格证", "合格证"));

    static final Map<String, String> BRAND_KIND_NAMES = Map.of(
            "REGIONAL_PUBLIC", "区域公用品牌",
            "ENTERPRISE", "企业品牌",
            "PRODUCT", "产品品牌");

    private static final ObjectMapper JSON = new ObjectMapper();

    private SearchText() {}

    /** {@link #enrich} on a document's JSON text. */
    public static String enrichJson(String document) {
        try {
            return JSON.writeValueAsString(enrich((ObjectNode) JSON.readTree(document)));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not a search document: " + e.getOriginalMessage(), e);
        }
    }

    /** The document with its derived fields (re)computed from its facts; the facts are left alone. */
    public static ObjectNode enrich(ObjectNode doc) {
        List<String> categories = strings(doc.get("categoryNames"));
        if (categories.isEmpty() && text(doc, "categoryName") != null) {
            categories = List.of(text(doc, "categoryName"));
        }
        Set<String> origin = new LinkedHashSet<>();
        for (String field : List.of("originName", "prefectureName", "provinceName")) {
            origin.addAll(PlaceNames.forms(text(doc, field)));
        }
        Set<String> certificationNames = new LinkedHashSet<>();
        for (String kind : strings(doc.get("certifications"))) {
            certificationNames.addAll(CERTIFICATION_NAMES.getOrDefault(kind, List.of()));
        }
        Set<String> keywords = new LinkedHashSet<>();
        addIfPresent(keywords, text(doc, "spec"));
        addIfPresent(keywords, text(doc, "unit"));
        String brandKind = text(doc, "brandKind");
        addIfPresent(keywords, brandKind == null ? null : BRAND_KIND_NAMES.get(brandKind));

        Set<String> pinyin = new LinkedHashSet<>();
        Set<String> initials = new LinkedHashSet<>();
        List<String> spoken = new ArrayList<>();
        addIfPresent(spoken, text(doc, "name"));
        addIfPresent(spoken, text(doc, "brandName"));
        spoken.addAll(categories);
        spoken.addAll(PlaceNames.forms(text(doc, "originName")));
        for (String s : spoken) {
            runs(s, pinyin, initials);
        }

        Set<String> primary = new LinkedHashSet<>();
        addTokens(primary, text(doc, "name"));
        addTokens(primary, text(doc, "brandName"));
        categories.forEach(c -> addTokens(primary, c));
        primary.addAll(pinyin);
        primary.addAll(initials);
        Set<String> tokens = new LinkedHashSet<>(primary);
        origin.forEach(o -> addTokens(tokens, o));
        certificationNames.forEach(c -> addTokens(tokens, c));
        keywords.forEach(k -> addTokens(tokens, k));
        addTokens(tokens, text(doc, "supplierName"));
        addTokens(tokens, text(doc, "description"));

        doc.set("categoryNames", array(doc, categories));
        doc.set("originTerms", array(doc, origin));
        doc.set("certificationNames", array(doc, certificationNames));
        doc.set("keywords", array(doc, keywords));
        doc.set("pinyin", array(doc, pinyin));
        doc.set("initials", array(doc, initials));
        doc.set("primaryTokens", array(doc, primary));
        doc.set("tokens", array(doc, tokens));
        doc.put("textVersion", VERSION);
        return doc;
    }

    /**
     * What one query term must find among a document's tokens: the bigrams of its Han runs (a run of one
     * character: that character) and its Latin/digit words, lower case.
     */
    public static List<String> termTokens(String term) {
        Set<String> out = new LinkedHashSet<>();
        addTokens(out, term, false);
        return List.copyOf(out);
    }

    private static void addTokens(Set<String> out, String text) {
        addTokens(out, text, true);
    }

    /** Han runs as bigrams (with unigrams when {@code unigrams}), other letters and digits as lower-case words. */
    private static void addTokens(Set<String> out, String text, boolean unigrams) {
        if (text == null) {
            return;
        }
        String s = text.toLowerCase(Locale.ROOT);
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (Pinyin.isHan(c)) {
                int j = i;
                while (j < s.length() && Pinyin.isHan(s.charAt(j))) {
                    j++;
                }
                for (int k = i; k < j; k++) {
                    if (unigrams || j - i == 1) {
                        out.add(String.valueOf(s.charAt(k)));
                    }
                    if (k + 1 < j) {
                        out.add(s.substring(k, k + 2));
                    }
                }
                i = j;
            } else if (Character.isLetterOrDigit(c)) {
                int j = i;
                while (j < s.length() && Character.isLetterOrDigit(s.charAt(j)) && !Pinyin.isHan(s.charAt(j))) {
                    j++;
                }
                out.add(s.substring(i, j));
                i = j;
            } else {
                i++;
            }
        }
    }

    /** Pinyin of runs of 1..MAX_RUN consecutive Han characters, and initials of runs of 2..MAX_RUN. */
    private static void runs(String text, Set<String> pinyin, Set<String> initials) {
        List<String> syllables = new ArrayList<>();
        for (int i = 0; i <= text.length(); i++) {
            String s = i < text.length() ? Pinyin.syllable(text.charAt(i)) : null;
            if (s != null) {
                syllables.add(s);
                continue;
            }
            for (int a = 0; a < syllables.size(); a++) {
                StringBuilder full = new StringBuilder();
                StringBuilder first = new StringBuilder();
                for (int b = a; b < syllables.size() && b - a < MAX_RUN; b++) {
                    full.append(syllables.get(b));
                    first.append(syllables.get(b).charAt(0));
                    pinyin.add(full.toString());
                    if (b > a) {
                        initials.add(first.toString());
                    }
                }
            }
            syllables.clear();
        }
    }

    private static ArrayNode array(ObjectNode doc, Collection<String> values) {
        ArrayNode a = doc.arrayNode();
        values.forEach(a::add);
        return a;
    }

    private static void addIfPresent(Collection<String> out, String value) {
        if (value != null && !value.isBlank()) {
            out.add(value.strip());
        }
    }

    private static String text(JsonNode doc, String field) {
        JsonNode v = doc.get(field);
        return v == null || v.isNull() || v.asText().isBlank() ? null : v.asText();
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        if (array != null && array.isArray()) {
            array.forEach(v -> {
                if (!v.isNull() && !v.asText().isBlank()) {
                    out.add(v.asText());
                }
            });
        }
        return out;
    }
}
