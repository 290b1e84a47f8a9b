package cn.huinong.audit;

import cn.huinong.shared.Actor;
import cn.huinong.shared.PageQuery;
import cn.huinong.shared.PageResponse;
import java.time.Duration;
import java.util.Map;

/**
 * The append-only audit trail. {@link #record} joins the caller's transaction, so an audited
 * change and its entry commit or roll back together.
 */
public interface AuditLog {

    void record(Actor actor, String action, String resourceType, String resourceId, Map<String, ?> detail);

    PageResponse<AuditEventView> search(AuditQuery query, PageQuery page);

    /**
     * How many {@code action} entries were recorded from {@code ipAddress} within the last {@code window} (by the
     * database's clock), for rate limits that count what the trail already holds (self-registrations per address).
     */
    long countRecent(String action, String ipAddress, Duration window);
}
