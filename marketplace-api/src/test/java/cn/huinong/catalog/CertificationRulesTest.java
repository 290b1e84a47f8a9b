package cn.huinong.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.huinong.shared.problem.Violation;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CertificationRulesTest {

    static final LocalDate TODAY = LocalDate.of(2026, 11, 22);

    @ParameterizedTest(name = "{0} {1} -> {2}")
    @CsvSource(delimiter = '|', textBlock = """
            GREEN_FOOD              | GF522634230001     | true
            GREEN_FOOD              | GF52263423001      | false
            GREEN_FOOD              | GF5226342300011    | false
            GREEN_FOOD              | GB522634230001     | false
            GREEN_FOOD              | GF52263A230001     | false
            ORGANIC                 | 12345678901234567  | true
            ORGANIC                 | 1234567890123456   | false
            ORGANIC                 | 1234567890123456X  | false
            GEOGRAPHICAL_INDICATION | AGI01234           | true
            GEOGRAPHICAL_INDICATION | AGI1234            | false
            GEOGRAPHICAL_INDICATION | AG01234            | false
            ASSISTANCE_PRODUCT      | 黔帮认〔2025〕0012号 | true
            FAMOUS_SPECIAL          | CAQS-MTYX-20250123 | true
            COMPLIANCE_CERTIFICATE  | 20261122-001       | true
            """)
    void checksNumberFormatPerKind(CertificationKind kind, String number, boolean valid) {
        assertEquals(
                valid,
                CertificationRules.numberProblem(kind, CertificationRules.normalizeNumber(number))
                        .isEmpty());
    }

    @Test
    void normalizesCaseAndLimitsLength() {
        assertTrue(CertificationRules.numberProblem(
                        CertificationKind.GREEN_FOOD, CertificationRules.normalizeNumber(" gf522634230001 "))
                .isEmpty());
        assertFalse(CertificationRules.numberProblem(CertificationKind.COMPLIANCE_CERTIFICATE, "x".repeat(65))
                .isEmpty());
    }

    @ParameterizedTest(name = "{0} {1}..{2} -> {3}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            GREEN_FOOD              | 2025-01-01 | 2028-01-01 | -
            GREEN_FOOD              | 2025-01-01 | 2028-01-02 | 绿色食品证书有效期最长3年
            GREEN_FOOD              | 2025-01-01 | -          | 绿色食品证书须填写有效期（最长3年）
            ORGANIC                 | 2025-06-01 | 2026-06-01 | -
            ORGANIC                 | 2025-06-01 | 2026-06-02 | 有机产品认证有效期最长1年
            GEOGRAPHICAL_INDICATION | 2015-03-01 | -          | -
            GEOGRAPHICAL_INDICATION | 2015-03-01 | 2030-01-01 | 农产品地理标志长期有效，不应填写有效期
            ASSISTANCE_PRODUCT      | 2025-01-01 | 2024-12-31 | 有效期截止日期应晚于发证日期
            ASSISTANCE_PRODUCT      | 2025-01-01 | 2025-01-01 | 有效期截止日期应晚于发证日期
            ASSISTANCE_PRODUCT      | 2025-01-01 | -          | -
            FAMOUS_SPECIAL          | 2025-01-01 | 2026-02-01 | 名特优新农产品每年复核，有效期最长1年
            """)
    void checksValidityPerKind(CertificationKind kind, LocalDate issuedOn, LocalDate expiresOn, String problem) {
        assertEquals(
                problem,
                CertificationRules.validityProblem(kind, issuedOn, expiresOn).orElse(null));
    }

    @Test
    void reportsEveryProblemOfAFiling() {
        List<Violation> v = CertificationRules.check(
                new NewCertification(CertificationKind.ORGANIC, "123", " ", TODAY.plusDays(1), null, null), TODAY);
        assertEquals(
                List.of("number", "issuer", "issuedOn", "expiresOn"),
                v.stream().map(Violation::field).toList());
    }

    @Test
    void validMeansApprovedAndNotPastExpiry() {
        assertTrue(CertificationRules.isValid(CertificationStatus.APPROVED, TODAY, TODAY));
        assertTrue(CertificationRules.isValid(CertificationStatus.APPROVED, null, TODAY));
        assertFalse(CertificationRules.isValid(CertificationStatus.APPROVED, TODAY.minusDays(1), TODAY));
        assertFalse(CertificationRules.isValid(CertificationStatus.PENDING, null, TODAY));
        assertFalse(CertificationRules.isValid(CertificationStatus.EXPIRED, null, TODAY));
    }
}
