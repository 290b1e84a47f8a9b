package cn.huinong.region;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.huinong.audit.AuditLog;
import cn.huinong.audit.AuditQuery;
import cn.huinong.identity.OrganizationKind;
import cn.huinong.identity.Organizations;
import cn.huinong.shared.PageQuery;
import cn.huinong.support.Api;
import cn.huinong.support.Fixtures;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.multipart.MultipartBody;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Imports of the KEY_ASSISTANCE list; this class is the only one that changes designations. */
@MicronautTest(transactional = false)
class DesignationImportTest {

    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    Organizations organizations;

    @Inject
    Regions regions;

    @Inject
    AuditLog audit;

    Api api;
    String operator;

    @BeforeEach
    void setUp() {
        api = new Api(client);
        operator = api.login(Fixtures.provisioned(organizations, OrganizationKind.OPERATOR), Fixtures.PASSWORD);
    }

    private Api.Response upload(String kind, String mode, String csv, String token) {
        MultipartBody body = MultipartBody.builder()
                .addPart("kind", kind)
                .addPart("mode", mode)
                .addPart("file", "counties.csv", MediaType.TEXT_PLAIN_TYPE, csv.getBytes(StandardCharsets.UTF_8))
                .build();
        return api.send(
                HttpRequest.POST("/api/v1/regions/designations/imports", body)
                        .contentType(MediaType.MULTIPART_FORM_DATA_TYPE),
                token);
    }

    @Test
    void replacesMergesAndReportsTheDifference() {
        Api.Response first =
                upload("POVERTY_ALLEVIATED", "REPLACE", "regionCode,name\n522634,雷山县\n522633,从江县\n", operator);
        assertEquals(201, first.status(), first.body().toString());
        assertEquals("APPLIED", first.get("status"));
        assertEquals(2, ((Number) first.get("designatedCount")).intValue());
        assertTrue(regions.find("522634").orElseThrow().povertyAlleviated());

        Api.Response merged = upload("POVERTY_ALLEVIATED", "MERGE", "522632\n522633\n", operator);
        assertEquals(201, merged.status());
        assertEquals(3, ((Number) merged.get("designatedCount")).intValue());
        assertEquals(1, ((Number) merged.get("addedCount")).intValue());

        Api.Response replaced = upload("POVERTY_ALLEVIATED", "REPLACE", "522632\n", operator);
        assertEquals(201, replaced.status());
        assertEquals(1, ((Number) replaced.get("designatedCount")).intValue());
        assertEquals(2, ((Number) replaced.get("removedCount")).intValue());
        assertFalse(regions.find("522634").orElseThrow().povertyAlleviated());
        assertTrue(regions.find("522632").orElseThrow().povertyAlleviated());

        Api.Response list = api.get("/api/v1/regions/designations?kind=POVERTY_ALLEVIATED", operator);
        assertEquals(1, ((Number) list.get("total")).intValue());
        assertEquals("榕江县", list.items().get(0).get("name"));
        assertEquals("贵州省", list.items().get(0).get("provinceName"));

        var entries = audit.search(
                        new AuditQuery(
                                null,
                                "REGION_DESIGNATIONS_IMPORTED",
                                "designation-import",
                                String.valueOf(replaced.get("id")),
                                null,
                                null),
                        PageQuery.of(0, 5))
                .items();
        assertEquals(1, entries.size());
        assertEquals(java.util.Set.of("522633", "522634"), java.util.Set.copyOf((List<?>)
                entries.get(0).detail().get("removed")));
    }

    @Test
    void aFileWithBadLinesChangesNothingAndSaysWhichLines() {
        upload("KEY_ASSISTANCE", "REPLACE", "522633\n", operator);
        Api.Response bad =
                upload("KEY_ASSISTANCE", "REPLACE", "regionCode,name\n522632,榕江县\n999999\n522600\n", operator);

        assertEquals(422, bad.status(), bad.body().toString());
        assertEquals("application/problem+json", bad.contentType());
        assertEquals("文件有2处错误，未做任何更改", bad.get("detail"));
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> lineErrors = (List<Map<String, Object>>) bad.get("lineErrors");
        assertEquals(
                List.of(3, 4),
                lineErrors.stream()
                        .map(e -> ((Number) e.get("line")).intValue())
                        .toList());
        assertTrue(regions.find("522633").orElseThrow().keyAssistance(), "the old list stays");
        assertFalse(regions.find("522632").orElseThrow().keyAssistance(), "no good line was applied");

        Api.Response history = api.get("/api/v1/regions/designations/imports?size=50", operator);
        assertTrue(history.items().stream()
                .anyMatch(i -> "REJECTED".equals(i.get("status"))
                        && ((Number) i.get("id")).longValue() == ((Number) bad.get("importId")).longValue()
                        && ((Number) i.get("errorCount")).intValue() == 2));
        assertEquals(
                1,
                audit.search(
                                new AuditQuery(
                                        null,
                                        "REGION_DESIGNATION_IMPORT_REJECTED",
                                        "designation-import",
                                        String.valueOf(bad.get("importId")),
                                        null,
                                        null),
                                PageQuery.of(0, 5))
                        .total());
    }

    @Test
    void validatesKindModeAndFile() {
        Api.Response badKind = upload("SOMETHING", "REPLACE", "522633\n", operator);
        assertEquals(400, badKind.status());
        assertEquals(List.of("kind"), badKind.violatedFields());
        Api.Response badMode = upload("KEY_ASSISTANCE", "APPEND", "522633\n", operator);
        assertEquals(400, badMode.status());
        assertEquals(List.of("mode"), badMode.violatedFields());
        Api.Response empty = upload("KEY_ASSISTANCE", "REPLACE", "", operator);
        assertEquals(400, empty.status());
    }

    @Test
    void onlyOperatorsImport() {
        String regulator =
                api.login(Fixtures.provisioned(organizations, OrganizationKind.REGULATOR), Fixtures.PASSWORD);
        assertEquals(
                403, upload("KEY_ASSISTANCE", "REPLACE", "522633\n", regulator).status());
        assertEquals(401, upload("KEY_ASSISTANCE", "REPLACE", "522633\n", null).status());
    }
}
