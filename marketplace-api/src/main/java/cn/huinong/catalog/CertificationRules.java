package cn.huinong.catalog;

import cn.huinong.shared.problem.Violation;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/** Number formats and validity periods per certification kind (pure; messages in Chinese). */
public final class CertificationRules {

    public static final int MAX_NUMBER_LENGTH = 64;
    private static final Pattern GREEN_FOOD = Pattern.compile("GF(\\d{6})(\\d{2})(\\d{4})");
    private static final Pattern ORGANIC = Pattern.compile("\\d{17}");
    private static final Pattern GEOGRAPHICAL_INDICATION = Pattern.compile("AGI\\d{5}");

    private CertificationRules() {}

    public static String normalizeNumber(String number) {
        return number == null ? null : number.strip().toUpperCase(Locale.ROOT);
    }

    /** Every problem with the certification as filed on {@code today}; empty when it is acceptable. */
    public static List<Violation> check(NewCertification c, LocalDate today) {
        List<Violation> v = new ArrayList<>();
        String number = normalizeNumber(c.number());
        if (c.kind() == null) {
            v.add(new Violation("kind", "请选择证书类型"));
            return v;
        }
        if (number == null || number.isEmpty()) {
            v.add(new Violation("number", "证书编号不能为空"));
        } else {
            numberProblem(c.kind(), number).ifPresent(m -> v.add(new Violation("number", m)));
        }
        if (c.issuer() == null || c.issuer().isBlank()) {
            v.add(new Violation("issuer", "发证机构不能为空"));
        } else if (c.issuer().strip().length() > 100) {
            v.add(new Violation("issuer", "发证机构不超过100字"));
        }
        if (c.issuedOn() == null) {
            v.add(new Violation("issuedOn", "请填写发证日期"));
            return v;
        }
        if (c.issuedOn().isAfter(today)) {
            v.add(new Violation("issuedOn", "发证日期不能晚于今天"));
        }
        validityProblem(c.kind(), c.issuedOn(), c.expiresOn()).ifPresent(m -> v.add(new Violation("expiresOn", m)));
        return v;
    }

    public static java.util.Optional<String> numberProblem(CertificationKind kind, String number) {
        String label = kind.label();
        return java.util.Optional.ofNullable(
                switch (kind) {
                    case GREEN_FOOD ->
                        GREEN_FOOD.matcher(number).matches()
                                ? null
                                : "绿色食品证书编号应为 GF + 12位数字（6位地区码、2位年份、4位顺序号），如 GF520000230001";
                    case ORGANIC -> ORGANIC.matcher(number).matches() ? null : "有机产品认证编号应为17位数字";
                    case GEOGRAPHICAL_INDICATION ->
                        GEOGRAPHICAL_INDICATION.matcher(number).matches()
                                ? null
                                : "农产品地理标志登记编号应为 AGI + 5位数字，如 AGI01234";
                    default -> number.length() > MAX_NUMBER_LENGTH ? label + "编号不超过" + MAX_NUMBER_LENGTH + "个字符" : null;
                });
    }

    public static java.util.Optional<String> validityProblem(
            CertificationKind kind, LocalDate issuedOn, LocalDate expiresOn) {
        if (expiresOn != null && !expiresOn.isAfter(issuedOn)) {
            return java.util.Optional.of("有效期截止日期应晚于发证日期");
        }
        String problem = switch (kind) {
            case GREEN_FOOD ->
                expiresOn == null
                        ? "绿色食品证书须填写有效期（最长3年）"
                        : expiresOn.isAfter(issuedOn.plusYears(3)) ? "绿色食品证书有效期最长3年" : null;
            case ORGANIC ->
                expiresOn == null
                        ? "有机产品认证须填写有效期（最长1年）"
                        : expiresOn.isAfter(issuedOn.plusYears(1)) ? "有机产品认证有效期最长1年" : null;
            case GEOGRAPHICAL_INDICATION -> expiresOn != null ? "农产品地理标志长期有效，不应填写有效期" : null;
            case FAMOUS_SPECIAL ->
                expiresOn != null && expiresOn.isAfter(issuedOn.plusYears(1)) ? "名特优新农产品每年复核，有效期最长1年" : null;
            default -> null;
        };
        return java.util.Optional.ofNullable(problem);
    }

    /** Valid = approved and, if it has an expiry date, not past it. */
    public static boolean isValid(CertificationStatus status, LocalDate expiresOn, LocalDate today) {
        return status == CertificationStatus.APPROVED && (expiresOn == null || !expiresOn.isBefore(today));
    }
}
