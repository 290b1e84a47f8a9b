package cn.huinong.quota;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.ZoneId;
import java.util.Map;
import java.util.Objects;

/**
 * The reserved-share arithmetic, pure and exact: floors per province and year (basis points, 1 bp = 0.01%), the
 * minimum reserve rounded UP to the fen, filing deadlines, the year of a payment and the pace of a year, all in
 * Asia/Shanghai time. Never floating point.
 *
 * @param defaultFloorBasisPoints the national floor (1000 = 10%)
 * @param floors                  overrides: province code (NN0000) -> year -> basis points
 * @param defaultDeadline         the deadline's month and day when a year has none configured
 * @param deadlines               per year (key {@code "*"}) and per province code, the last day of filing
 */
public record QuotaRules(
        int defaultFloorBasisPoints,
        Map<String, Map<Integer, Integer>> floors,
        MonthDay defaultDeadline,
        Map<String, Map<Integer, LocalDate>> deadlines) {

    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    public static final int FULL = 10_000;
    public static final String ANY_PROVINCE = "*";

    public QuotaRules {
        if (defaultFloorBasisPoints < 0 || defaultFloorBasisPoints > FULL) {
            throw new IllegalArgumentException("floor out of range: " + defaultFloorBasisPoints);
        }
        floors = Map.copyOf(floors);
        deadlines = Map.copyOf(deadlines);
        Objects.requireNonNull(defaultDeadline);
    }

    /** The floor for a unit registered in {@code regionCode} (any level) in {@code year}. */
    public int floorBasisPoints(String regionCode, int year) {
        Map<Integer, Integer> province = floors.get(provinceOf(regionCode));
        Integer bp = province == null ? null : province.get(year);
        return bp == null ? defaultFloorBasisPoints : bp;
    }

    /** The last day on which filing for {@code year} is on time: the province's own date, else the year's, else the default. */
    public LocalDate deadline(String regionCode, int year) {
        LocalDate own = lookup(deadlines.get(provinceOf(regionCode)), year);
        LocalDate general = lookup(deadlines.get(ANY_PROVINCE), year);
        if (own != null) {
            return own;
        }
        return general != null ? general : defaultDeadline.atYear(year);
    }

    private static LocalDate lookup(Map<Integer, LocalDate> m, int year) {
        return m == null ? null : m.get(year);
    }

    /** Late when filed after the end of the deadline day (Asia/Shanghai). */
    public boolean isLate(String regionCode, int year, Instant filedAt) {
        return filedAt.atZone(ZONE).toLocalDate().isAfter(deadline(regionCode, year));
    }

    /** ceil(annual x basisPoints / 10000), exactly. */
    public static long minimumReservedFen(long annualFen, int basisPoints) {
        if (annualFen < 0 || basisPoints < 0) {
            throw new IllegalArgumentException("negative amount or ratio");
        }
        BigInteger[] qr = BigInteger.valueOf(annualFen)
                .multiply(BigInteger.valueOf(basisPoints))
                .divideAndRemainder(BigInteger.valueOf(FULL));
        return qr[0].add(qr[1].signum() > 0 ? BigInteger.ONE : BigInteger.ZERO).longValueExact();
    }

    /** "10", "12.5": a percentage for messages and responses. */
    public static BigDecimal percent(int basisPoints) {
        BigDecimal p = BigDecimal.valueOf(basisPoints, 2).stripTrailingZeros();
        return p.scale() < 0 ? p.setScale(0, RoundingMode.UNNECESSARY) : p;
    }

    /** A percentage with at most two decimals as basis points; throws ArithmeticException for more precision. */
    public static int basisPoints(BigDecimal percent) {
        return percent.movePointRight(2).intValueExact();
    }

    /** The code prefix shared by a region and everything below it: 520000 -> "52", 522600 -> "5226", 522634 itself. */
    public static String regionPrefix(String regionCode) {
        String p = regionCode;
        for (int i = 0; i < 2 && p.endsWith("00"); i++) {
            p = p.substring(0, p.length() - 2);
        }
        return p;
    }

    public static String provinceOf(String regionCode) {
        return regionCode.substring(0, 2) + "0000";
    }

    /** The year (Asia/Shanghai) an instant belongs to: 2026-12-31T16:30Z is 2027-01-01 00:30 in Beijing. */
    public static int yearOf(Instant at) {
        return at.atZone(ZONE).getYear();
    }

    public static Instant startOf(int year) {
        return LocalDate.of(year, 1, 1).atStartOfDay(ZONE).toInstant();
    }

    /** Seconds of {@code year} elapsed by {@code now} (0 before it starts, the whole year after it ends), and its length. */
    public static long[] elapsedSeconds(int year, Instant now) {
        Instant start = startOf(year);
        Instant end = startOf(year + 1);
        long length = Duration.between(start, end).getSeconds();
        long elapsed = Math.max(0, Math.min(length, Duration.between(start, now).getSeconds()));
        return new long[] {elapsed, length};
    }

    /** What should have been spent by {@code now} to be on pace: ceil(reserved x elapsed / length). */
    public static long expectedByNowFen(long reservedFen, int year, Instant now) {
        long[] e = elapsedSeconds(year, now);
        BigInteger[] qr = BigInteger.valueOf(reservedFen)
                .multiply(BigInteger.valueOf(e[0]))
                .divideAndRemainder(BigInteger.valueOf(e[1]));
        return qr[0].add(qr[1].signum() > 0 ? BigInteger.ONE : BigInteger.ZERO).longValueExact();
    }

    /** spent >= reserved x elapsed fraction of the year; a unit without a reserve is never behind. */
    public static boolean onPace(long spentFen, long reservedFen, int year, Instant now) {
        if (reservedFen <= 0) {
            return true;
        }
        long[] e = elapsedSeconds(year, now);
        return BigInteger.valueOf(spentFen)
                        .multiply(BigInteger.valueOf(e[1]))
                        .compareTo(BigInteger.valueOf(reservedFen).multiply(BigInteger.valueOf(e[0])))
                >= 0;
    }

    /** part / whole with 4 decimals, rounded down (never overstates); null when there is no whole. */
    public static BigDecimal rate(long partFen, long wholeFen) {
        if (wholeFen <= 0) {
            return null;
        }
        return BigDecimal.valueOf(partFen).divide(BigDecimal.valueOf(wholeFen), 4, RoundingMode.DOWN);
    }

    /** Rules with only the national default, for tests and defaults. */
    public static QuotaRules national(int basisPoints, MonthDay deadline) {
        return new QuotaRules(basisPoints, Map.of(), deadline, Map.of());
    }

    /** For messages: "¥1,234.57" style yuan text of fen. */
    public static String yuan(long fen) {
        return String.format("%,.2f", BigDecimal.valueOf(fen, 2));
    }
}
