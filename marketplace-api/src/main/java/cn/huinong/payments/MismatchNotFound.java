package cn.huinong.payments;

import cn.huinong.shared.problem.NotFoundException;
import java.util.List;
import java.util.Map;

/**
 * 404 {@code mismatch-not-found}: no such gateway mismatch record.
 */
public final class MismatchNotFound extends NotFoundException {

    public static final String SLUG = "mismatch-not-found";

    public MismatchNotFound(long mismatchId) {
        super(SLUG, "记录不存在：" + mismatchId, List.of(), Map.of());
    }
}
