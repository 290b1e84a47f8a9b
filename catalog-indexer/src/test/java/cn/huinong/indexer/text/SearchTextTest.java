package cn.huinong.indexer.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SearchTextTest {

    @ParameterizedTest
    @CsvSource({
        "黔东南苗族侗族自治州, 黔东南",
        "恩施土家族苗族自治州, 恩施",
        "雷山县, 雷山",
        "三都水族自治县, 三都",
        "威宁彝族回族苗族自治县, 威宁",
        "广西壮族自治区, 广西",
        "贵州省, 贵州",
        "思茅区, 思茅",
        "毕节市, 毕节",
        "香港特别行政区, 香港"
    })
    void shortensPlaceNamesAsPeopleSayThem(String official, String shortForm) {
        assertEquals(shortForm, PlaceNames.shortForm(official));
        assertEquals(List.of(official, shortForm), PlaceNames.forms(official));
    }

    @Test
    void neverShortensToOneCharacter() {
        assertNull(PlaceNames.shortForm("和县"));
        assertEquals(List.of("和县"), PlaceNames.forms("和县"));
    }

    @Test
    void writesPinyinAsBuyersTypeIt() {
        assertEquals("yinqiucha", Pinyin.full("银球茶"));
        assertEquals("lvcha", Pinyin.full("绿茶"), "ü as v");
        assertEquals("dami", Pinyin.full("大米 5kg"), "only Han characters have syllables");
        assertTrue(Pinyin.isLatinWord("YQC"));
        assertFalse(Pinyin.isLatinWord("5kg"));
    }

    @Test
    void derivesTheSearchableTextFromTheFacts() throws Exception {
        ObjectMapper json = new ObjectMapper();
        ObjectNode doc = (ObjectNode) json.readTree("""
                {"id": 1, "name": "雷山银球茶", "categoryName": "茶叶", "categoryNames": ["饮品", "茶叶"],
                 "originName": "雷山县", "prefectureName": "黔东南苗族侗族自治州", "provinceName": "贵州省",
                 "brandName": "雷山银球茶", "brandKind": "REGIONAL_PUBLIC", "certifications": ["GREEN_FOOD"],
                 "supplierName": "苗岭合作社", "description": null, "spec": "250g", "unit": "盒"}""");
        SearchText.enrich(doc);
        assertEquals(Set.of("雷山县", "雷山", "黔东南苗族侗族自治州", "黔东南", "贵州省", "贵州"), strings(doc.get("originTerms")));
        assertEquals(Set.of("绿色食品"), strings(doc.get("certificationNames")));
        assertEquals(Set.of("250g", "盒", "区域公用品牌"), strings(doc.get("keywords")));
        Set<String> pinyin = strings(doc.get("pinyin"));
        assertTrue(pinyin.containsAll(Set.of("yinqiucha", "leishan", "chaye", "yinpin", "cha")), pinyin.toString());
        assertTrue(strings(doc.get("initials")).containsAll(Set.of("yqc", "ls", "lsyqc")));
        Set<String> primary = strings(doc.get("primaryTokens"));
        assertTrue(primary.containsAll(Set.of("银球", "球茶", "茶叶", "饮品", "茶")));
        assertFalse(primary.contains("合作"), "the supplier's name is not a primary match");
        assertTrue(strings(doc.get("tokens")).containsAll(Set.of("合作", "黔东", "东南", "绿色", "250g", "yqc")));
        assertEquals(SearchText.VERSION, doc.get("textVersion").asInt());
        assertEquals("雷山银球茶", doc.get("name").asText(), "facts are left alone");
    }

    @Test
    void aQueryTermNeedsItsBigrams() {
        assertEquals(List.of("黔东", "东南"), SearchText.termTokens("黔东南"));
        assertEquals(List.of("茶"), SearchText.termTokens("茶"));
        assertEquals(List.of("大米", "5kg"), SearchText.termTokens("大米5KG"));
    }

    @Test
    void expandsSynonymsBothWaysAndInsideWords(@TempDir Path dir) throws Exception {
        Synonyms s = Synonyms.bundled();
        assertEquals(Set.of("马铃薯", "洋芋", "地蛋"), Set.copyOf(s.expand("土豆")));
        assertTrue(s.expand("洋芋").contains("土豆"));
        assertEquals(List.of("东北稻米"), s.expand("东北大米"));
        assertEquals(List.of(), s.expand("银球茶"));
        Path extra = dir.resolve("more.txt");
        Files.writeString(extra, "# operators' additions\n折耳根 鱼腥草\n");
        Synonyms extended = new Synonyms(List.of(extra));
        assertEquals(List.of("鱼腥草"), extended.expand("折耳根"));
        assertTrue(extended.size() > s.size());
        assertThrows(UncheckedIOException.class, () -> new Synonyms(List.of(dir.resolve("missing.txt"))));
    }

    private static Set<String> strings(JsonNode array) {
        Set<String> out = new HashSet<>();
        array.forEach(v -> out.add(v.asText()));
        return out;
    }
}
