package cn.huinong.shared;

import java.util.Locale;
import java.util.Optional;

/**
 * 统一社会信用代码 per GB 32100-2015: 18 characters from a 31-symbol alphabet (no I, O, Z, S, V),
 * the last one a check character over the first 17.
 */
public record CreditCode(String value) {

    public static final String ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static final int[] WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};

    public CreditCode {
        Optional<String> problem = problemWith(value);
        if (problem.isPresent()) {
            throw new IllegalArgumentException(problem.get());
        }
    }

    /** Parses user input: trims and upper-cases before validating. */
    public static CreditCode parse(String raw) {
        return new CreditCode(normalize(raw));
    }

    public static String normalize(String raw) {
        return raw == null ? null : raw.strip().toUpperCase(Locale.ROOT);
    }

    public static boolean isValid(String code) {
        return problemWith(code).isEmpty();
    }

    /** Empty when valid; otherwise a Chinese message saying what is wrong. */
    public static Optional<String> problemWith(String code) {
        if (code == null || code.isEmpty()) {
            return Optional.of("统一社会信用代码不能为空");
        }
        if (code.length() != 18) {
            return Optional.of("统一社会信用代码应为18位，当前为" + code.length() + "位");
        }
        int sum = 0;
        for (int i = 0; i < 18; i++) {
            char c = code.charAt(i);
            if (ALPHABET.indexOf(c) < 0) {
                return Optional.of("统一社会信用代码第" + (i + 1) + "位含非法字符“" + c + "”");
            }
            if (i < 17) {
                sum += ALPHABET.indexOf(c) * WEIGHTS[i];
            }
        }
        char expected = checkCharacterFor(code.substring(0, 17));
        if (code.charAt(17) != expected) {
            return Optional.of("统一社会信用代码校验位错误，应为“" + expected + "”");
        }
        return Optional.empty();
    }

    /** The check character for the first 17 characters (which must be in the alphabet). */
    public static char checkCharacterFor(String first17) {
        if (first17.length() != 17) {
            throw new IllegalArgumentException("need 17 characters");
        }
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            int v = ALPHABET.indexOf(first17.charAt(i));
            if (v < 0) {
                throw new IllegalArgumentException("illegal character " + first17.charAt(i));
            }
            sum += v * WEIGHTS[i];
        }
        return ALPHABET.charAt((31 - sum % 31) % 31);
    }

    /** Characters 3-8: the GB/T 2260 code of the registering authority's region. */
    public String registrationRegionCode() {
        return value.substring(2, 8);
    }

    /** Characters 1-2: registering department and entity type, e.g. 93 farmer cooperative. */
    public String entityType() {
        return value.substring(0, 2);
    }

    @Override
    public String toString() {
        return value;
    }
}
