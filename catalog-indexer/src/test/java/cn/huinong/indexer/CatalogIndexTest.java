package cn.huinong.indexer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import co.elastic.clients.elasticsearch._types.mapping.Property;
import co.elastic.clients.elasticsearch.indices.analyze.AnalyzeToken;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class CatalogIndexTest {

    static TestCatalog catalog;

    @BeforeAll
    static void start() throws Exception {
        catalog = TestCatalog.start();
    }

    @AfterAll
    static void stop() throws Exception {
        catalog.close();
    }

    @Test
    void createsTheFirstIndexBehindTheAliasOnceAndMapsFieldsAsDesigned() throws Exception {
        String first = catalog.index.ensure(catalog.es);
        assertEquals(catalog.index.initialIndex(), first);
        assertEquals(first, catalog.index.ensure(catalog.es), "ensure is idempotent");

        Map<String, Property> p = catalog.es
                .indices()
                .getMapping(g -> g.index(catalog.index.alias()))
                .result()
                .get(first)
                .mappings()
                .properties();
        assertEquals("zh_text", p.get("name").text().analyzer());
        assertEquals("zh_search", p.get("name").text().searchAnalyzer());
        assertTrue(p.get("name").text().fields().get("exact").isKeyword());
        assertEquals("zh_text", p.get("description").text().analyzer());
        assertEquals("zh_text", p.get("brandName").text().analyzer());
        assertEquals("zh_text", p.get("supplierName").text().analyzer());
        for (String facet : List.of(
                "categoryPath", "certifications", "provinceCode", "originCode", "brandId", "brandKind", "supplierId")) {
            assertTrue(p.get(facet).isKeyword(), facet + " is a keyword");
        }
        assertTrue(p.get("eligible").isBoolean());
        assertTrue(p.get("priceFen").isLong());
        assertTrue(p.get("suggest").isCompletion());
    }

    @Test
    void analyzesChineseIntoCharactersAndBigrams() throws Exception {
        catalog.index.ensure(catalog.es);
        List<String> tokens = catalog
                .es
                .indices()
                .analyze(a -> a.index(catalog.index.alias()).analyzer("zh_text").text("雷山银球茶 Tea"))
                .tokens()
                .stream()
                .map(AnalyzeToken::token)
                .toList();
        assertTrue(tokens.containsAll(List.of("雷", "山", "银", "球", "茶", "雷山", "银球", "球茶", "tea")), tokens.toString());
        List<String> query = catalog
                .es
                .indices()
                .analyze(a ->
                        a.index(catalog.index.alias()).analyzer("zh_search").text("银球茶"))
                .tokens()
                .stream()
                .map(AnalyzeToken::token)
                .toList();
        assertEquals(List.of("银球", "球茶"), query, "queries are bigrams only");
        List<String> single = catalog
                .es
                .indices()
                .analyze(a ->
                        a.index(catalog.index.alias()).analyzer("zh_search").text("茶"))
                .tokens()
                .stream()
                .map(AnalyzeToken::token)
                .toList();
        assertEquals(List.of("茶"), single, "a single character stays searchable");
    }
}
