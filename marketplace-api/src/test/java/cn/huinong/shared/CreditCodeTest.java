package cn.huinong.shared;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CreditCodeTest {

    /** Published credit codes of real organisations (the first is GB 32100's own example). */
    @ParameterizedTest
    @ValueSource(
            strings = {
                "91350100M000100Y43",
                "91330100716105852F", // 阿里巴巴（中国）有限公司
                "91440300708461136T", // 深圳市腾讯计算机系统有限公司
                "914403001922038216", // 华为技术有限公司
                "91110108551385082Q", // 小米科技有限责任公司
                "91110000802100433B", // 百度在线网络技术（北京）有限公司
                "91310000MA1FL1MMXL",
                "91110000710935732K",
                "11100000000013127D", // 机关 (government organ)
                "12100000400000624D" // 事业单位 (public institution)
            })
    void acceptsRealCodes(String code) {
        assertTrue(CreditCode.isValid(code), code);
        assertEquals(code, CreditCode.parse(code).value());
    }

    @ParameterizedTest
    @ValueSource(strings = {"91350100M000100Y43", "91330100716105852F", "914403001922038216", "11100000000013127D"})
    void detectsEverySingleCharacterSubstitution(String code) {
        for (int pos = 0; pos < 18; pos++) {
            for (char c : CreditCode.ALPHABET.toCharArray()) {
                if (c == code.charAt(pos)) {
                    continue;
                }
                String corrupted = code.substring(0, pos) + c + code.substring(pos + 1);
                assertFalse(CreditCode.isValid(corrupted), corrupted);
            }
        }
    }

    @Test
    void detectsAdjacentTransposition() {
        String code = "91330100716105852F";
        String swapped = "91330100761105852F";
        assertFalse(CreditCode.isValid(swapped));
    }

    @Test
    void saysWhichCheckCharacterWasExpected() {
        assertEquals(Optional.of("统一社会信用代码校验位错误，应为“3”"), CreditCode.problemWith("91350100M000100Y44"));
    }

    @Test
    void rejectsWrongLength() {
        assertEquals(Optional.of("统一社会信用代码应为18位，当前为17位"), CreditCode.problemWith("91350100M000100Y4"));
        assertTrue(CreditCode.problemWith("").isPresent());
        assertTrue(CreditCode.problemWith(null).isPresent());
    }

    @ParameterizedTest
    @ValueSource(chars = {'I', 'O', 'Z', 'S', 'V', 'a', '-'})
    void rejectsCharactersOutsideTheAlphabet(char illegal) {
        String code = "91350100M000100Y4" + illegal;
        assertEquals(Optional.of("统一社会信用代码第18位含非法字符“" + illegal + "”"), CreditCode.problemWith(code));
    }

    @Test
    void parseNormalisesCaseAndSpaces() {
        assertEquals(
                "91350100M000100Y43", CreditCode.parse("  91350100m000100y43 ").value());
    }

    @Test
    void constructorRefusesInvalidCodes() {
        assertThrows(IllegalArgumentException.class, () -> new CreditCode("91350100M000100Y44"));
    }

    @Test
    void exposesRegionAndEntityType() {
        CreditCode code = CreditCode.parse("91350100M000100Y43");
        assertEquals("350100", code.registrationRegionCode());
        assertEquals("91", code.entityType());
    }
}
