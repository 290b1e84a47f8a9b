package cn.huinong.region;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@MicronautTest(transactional = false)
class RegionApiTest {

    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    Regions regions;

    @Test
    void servesTheWholeGbt2260Tree() {
        List<Map<String, Object>> provinces = client.toBlocking()
                .retrieve(
                        HttpRequest.GET("/api/v1/regions?level=PROVINCE"),
                        Argument.listOf(Argument.mapOf(String.class, Object.class)));
        assertEquals(31, provinces.size(), "31 provincial divisions of the mainland");
        assertEquals("110000", provinces.get(0).get("code"));

        Map<?, ?> county = client.toBlocking().retrieve("/api/v1/regions/522634", Map.class);
        assertEquals("雷山县", county.get("name"));
        assertEquals("COUNTY", county.get("level"));
        assertEquals("522600", county.get("parentCode"));

        List<Map<String, Object>> counties = client.toBlocking()
                .retrieve(
                        HttpRequest.GET("/api/v1/regions/522600/children"),
                        Argument.listOf(Argument.mapOf(String.class, Object.class)));
        assertEquals(16, counties.size(), "黔东南 has 16 counties and cities");
        assertTrue(counties.stream().allMatch(c -> "COUNTY".equals(c.get("level"))));
    }

    @Test
    void knowsLineageAndScope() {
        assertEquals(List.of("522634", "522600", "520000"), regions.lineage("522634"));
        assertTrue(regions.isWithin("522634", "520000"));
        assertTrue(!regions.isWithin("110101", "520000"));
    }

    @Test
    void unknownCodesAre404ProblemJson() {
        HttpClientResponseException e = org.junit.jupiter.api.Assertions.assertThrows(
                HttpClientResponseException.class,
                () -> client.toBlocking().retrieve("/api/v1/regions/999999", Map.class));
        assertEquals(404, e.code());
        assertEquals(
                "application/problem+json",
                e.getResponse().getContentType().orElseThrow().toString());
    }
}
