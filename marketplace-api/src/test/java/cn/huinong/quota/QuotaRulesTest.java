package cn.huinong.quota;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The pure arithmetic of the reserved share: no container. */
class QuotaRulesTest {

    static final QuotaRules RULES = new QuotaRules(
            1000,
            Map.of("110000", Map.of(2026, 1500), "520000", Map.of(2027, 1250)),
            MonthDay.of(6, 30),
            Map.of(
                    QuotaRules.ANY_PROVINCE,
                    Map.of(2026, LocalDate.of(2026, 2, 20)),
                    "520000",
                    Map.of(2026, LocalDate.of(2026, 1, 31))));

    @ParameterizedTest(name = "{0} fen x {1} bp -> at least {2} fen")
    @CsvSource({
        "0, 1000, 0",
        "1, 1000, 1", // 0.1 fen rounds up to 1
        "9, 1000, 1",
        "10, 1000, 1",
        "11, 1000, 2", // 1.1 -> 2
        "100000000, 1000, 10000000",
        "123456789, 1000, 12345679", // 12,345,678.9 -> 12,345,679
        "123456789, 1500, 18518519", // 18,518,518.35 -> 18,518,519
        "123456789, 1250, 15432099", // 15,432,098.625 -> 15,432,099
        "99999, 850, 8500", // 8,499.915 -> 8,500
        "9223372036854775, 1000, 922337203685478", // near the long range: exact, no overflow
        "500, 0, 0"
    })
    void floorIsRoundedUpToTheFen(long annual, int basisPoints, long minimum) {
        assertEquals(minimum, QuotaRules.minimumReservedFen(annual, basisPoints));
    }

    @ParameterizedTest(name = "{0} in {1}: {2} bp")
    @CsvSource({
        "110105, 2026, 1500", // Beijing's own floor for 2026
        "110000, 2026, 1500",
        "110105, 2027, 1000", // not for 2027
        "520102, 2026, 1000", // national default
        "522634, 2027, 1250",
        "440300, 2026, 1000"
    })
    void provinceFloorsApplyPerYear(String region, int year, int basisPoints) {
        assertEquals(basisPoints, RULES.floorBasisPoints(region, year));
    }

    @ParameterizedTest(name = "{0} for {1}: deadline {2}")
    @CsvSource({
        "520102, 2026, 2026-01-31", // the province's earlier date
        "110105, 2026, 2026-02-20", // the year's date
        "110105, 2028, 2028-06-30" // the default month-day
    })
    void deadlinesArePerYearWithProvincialOverrides(String region, int year, LocalDate deadline) {
        assertEquals(deadline, RULES.deadline(region, year));
    }

    @Test
    void filingAfterTheDeadlineDayInBeijingTimeIsLate() {
        // 2026-02-20 23:30 in Beijing is still on time; 2026-02-21 00:30 is late
        assertFalse(RULES.isLate("110105", 2026, Instant.parse("2026-02-20T15:30:00Z")));
        assertTrue(RULES.isLate("110105", 2026, Instant.parse("2026-02-20T16:30:00Z")));
    }

    @ParameterizedTest(name = "paid at {0} belongs to {1}")
    @CsvSource({
        "2026-12-31T15:59:59Z, 2026",
        "2026-12-31T16:00:00Z, 2027", // midnight in Beijing
        "2026-12-31T16:30:00Z, 2027",
        "2026-01-01T00:00:00Z, 2026",
        "2025-12-31T16:00:00Z, 2026"
    })
    void paymentYearIsTheYearInBeijing(Instant paidAt, int year) {
        assertEquals(year, QuotaRules.yearOf(paidAt));
    }

    @ParameterizedTest(name = "{0} of {1} reserved at {2}: expected {3}, on pace {4}")
    @CsvSource({
        "0, 365000, 2026-01-01T00:00:00Z, 334, false", // eight hours (333.3 rounded up) into 2026 in Beijing
        "0, 365000, 2025-12-31T15:00:00Z, 0, true", // before the year starts
        "182500, 365000, 2026-07-02T04:00:00Z, 182500, true", // exactly half of 365 days
        "182499, 365000, 2026-07-02T04:00:00Z, 182500, false",
        "100, 365000, 2027-03-01T00:00:00Z, 365000, false", // the year is over
        "365000, 365000, 2027-03-01T00:00:00Z, 365000, true",
        "0, 0, 2026-07-01T00:00:00Z, 0, true" // no reserve is never behind
    })
    void paceIsTheElapsedFractionOfTheYear(long spent, long reserved, Instant now, long expected, boolean onPace) {
        assertEquals(expected, QuotaRules.expectedByNowFen(reserved, 2026, now));
        assertEquals(onPace, QuotaRules.onPace(spent, reserved, 2026, now));
    }

    @Test
    void ratesHaveFourDecimalsRoundedDown() {
        assertEquals(new BigDecimal("0.3333"), QuotaRules.rate(1, 3));
        assertEquals(new BigDecimal("1.2000"), QuotaRules.rate(12, 10));
        assertNull(QuotaRules.rate(5, 0));
    }

    @Test
    void percentsAndBasisPoints() {
        assertEquals("10", QuotaRules.percent(1000).toPlainString());
        assertEquals("12.5", QuotaRules.percent(1250).toPlainString());
        assertEquals(850, QuotaRules.basisPoints(new BigDecimal("8.5")));
        assertEquals("52", QuotaRules.regionPrefix("520000"));
        assertEquals("5226", QuotaRules.regionPrefix("522600"));
        assertEquals("522634", QuotaRules.regionPrefix("522634"));
        assertEquals("1101", QuotaRules.regionPrefix("110100"));
    }
}
