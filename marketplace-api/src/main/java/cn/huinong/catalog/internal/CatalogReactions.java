package cn.huinong.catalog.internal;

import cn.huinong.identity.OrganizationDecided;
import cn.huinong.identity.OrganizationKind;
import cn.huinong.region.DesignationKind;
import cn.huinong.region.DesignationsChanged;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.inject.Singleton;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Re-evaluates search documents (searchability, eligibility) when a supplier is decided or the
 * poverty-alleviated designations change. Listeners run synchronously, inside the publisher's transaction.
 */
@Singleton
class CatalogReactions {

    private final ProductStore products;
    private final SearchDocuments documents;

    CatalogReactions(ProductStore products, SearchDocuments documents) {
        this.products = products;
        this.documents = documents;
    }

    @EventListener
    void on(OrganizationDecided e) {
        if (e.kind() == OrganizationKind.SUPPLIER) {
            documents.refreshAll(products.idsOfSupplier(e.organizationId()));
        }
    }

    @EventListener
    void on(DesignationsChanged e) {
        if (e.kind() != DesignationKind.POVERTY_ALLEVIATED) {
            return;
        }
        Set<String> codes = new LinkedHashSet<>(e.addedCodes());
        codes.addAll(e.removedCodes());
        if (!codes.isEmpty()) {
            documents.refreshAll(products.idsTouchingRegions(codes.toArray(String[]::new)));
        }
    }
}
