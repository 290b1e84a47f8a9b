package cn.huinong.payments;

import cn.huinong.shared.problem.ConflictException;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * 409 {@code mismatch-already-resolved}: an operator resolved this gateway mismatch already.
 */
public final class MismatchAlreadyResolved extends ConflictException {

    public static final String SLUG = "mismatch-already-resolved";

    public MismatchAlreadyResolved(Instant resolvedAt) {
        super(SLUG, "该记录已于" + resolvedAt + "处理", List.of(), Map.of());
    }
}
