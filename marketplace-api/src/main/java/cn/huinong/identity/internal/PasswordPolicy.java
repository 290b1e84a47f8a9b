package cn.huinong.identity.internal;

import cn.huinong.shared.problem.InvalidInputException;
import cn.huinong.shared.problem.Violation;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Password rules (等保 level 3, identification and authentication): at least {@code min-length} characters, at
 * least three of four classes (upper case, lower case, digits, symbols), not containing the username.
 */
@Singleton
class PasswordPolicy {

    static final int MAX_LENGTH = 128;
    private static final String UPPER = "ABCDEFGHJKLMNPQRSTUVWXYZ";
    private static final String LOWER = "abcdefghijkmnpqrstuvwxyz";
    private static final String DIGITS = "23456789";
    private static final String SYMBOLS = "@#%+=!?";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final int minLength;

    PasswordPolicy(PasswordSettings settings) {
        this.minLength = settings.minLength();
    }

    /** What is wrong with {@code password} for {@code username}, as violations on {@code field}. */
    List<Violation> problems(String field, @Nullable String password, @Nullable String username) {
        List<Violation> v = new ArrayList<>();
        if (password == null || password.isEmpty()) {
            v.add(new Violation(field, "请填写密码"));
            return v;
        }
        int length = password.codePointCount(0, password.length());
        if (length < minLength) {
            v.add(new Violation(field, "密码至少需要" + minLength + "位"));
        }
        if (length > MAX_LENGTH) {
            v.add(new Violation(field, "密码不能超过" + MAX_LENGTH + "位"));
        }
        if (classes(password) < 3) {
            v.add(new Violation(field, "密码须包含大写字母、小写字母、数字、符号中的至少三类"));
        }
        if (username != null
                && username.strip().length() >= 3
                && password.toLowerCase(Locale.ROOT).contains(username.strip().toLowerCase(Locale.ROOT))) {
            v.add(new Violation(field, "密码不能包含用户名"));
        }
        return v;
    }

    void require(String field, String password, String username) {
        List<Violation> v = problems(field, password, username);
        if (!v.isEmpty()) {
            throw new InvalidInputException(
                    "密码不符合要求："
                            + String.join(
                                    "；", v.stream().map(Violation::message).toList()),
                    v);
        }
    }

    static int classes(String password) {
        boolean upper = false, lower = false, digit = false, symbol = false;
        for (int i = 0; i < password.length(); i++) {
            char c = password.charAt(i);
            if (c >= 'A' && c <= 'Z') {
                upper = true;
            } else if (c >= 'a' && c <= 'z') {
                lower = true;
            } else if (c >= '0' && c <= '9') {
                digit = true;
            } else {
                symbol = true;
            }
        }
        return (upper ? 1 : 0) + (lower ? 1 : 0) + (digit ? 1 : 0) + (symbol ? 1 : 0);
    }

    /** A random one-time password that satisfies the rules (all four classes, no look-alike characters). */
    String temporary() {
        int length = Math.max(minLength, 12);
        List<Character> chars = new ArrayList<>();
        for (String pool : List.of(UPPER, LOWER, DIGITS, SYMBOLS)) {
            chars.add(pool.charAt(RANDOM.nextInt(pool.length())));
        }
        String all = UPPER + LOWER + DIGITS;
        while (chars.size() < length) {
            chars.add(all.charAt(RANDOM.nextInt(all.length())));
        }
        java.util.Collections.shuffle(chars, RANDOM);
        StringBuilder sb = new StringBuilder();
        chars.forEach(sb::append);
        return sb.toString();
    }
}
