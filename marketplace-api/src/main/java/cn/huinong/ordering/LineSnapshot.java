package cn.huinong.ordering;

import cn.huinong.catalog.CertificationView;
import cn.huinong.catalog.ProductView;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/**
 * The product as it was bought, frozen on the order line: facts, certifications and the reserved-share
 * eligibility decision (with its reasons) at order time. Later catalog changes never alter it.
 */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
public record LineSnapshot(
        String name,
        String categoryCode,
        String categoryName,
        String unit,
        String spec,
        long priceFen,
        long supplierId,
        String supplierName,
        ProductView.Origin origin,
        @Nullable ProductView.Brand brand,
        List<CertificationView> certifications,
        boolean eligible,
        List<String> eligibilityReasons) {}
