package cn.huinong.ordering;

import cn.huinong.shared.problem.ConflictException;
import cn.huinong.shared.problem.Violation;
import java.util.List;
import java.util.Map;

/**
 * 409 {@code out-of-stock}: a checkout line is short of stock or no longer purchasable; nothing was reserved.
 * {@code shortages} lists productId, requested and available per line.
 */
public final class OutOfStock extends ConflictException {

    public OutOfStock(List<Violation> violations, List<Map<String, Object>> shortages) {
        super("out-of-stock", "库存不足或商品不可购买，未预留任何库存", violations, Map.of("shortages", shortages));
    }
}
