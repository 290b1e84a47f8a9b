package cn.huinong.catalog;

import cn.huinong.shared.Actor;
import cn.huinong.shared.PageQuery;
import cn.huinong.shared.PageResponse;
import io.micronaut.core.annotation.Nullable;
import java.time.LocalDate;

/** Products' certifications: filed by the supplier, reviewed by operators, lapsed when they expire. */
public interface Certifications {

    CertificationView add(long productId, NewCertification certification, Actor actor);

    CertificationView decide(long id, ReviewDecision decision, @Nullable String reason, Actor actor);

    PageResponse<CertificationView> reviewQueue(PageQuery page);

    /** The caller's own PENDING or APPROVED certifications expiring within {@code days} from today. */
    PageResponse<CertificationView> expiring(Actor actor, int days, PageQuery page);

    /** Marks every certification that expired before {@code today} as EXPIRED; returns how many. */
    int lapseExpired(LocalDate today);
}
