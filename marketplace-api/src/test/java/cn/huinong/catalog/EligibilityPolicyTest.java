package cn.huinong.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The reserved-share rule as a table: facts in, decision and reasons out. */
class EligibilityPolicyTest {

    static final EligibilityPolicy POLICY = new EligibilityPolicy(Set.of("450000"));

    @ParameterizedTest(
            name =
                    "{index}: approved={0} supplierDesignated={1} originDesignated={2} province={3} recognised={4} -> {5}")
    @CsvSource(delimiter = '|', textBlock = """
            true  | true  | true  | 520000 | false | true  | 供应商已通过平台审核;供应商注册地为脱贫县;产地为脱贫县
            false | true  | true  | 520000 | false | false | 供应商尚未通过平台审核
            true  | false | true  | 520000 | false | false | 供应商注册地不在脱贫县名单内
            true  | true  | false | 520000 | false | false | 产地不在脱贫县名单内
            false | false | false | 520000 | true  | false | 供应商尚未通过平台审核;供应商注册地不在脱贫县名单内;产地不在脱贫县名单内
            true  | true  | true  | 450000 | false | false | 产地所在省要求有效的帮扶产品认定，该商品尚无有效认定
            true  | true  | true  | 450000 | true  | true  | 供应商已通过平台审核;供应商注册地为脱贫县;产地为脱贫县;已取得有效的帮扶产品认定（产地所在省要求）
            true  | true  | false | 450000 | true  | false | 产地不在脱贫县名单内
            true  | true  | true  | 520000 | true  | true  | 供应商已通过平台审核;供应商注册地为脱贫县;产地为脱贫县
            """)
    void decidesFromFacts(
            boolean approved,
            boolean supplierDesignated,
            boolean originDesignated,
            String province,
            boolean recognised,
            boolean eligible,
            String reasons) {
        Eligibility e = POLICY.decide(
                new EligibilityFacts(approved, supplierDesignated, originDesignated, province, recognised));
        assertEquals(eligible, e.eligible());
        assertEquals(List.of(reasons.split(";")), e.reasons());
    }
}
