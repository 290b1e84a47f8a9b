package cn.huinong.catalog.internal;

import static cn.huinong.support.CatalogFixtures.expect;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.huinong.catalog.ProductDraft;
import cn.huinong.catalog.ProductStatus;
import cn.huinong.identity.Decision;
import cn.huinong.identity.Organizations;
import cn.huinong.region.DesignatedRegion;
import cn.huinong.region.DesignationKind;
import cn.huinong.region.DesignationMode;
import cn.huinong.region.Designations;
import cn.huinong.shared.Actor;
import cn.huinong.shared.PageQuery;
import cn.huinong.support.Api;
import cn.huinong.support.CatalogFixtures;
import cn.huinong.support.CatalogFixtures.Supplier;
import io.micronaut.core.type.Argument;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.serde.ObjectMapper;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** ADR 4 against the real PostgreSQL: one new document version and one outbox row per change, in its transaction. */
@MicronautTest(transactional = false)
class SearchDocumentsTest {

    static final Set<String> FIELDS = Set.of(
            "id",
            "name",
            "description",
            "categoryCode",
            "categoryPath",
            "categoryName",
            "supplierId",
            "supplierName",
            "originCode",
            "originName",
            "provinceCode",
            "provinceName",
            "prefectureCode",
            "brandId",
            "brandName",
            "brandKind",
            "certifications",
            "eligible",
            "priceFen",
            "unit",
            "spec",
            "stock",
            "inStock",
            "salesCount",
            "listedAt",
            "updatedAt",
            "imageUrl",
            "status",
            // facts added for the search text (ADR 5)
            "categoryNames",
            "prefectureName",
            // derived by SearchText.enrich
            "originTerms",
            "certificationNames",
            "keywords",
            "pinyin",
            "initials",
            "primaryTokens",
            "tokens",
            "textVersion");

    record Doc(long version, boolean searchable, Map<String, Object> document) {}

    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    Organizations organizations;

    @Inject
    Designations designations;

    @Inject
    JdbcOperations jdbc;

    @Inject
    TransactionOperations<Connection> tx;

    @Inject
    ObjectMapper json;

    @Inject
    SearchDocuments documents;

    @Inject
    ProductStore store;

    Api api;
    Supplier supplier;
    String operator;

    @BeforeEach
    void setUp() {
        api = new Api(client);
        CatalogFixtures.designate(designations, CatalogFixtures.LEISHAN);
        supplier = CatalogFixtures.supplier(organizations, api);
        operator = CatalogFixtures.operator(organizations, api);
    }

    Doc doc(long productId) {
        return tx.executeRead(s -> jdbc.prepareStatement(
                "SELECT version, searchable, document::text FROM product_search_document WHERE product_id = ?", ps -> {
                    ps.setLong(1, productId);
                    try (ResultSet rs = ps.executeQuery()) {
                        if (!rs.next()) {
                            return null;
                        }
                        try {
                            return new Doc(
                                    rs.getLong(1),
                                    rs.getBoolean(2),
                                    json.readValue(rs.getString(3), Argument.mapOf(String.class, Object.class)));
                        } catch (java.io.IOException e) {
                            throw new IllegalStateException(e);
                        }
                    }
                }));
    }

    List<Long> outboxVersions(long productId) {
        return tx.executeRead(s ->
                jdbc.prepareStatement("SELECT version FROM catalog_outbox WHERE product_id = ? ORDER BY id", ps -> {
                    ps.setLong(1, productId);
                    List<Long> out = new java.util.ArrayList<>();
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            out.add(rs.getLong(1));
                        }
                    }
                    return out;
                }));
    }

    @Test
    void everyChangeWritesANewVersionAndOneOutboxRow() {
        long id = CatalogFixtures.create(api, supplier.token(), CatalogFixtures.product());
        Doc draft = doc(id);
        assertEquals(1, draft.version());
        assertFalse(draft.searchable());
        assertEquals(List.of(1L), outboxVersions(id));

        expect(200, api.post("/api/v1/products/" + id + "/submission", Map.of(), supplier.token()));
        expect(200, api.post("/api/v1/products/" + id + "/decision", Map.of("decision", "APPROVE"), operator));
        Doc listed = doc(id);
        assertEquals(3, listed.version());
        assertTrue(listed.searchable());
        assertEquals(List.of(1L, 2L, 3L), outboxVersions(id));

        Map<String, Object> d = listed.document();
        assertEquals(FIELDS, d.keySet());
        assertEquals(id, ((Number) d.get("id")).longValue());
        assertEquals(List.of("05", "0501"), d.get("categoryPath"));
        assertEquals("绿茶", d.get("categoryName"));
        assertEquals(List.of("茶叶", "绿茶"), d.get("categoryNames"));
        assertEquals("黔东南苗族侗族自治州", d.get("prefectureName"));
        assertTrue(((List<?>) d.get("originTerms")).containsAll(List.of("雷山", "黔东南", "贵州")));
        assertEquals("522634", d.get("originCode"));
        assertEquals("雷山县", d.get("originName"));
        assertEquals("520000", d.get("provinceCode"));
        assertEquals("贵州省", d.get("provinceName"));
        assertEquals("522600", d.get("prefectureCode"));
        assertEquals(supplier.id(), ((Number) d.get("supplierId")).longValue());
        assertEquals(true, d.get("eligible"));
        assertEquals(true, d.get("inStock"));
        assertEquals(12800, ((Number) d.get("priceFen")).longValue());
        assertEquals(0, ((Number) d.get("salesCount")).longValue());
        assertEquals(List.of(), d.get("certifications"));
        assertEquals("https://img.example.cn/yinqiu-1.jpg", d.get("imageUrl"));
        assertEquals("LISTED", d.get("status"));
        assertTrue(d.containsKey("brandId") && d.get("brandId") == null, "nulls are written out");
        assertTrue(d.get("listedAt") instanceof String);
    }

    @Test
    void aFailingChangeWritesNeitherDocumentNorOutbox() {
        long id = CatalogFixtures.create(api, supplier.token(), CatalogFixtures.product());
        assertEquals(
                409,
                api.post("/api/v1/products/" + id + "/delisting", Map.of(), supplier.token())
                        .status());
        assertEquals(1, doc(id).version());
        assertEquals(1, outboxVersions(id).size());

        assertThrows(
                IllegalStateException.class,
                () -> tx.executeWrite(s -> {
                    documents.refresh(id);
                    throw new IllegalStateException("the change fails after the document was written");
                }));
        assertEquals(1, doc(id).version());
        assertEquals(1, outboxVersions(id).size());

        assertThrows(RuntimeException.class, () -> documents.refresh(id), "never outside a transaction");
        assertEquals(1, outboxVersions(id).size());
    }

    @Test
    void aSupplierDecisionReevaluatesItsProducts() {
        Supplier pending = CatalogFixtures.supplier(organizations, api, CatalogFixtures.LEISHAN, false);
        long id = tx.executeWrite(s -> {
            long pid = store.insert(
                    pending.id(),
                    new ProductDraft(
                            "雷山鱼酱", "0701", CatalogFixtures.LEISHAN, "瓶", "500克/瓶", 3500, 20, null, null, List.of()),
                    ProductStatus.DRAFT,
                    null);
            store.moveTo(pid, ProductStatus.LISTED, null);
            documents.refresh(pid);
            return pid;
        });
        assertFalse(doc(id).searchable(), "a listed product of a pending supplier is not searchable");
        assertEquals(false, doc(id).document().get("eligible"));
        assertEquals(404, api.get("/api/v1/products/" + id, null).status());

        organizations.decide(pending.id(), Decision.APPROVE, null, Actor.system("test"));
        Doc after = doc(id);
        assertEquals(2, after.version());
        assertTrue(after.searchable());
        assertEquals(true, after.document().get("eligible"));
        assertEquals(List.of(1L, 2L), outboxVersions(id));
        assertEquals(200, api.get("/api/v1/products/" + id, null).status());
    }

    @Test
    void aDesignationChangeReevaluatesEligibility() {
        String jianhe = "522629";
        CatalogFixtures.designate(designations, jianhe);
        Supplier s = CatalogFixtures.supplier(organizations, api, jianhe, true);
        Map<String, Object> body = CatalogFixtures.product();
        body.put("originRegionCode", jianhe);
        long id = CatalogFixtures.listed(api, s.token(), operator, body);
        assertEquals(true, doc(id).document().get("eligible"));
        long version = doc(id).version();

        Set<String> others =
                designations.designated(DesignationKind.POVERTY_ALLEVIATED, null, PageQuery.of(0, 200)).items().stream()
                        .map(DesignatedRegion::code)
                        .filter(c -> !c.equals(jianhe))
                        .collect(Collectors.toSet());
        designations.importCsv(
                Actor.system("test"),
                DesignationKind.POVERTY_ALLEVIATED,
                DesignationMode.REPLACE,
                "without-jianhe.csv",
                (String.join("\n", others) + "\n").getBytes(StandardCharsets.UTF_8));
        Doc removed = doc(id);
        assertEquals(version + 1, removed.version());
        assertEquals(false, removed.document().get("eligible"));
        assertEquals(false, expect(200, api.get("/api/v1/products/" + id, null)).get("eligible"));

        CatalogFixtures.designate(designations, jianhe);
        assertEquals(true, doc(id).document().get("eligible"));
        assertEquals(version + 2, doc(id).version());
    }
}
