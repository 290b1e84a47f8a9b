package cn.huinong.catalog.internal;

import cn.huinong.shared.jdbc.Sql;
import jakarta.inject.Singleton;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Optional;

/**
 * Flags prices far above the market: more than {@code factor} times the median price of LISTED
 * products in the same category and unit, when at least {@code minPeers} of them exist.
 */
@Singleton
class PriceSanity {

    private record Peers(long count, Long medianFen) {}

    private final Sql sql;
    private final CatalogSettings settings;

    PriceSanity(Sql sql, CatalogSettings settings) {
        this.sql = sql;
        this.settings = settings;
    }

    /** The reason to flag, or empty when the price is plausible (or there are too few peers to say). */
    Optional<String> check(long productId, String categoryCode, String unit, long priceFen) {
        Peers peers = sql.one(
                        """
                SELECT count(*), percentile_disc(0.5) WITHIN GROUP (ORDER BY price_fen)
                FROM product WHERE status = 'LISTED' AND category_code = ? AND unit = ? AND id <> ?""",
                        rs -> new Peers(rs.getLong(1), Sql.nullableLong(rs, "percentile_disc")),
                        categoryCode,
                        unit,
                        productId)
                .orElseThrow();
        if (peers.count() < settings.priceFlagMinPeers() || peers.medianFen() == null) {
            return Optional.empty();
        }
        BigDecimal limit = settings.priceFlagFactor().multiply(BigDecimal.valueOf(peers.medianFen()));
        if (BigDecimal.valueOf(priceFen).compareTo(limit) <= 0) {
            return Optional.empty();
        }
        BigDecimal times =
                BigDecimal.valueOf(priceFen).divide(BigDecimal.valueOf(peers.medianFen()), 1, RoundingMode.HALF_UP);
        return Optional.of("价格 " + yuan(priceFen) + " 元/" + unit + " 是同品类已上架商品中位价 " + yuan(peers.medianFen())
                + " 元/" + unit + " 的 " + times.toPlainString() + " 倍（" + peers.count() + " 个商品，超过 "
                + settings.priceFlagFactor().stripTrailingZeros().toPlainString() + " 倍即提示）");
    }

    static String yuan(long fen) {
        return BigDecimal.valueOf(fen, 2).toPlainString();
    }
}
