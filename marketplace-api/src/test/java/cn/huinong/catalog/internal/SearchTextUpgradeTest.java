package cn.huinong.catalog.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.huinong.identity.Organizations;
import cn.huinong.indexer.text.SearchText;
import cn.huinong.region.Designations;
import cn.huinong.support.Api;
import cn.huinong.support.CatalogFixtures;
import cn.huinong.support.CatalogFixtures.Supplier;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * Documents written before the search text existed (no textVersion) are rewritten by the upgrade job, with the
 * derived text, a higher version and an outbox row: from the stored facts when they are complete, else from the
 * product.
 */
@MicronautTest(transactional = false)
class SearchTextUpgradeTest {

    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    Organizations organizations;

    @Inject
    Designations designations;

    @Inject
    DataSource dataSource;

    @Inject
    SearchTextUpgrade upgrade;

    @Test
    void rewritesDocumentsOfAnOlderTextVersion() throws Exception {
        Api api = new Api(client);
        CatalogFixtures.designate(designations, CatalogFixtures.LEISHAN);
        Supplier supplier = CatalogFixtures.supplier(organizations, api);
        String operator = CatalogFixtures.operator(organizations, api);
        long complete = CatalogFixtures.listed(api, supplier.token(), operator, CatalogFixtures.product());
        long old = CatalogFixtures.listed(api, supplier.token(), operator, CatalogFixtures.product());
        long versionBefore = version(complete);
        // as an earlier release wrote them: no derived text; the second also without the facts added since
        strip(complete, "'{tokens,primaryTokens,pinyin,initials,originTerms,textVersion}'");
        strip(old, "'{tokens,primaryTokens,pinyin,initials,originTerms,textVersion,categoryNames,prefectureName}'");

        upgrade.run(); // (the scheduled run may have come first: either way, once)

        for (long id : new long[] {complete, old}) {
            assertEquals(SearchText.VERSION, intField(id, "textVersion"));
            assertTrue(query(
                            id,
                            "SELECT jsonb_array_length(document->'pinyin') FROM product_search_document WHERE product_id = ?")
                    > 0);
            assertTrue(query(
                            id,
                            "SELECT count(*) FROM catalog_outbox WHERE product_id = ? AND version = "
                                    + "(SELECT version FROM product_search_document WHERE product_id = ?)")
                    > 0);
        }
        assertEquals(versionBefore + 1, version(complete));
        assertTrue(
                query(
                                old,
                                "SELECT jsonb_array_length(document->'categoryNames') FROM product_search_document WHERE product_id = ?")
                        > 0,
                "rebuilt from the product: the facts are back");
        upgrade.run();
        assertEquals(versionBefore + 1, version(complete), "nothing left to upgrade");
    }

    private void strip(long id, String keys) throws Exception {
        try (Connection c = DelegatingDataSource.unwrapDataSource(dataSource).getConnection();
                PreparedStatement ps = c.prepareStatement("UPDATE product_search_document SET document = document - "
                        + keys + "::text[] WHERE product_id = ?")) {
            ps.setLong(1, id);
            assertEquals(1, ps.executeUpdate());
        }
    }

    private long version(long id) throws Exception {
        return query(id, "SELECT version FROM product_search_document WHERE product_id = ?");
    }

    private long intField(long id, String field) throws Exception {
        return query(
                id,
                "SELECT coalesce((document->>'" + field
                        + "')::int, -1) FROM product_search_document WHERE product_id = ?");
    }

    private long query(long id, String sql) throws Exception {
        try (Connection c = DelegatingDataSource.unwrapDataSource(dataSource).getConnection();
                PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 1; i <= ps.getParameterMetaData().getParameterCount(); i++) {
                ps.setLong(i, id);
            }
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
