package cn.huinong.identity.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.huinong.shared.problem.Violation;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class PasswordPolicyTest {

    private final PasswordPolicy policy = new PasswordPolicy(new PasswordSettings(8, Duration.ofHours(72)));

    private List<String> problems(String password, String username) {
        return policy.problems("p", password, username).stream()
                .map(Violation::message)
                .toList();
    }

    @Test
    void needsLengthAndThreeClasses() {
        assertEquals(List.of("密码至少需要8位"), problems("Ab1!xyz", "someone"));
        assertEquals(List.of("密码须包含大写字母、小写字母、数字、符号中的至少三类"), problems("abcdefgh12", "someone"));
        assertEquals(List.of(), problems("abcdefg-12", "someone"));
        assertEquals(List.of(), problems("ABCDEFG-12", "someone"));
        assertEquals(List.of(), problems("Demo@2026", "demo-buyer"), "the demo password passes");
        assertEquals(List.of(), problems("茶叶Tea2026", "someone"), "Chinese characters count as symbols");
    }

    @Test
    void mayNotContainTheUsername() {
        assertEquals(List.of("密码不能包含用户名"), problems("xx-Wangfang-9", "wangfang"));
    }

    @Test
    void temporaryPasswordsFollowTheRules() {
        for (int i = 0; i < 200; i++) {
            String t = policy.temporary();
            assertTrue(policy.problems("p", t, "someone").isEmpty(), t);
            assertEquals(12, t.length());
        }
    }
}
