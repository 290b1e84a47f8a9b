package cn.huinong.catalog.internal;

import cn.huinong.catalog.ProductStock;
import cn.huinong.shared.jdbc.Sql;
import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.util.Collection;
import java.util.TreeSet;

@Singleton
class StockService implements ProductStock {

    private final Sql sql;
    private final SearchDocuments documents;

    StockService(Sql sql, SearchDocuments documents) {
        this.sql = sql;
        this.documents = documents;
    }

    @Override
    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    public boolean reserve(long productId, int quantity) {
        if (quantity <= 0) {
            throw new IllegalArgumentException("quantity must be positive");
        }
        // the row lock taken by this update serialises reservations of one product; the WHERE clause is
        // re-checked against the newest row version after waiting, so stock never goes below zero
        return sql.update("""
                UPDATE product p SET stock = p.stock - ?
                WHERE p.id = ? AND p.stock >= ? AND p.status = 'LISTED'
                  AND EXISTS (SELECT 1 FROM organization_directory o WHERE o.id = p.supplier_id AND o.status = 'APPROVED')""", quantity, productId, quantity) == 1;
    }

    @Override
    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    public void release(long productId, int quantity) {
        if (quantity <= 0) {
            throw new IllegalArgumentException("quantity must be positive");
        }
        sql.update("UPDATE product SET stock = stock + ? WHERE id = ?", quantity, productId);
    }

    @Override
    @Transactional(readOnly = true)
    public int available(long productId) {
        return sql.one("SELECT stock FROM product WHERE id = ?", rs -> rs.getInt(1), productId)
                .orElse(0);
    }

    @Override
    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    public void stockChanged(Collection<Long> productIds) {
        documents.refreshAll(new TreeSet<>(productIds));
    }
}
