package cn.huinong.catalog;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The one rule for "counts toward the reserved share" (预留份额): the product page, the search
 * documents and orders all ask this class. Pure: it decides from {@link EligibilityFacts} only.
 *
 * <ul>
 *   <li>the supplier is APPROVED and registered in a designated poverty-alleviated county (脱贫县);</li>
 *   <li>the product's origin is a designated poverty-alleviated county;</li>
 *   <li>where the origin's province requires it (configuration), the product holds a valid, approved
 *       assistance-product recognition (帮扶产品认定).</li>
 * </ul>
 */
public final class EligibilityPolicy {

    private final Set<String> provincesRequiringRecognition;

    public EligibilityPolicy(Set<String> provincesRequiringRecognition) {
        this.provincesRequiringRecognition = Set.copyOf(provincesRequiringRecognition);
    }

    public boolean requiresRecognition(String provinceCode) {
        return provinceCode != null && provincesRequiringRecognition.contains(provinceCode);
    }

    public Eligibility decide(EligibilityFacts f) {
        List<String> met = new ArrayList<>();
        List<String> missed = new ArrayList<>();
        (f.supplierApproved() ? met : missed).add(f.supplierApproved() ? "供应商已通过平台审核" : "供应商尚未通过平台审核");
        (f.supplierRegionPovertyAlleviated() ? met : missed)
                .add(f.supplierRegionPovertyAlleviated() ? "供应商注册地为脱贫县" : "供应商注册地不在脱贫县名单内");
        (f.originPovertyAlleviated() ? met : missed).add(f.originPovertyAlleviated() ? "产地为脱贫县" : "产地不在脱贫县名单内");
        if (requiresRecognition(f.originProvinceCode())) {
            (f.validAssistanceRecognition() ? met : missed)
                    .add(f.validAssistanceRecognition() ? "已取得有效的帮扶产品认定（产地所在省要求）" : "产地所在省要求有效的帮扶产品认定，该商品尚无有效认定");
        }
        return missed.isEmpty() ? new Eligibility(true, List.copyOf(met)) : new Eligibility(false, List.copyOf(missed));
    }
}
