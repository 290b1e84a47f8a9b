package cn.huinong.quota.internal;

import cn.huinong.quota.QuotaRules;
import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Floors and deadlines of the reserved share, which vary by province and year (DOMAIN.md):
 * {@code default-floor-percent} (10), {@code floors: ["110000:2026=15"]} (province:year=percent),
 * {@code default-deadline: "06-30"} (month-day, for years without their own), and
 * {@code deadlines: ["2026=2026-06-30", "520000:2026=2026-05-31"]} ([province:]year=last day of filing).
 */
@ConfigurationProperties("huinong.quota")
record QuotaSettings(
        @NotNull BigDecimal defaultFloorPercent,
        @Nullable List<String> floors,
        @NotBlank String defaultDeadline,
        @Nullable List<String> deadlines) {

    private static final Pattern FLOOR = Pattern.compile("(\\d{6}):(\\d{4})=(\\d{1,3}(?:\\.\\d{1,2})?)");
    private static final Pattern DEADLINE = Pattern.compile("(?:(\\d{6}):)?(\\d{4})=(\\d{4}-\\d{2}-\\d{2})");

    QuotaRules rules() {
        Map<String, Map<Integer, Integer>> f = new HashMap<>();
        for (String entry : floors == null ? List.<String>of() : floors) {
            Matcher m = matches(FLOOR, entry, "huinong.quota.floors");
            f.computeIfAbsent(QuotaRules.provinceOf(m.group(1)), k -> new HashMap<>())
                    .put(Integer.parseInt(m.group(2)), QuotaRules.basisPoints(new BigDecimal(m.group(3))));
        }
        Map<String, Map<Integer, LocalDate>> d = new HashMap<>();
        for (String entry : deadlines == null ? List.<String>of() : deadlines) {
            Matcher m = matches(DEADLINE, entry, "huinong.quota.deadlines");
            String province = m.group(1) == null ? QuotaRules.ANY_PROVINCE : QuotaRules.provinceOf(m.group(1));
            d.computeIfAbsent(province, k -> new HashMap<>())
                    .put(Integer.parseInt(m.group(2)), LocalDate.parse(m.group(3)));
        }
        return new QuotaRules(
                QuotaRules.basisPoints(defaultFloorPercent), f, MonthDay.parse("--" + defaultDeadline), d);
    }

    private static Matcher matches(Pattern p, String entry, String key) {
        Matcher m = p.matcher(entry.trim());
        if (!m.matches()) {
            throw new IllegalArgumentException(key + ": cannot read \"" + entry + "\"");
        }
        return m;
    }
}
