package cn.huinong.payments;

import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.huinong.shared.Yuan;
import cn.huinong.shared.problem.ProblemKind;
import cn.huinong.shared.problem.Violation;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The receipt's amount check speaks yuan to people, as every other message does; programs read its type. */
class TransferAmountMismatchTest {

    @Test
    void statesBothAmountsInYuan() {
        TransferAmountMismatch e = new TransferAmountMismatch(9800, 123456);
        assertEquals("到账金额¥98.00与应付金额¥1,234.56不符，不能确认到账；请与买方核对", e.getMessage());
        assertEquals(List.of(new Violation("amountFen", "应为¥1,234.56")), e.violations());
        assertEquals(ProblemKind.RULE_VIOLATED, e.kind());
        assertEquals("urn:huinong:problem:transfer-amount-mismatch", e.type());
    }

    @Test
    void yuanGroupsThousandsAndKeepsTwoDecimals() {
        assertEquals("¥0.00", Yuan.of(0));
        assertEquals("¥0.01", Yuan.of(1));
        assertEquals("¥1.00", Yuan.of(100));
        assertEquals("¥12,345,678.90", Yuan.of(1_234_567_890));
        assertEquals("-¥1,234.56", Yuan.of(-123456));
    }
}
