package cn.huinong.catalog;

import static cn.huinong.support.CatalogFixtures.expect;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.huinong.audit.AuditEventView;
import cn.huinong.audit.AuditLog;
import cn.huinong.audit.AuditQuery;
import cn.huinong.identity.OrganizationKind;
import cn.huinong.identity.Organizations;
import cn.huinong.region.Designations;
import cn.huinong.shared.PageQuery;
import cn.huinong.support.Api;
import cn.huinong.support.CatalogFixtures;
import cn.huinong.support.CatalogFixtures.Supplier;
import cn.huinong.support.Fixtures;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@MicronautTest(transactional = false)
class ProductReviewTest {

    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    Organizations organizations;

    @Inject
    Designations designations;

    @Inject
    AuditLog audit;

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

    private Api.Response post(long id, String what, Object body, String token) {
        return api.post("/api/v1/products/" + id + "/" + what, body, token);
    }

    private List<String> auditedActions(long id) {
        return audit
                .search(new AuditQuery(null, null, "product", String.valueOf(id), null, null), PageQuery.of(0, 50))
                .items()
                .stream()
                .map(AuditEventView::action)
                .toList();
    }

    @Test
    void walksTheReviewCycleAndAuditsEveryTransition() {
        Api.Response created = expect(201, api.post("/api/v1/products", CatalogFixtures.product(), supplier.token()));
        assertEquals("DRAFT", created.get("status"));
        long id = ((Number) created.get("id")).longValue();

        assertEquals(
                "PENDING_REVIEW",
                expect(200, post(id, "submission", Map.of(), supplier.token())).get("status"));
        assertTrue(api.get("/api/v1/products/review-queue?size=200", operator).items().stream()
                .anyMatch(p -> ((Number) p.get("id")).longValue() == id));
        assertEquals(
                "LISTED",
                expect(200, post(id, "decision", Map.of("decision", "APPROVE"), operator))
                        .get("status"));
        assertEquals(
                "DELISTED",
                expect(200, post(id, "delisting", Map.of(), supplier.token())).get("status"));
        assertEquals(
                "PENDING_REVIEW",
                expect(200, post(id, "submission", Map.of(), supplier.token())).get("status"));

        Api.Response noReason = post(id, "decision", Map.of("decision", "REJECT"), operator);
        assertEquals(400, noReason.status());
        assertEquals(List.of("reason"), noReason.violatedFields());
        Api.Response rejected =
                expect(200, post(id, "decision", Map.of("decision", "REJECT", "reason", "图片与实物不符"), operator));
        assertEquals("DRAFT", rejected.get("status"));
        assertEquals("图片与实物不符", rejected.get("reviewReason"));

        assertTrue(auditedActions(id)
                .containsAll(List.of(
                        "PRODUCT_CREATED",
                        "PRODUCT_SUBMITTED",
                        "PRODUCT_APPROVED",
                        "PRODUCT_DELISTED",
                        "PRODUCT_REJECTED")));
    }

    @Test
    void refusesIllegalTransitionsWith409() {
        long id = CatalogFixtures.create(api, supplier.token(), CatalogFixtures.product());
        Api.Response approveDraft = post(id, "decision", Map.of("decision", "APPROVE"), operator);
        assertEquals(409, approveDraft.status());
        assertEquals("application/problem+json", approveDraft.contentType());
        assertEquals("商品当前状态为“草稿”，不能审核通过", approveDraft.get("detail"));
        assertEquals(409, post(id, "delisting", Map.of(), supplier.token()).status());
        expect(200, post(id, "submission", Map.of(), supplier.token()));
        assertEquals(409, post(id, "submission", Map.of(), supplier.token()).status());
        expect(200, post(id, "decision", Map.of("decision", "APPROVE"), operator));
        assertEquals(
                409,
                post(id, "decision", Map.of("decision", "APPROVE"), operator).status());
        assertEquals(409, post(id, "submission", Map.of(), supplier.token()).status());
    }

    @Test
    void keyFactChangesSendAListedProductBackToReview() {
        Map<String, Object> body = CatalogFixtures.product();
        long id = CatalogFixtures.listed(api, supplier.token(), operator, body);

        body.put("stock", 5);
        body.put("priceFen", 15360); // +20%: under the 30% threshold
        assertEquals(
                "LISTED",
                expect(200, api.put("/api/v1/products/" + id, body, supplier.token()))
                        .get("status"));

        body.put("priceFen", 19969); // +30.01% over 15360
        Api.Response raised = expect(200, api.put("/api/v1/products/" + id, body, supplier.token()));
        assertEquals("PENDING_REVIEW", raised.get("status"));
        assertEquals("关键信息变更，需重新审核：价格上涨超过30%", raised.get("reviewReason"));
        assertTrue(auditedActions(id).contains("PRODUCT_SENT_BACK_TO_REVIEW"));

        expect(200, post(id, "decision", Map.of("decision", "APPROVE"), operator));
        body.put("name", "雷山银球茶（特级）");
        body.put("originRegionCode", "522633");
        Api.Response renamed = expect(200, api.put("/api/v1/products/" + id, body, supplier.token()));
        assertEquals("PENDING_REVIEW", renamed.get("status"));
        assertEquals("关键信息变更，需重新审核：名称、产地", renamed.get("reviewReason"));
    }

    @Test
    void operatorsMayDelistAnyListedProduct() {
        long id = CatalogFixtures.listed(api, supplier.token(), operator, CatalogFixtures.product());
        assertEquals(
                "DELISTED",
                expect(200, post(id, "delisting", Map.of(), operator)).get("status"));
        assertEquals(404, api.get("/api/v1/products/" + id, null).status());
        assertEquals(
                403,
                api.put("/api/v1/products/" + id, CatalogFixtures.product(), operator)
                        .status());
    }

    @Test
    void exactlyThirtyPercentStaysListed() {
        Map<String, Object> body = CatalogFixtures.product();
        body.put("priceFen", 10000);
        long id = CatalogFixtures.listed(api, supplier.token(), operator, body);
        body.put("priceFen", 13000);
        assertEquals(
                "LISTED",
                expect(200, api.put("/api/v1/products/" + id, body, supplier.token()))
                        .get("status"));
    }

    @Test
    void validatesWithChineseViolations() {
        Map<String, Object> body = CatalogFixtures.product();
        body.put("priceFen", 0);
        body.put("stock", -1);
        body.put("name", " ");
        Api.Response r = api.post("/api/v1/products", body, supplier.token());
        assertEquals(400, r.status());
        assertTrue(
                r.violatedFields().containsAll(List.of("priceFen", "stock", "name")),
                r.body().toString());
        assertTrue(r.violations().stream().anyMatch(v -> "价格必须大于0（单位：分）".equals(v.get("message"))));

        Map<String, Object> wrong = CatalogFixtures.product();
        wrong.put("categoryCode", "05");
        wrong.put("originRegionCode", "520000");
        wrong.put("brandId", 999999999);
        Api.Response facts = api.post("/api/v1/products", wrong, supplier.token());
        assertEquals(400, facts.status());
        assertEquals(List.of("categoryCode", "originRegionCode", "brandId"), facts.violatedFields());
        assertEquals("请选择到最末级品类（05 下还有子品类）", facts.violations().get(0).get("message"));
    }

    @Test
    void onlyTheOwnerEditsAndOnlySuppliersCreate() {
        long id = CatalogFixtures.create(api, supplier.token(), CatalogFixtures.product());
        Supplier other = CatalogFixtures.supplier(organizations, api);
        assertEquals(
                404,
                api.put("/api/v1/products/" + id, CatalogFixtures.product(), other.token())
                        .status());
        assertEquals(404, post(id, "submission", Map.of(), other.token()).status());
        String buyer = api.login(Fixtures.provisioned(organizations, OrganizationKind.BUYER), Fixtures.PASSWORD);
        assertEquals(
                403,
                api.post("/api/v1/products", CatalogFixtures.product(), buyer).status());
        assertEquals(
                403,
                post(id, "decision", Map.of("decision", "APPROVE"), supplier.token())
                        .status());
        assertEquals(
                401,
                api.post("/api/v1/products", CatalogFixtures.product(), null).status());
    }

    @Test
    void listsOwnProductsByStatusWithPaging() {
        Supplier s = CatalogFixtures.supplier(organizations, api);
        long a = CatalogFixtures.create(api, s.token(), CatalogFixtures.product());
        long b = CatalogFixtures.create(api, s.token(), CatalogFixtures.product());
        expect(200, post(b, "submission", Map.of(), s.token()));
        Api.Response all = expect(200, api.get("/api/v1/products?mine=true&size=1", s.token()));
        assertEquals(2, ((Number) all.get("total")).intValue());
        assertEquals(1, all.items().size());
        Api.Response drafts = expect(200, api.get("/api/v1/products?mine=true&status=DRAFT", s.token()));
        assertEquals(
                List.of(a),
                drafts.items().stream()
                        .map(p -> ((Number) p.get("id")).longValue())
                        .toList());
    }
}
