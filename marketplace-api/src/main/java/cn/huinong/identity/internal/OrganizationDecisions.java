package cn.huinong.identity.internal;

import cn.huinong.audit.AuditLog;
import cn.huinong.identity.Decision;
import cn.huinong.identity.OrganizationAlreadyDecided;
import cn.huinong.identity.OrganizationDecided;
import cn.huinong.identity.OrganizationKind;
import cn.huinong.identity.OrganizationStatus;
import cn.huinong.identity.UsernameTaken;
import cn.huinong.shared.Actor;
import cn.huinong.shared.problem.InvalidInputException;
import cn.huinong.shared.problem.NotFoundException;
import cn.huinong.shared.problem.RuleViolationException;
import cn.huinong.shared.problem.Violation;
import io.micronaut.context.event.ApplicationEventPublisher;
import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An operator's review of a PENDING organisation, in the caller's transaction: the status moves once (a second
 * decision is refused), a pending admin account becomes a user (under the username the operator assigns when the
 * requested one was taken), the decision is audited and {@link OrganizationDecided} published.
 */
@Singleton
class OrganizationDecisions {

    private final OrganizationStore organizations;
    private final UserStore users;
    private final AuditLog audit;
    private final ApplicationEventPublisher<OrganizationDecided> decided;
    private final Clock clock;

    OrganizationDecisions(
            OrganizationStore organizations,
            UserStore users,
            AuditLog audit,
            ApplicationEventPublisher<OrganizationDecided> decided,
            Clock clock) {
        this.organizations = organizations;
        this.users = users;
        this.audit = audit;
        this.decided = decided;
        this.clock = clock;
    }

    /** The organisation as decided. */
    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    public OrganizationRow decide(long id, Decision decision, String reason, String adminUsername, Actor actor) {
        String cleanReason = reason == null || reason.isBlank() ? null : reason.strip();
        if (decision == Decision.REJECT && cleanReason == null) {
            throw new InvalidInputException("驳回时必须填写原因", List.of(new Violation("reason", "驳回时必须填写原因")));
        }
        OrganizationRow before = organizations.find(id).orElseThrow(() -> new NotFoundException("机构不存在：" + id));
        Optional<OrganizationStore.PendingAdmin> pending = organizations.pendingAdmin(id);
        String assigned = null;
        if (pending.isPresent()
                && decision == Decision.APPROVE
                && before.status().equals("PENDING")) {
            assigned = adminUsername == null ? null : adminUsername.strip();
            if (assigned == null || !assigned.matches("[A-Za-z0-9][A-Za-z0-9._-]{3,31}")) {
                throw new RuleViolationException(
                        "申请时填写的管理员用户名“" + pending.get().username() + "”已被占用：请指定新的管理员用户名并告知申请人",
                        List.of(new Violation("adminUsername", "请填写新的管理员用户名（4-32位字母、数字或 . _ -，以字母或数字开头）")));
            }
            if (users.usernameTaken(assigned)) {
                throw new UsernameTaken("用户名已被使用", List.of(new Violation("adminUsername", "用户名已被使用")));
            }
        }
        OrganizationStatus to =
                decision == Decision.APPROVE ? OrganizationStatus.APPROVED : OrganizationStatus.REJECTED;
        if (!organizations.decidePending(id, to.name(), cleanReason, actor.username())) {
            throw new OrganizationAlreadyDecided(
                    "该机构已审核（当前状态：" + OrganizationStatus.valueOf(before.status()).label() + "），不能重复审核");
        }
        if (pending.isPresent()) {
            if (assigned != null) {
                users.insert(id, assigned, pending.get().passwordHash(), before.kind(), Instant.now(clock));
            }
            organizations.deletePendingAdmin(id);
        }
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("decision", decision.name());
        detail.put("from", before.status());
        detail.put("to", to.name());
        if (assigned != null) {
            detail.put("adminUsername", assigned);
            detail.put("requestedAdminUsername", pending.get().username());
        }
        if (cleanReason != null) {
            detail.put("reason", cleanReason);
        }
        audit.record(
                actor,
                decision == Decision.APPROVE ? "ORGANIZATION_APPROVED" : "ORGANIZATION_REJECTED",
                "organization",
                String.valueOf(id),
                detail);
        decided.publishEvent(new OrganizationDecided(id, OrganizationKind.valueOf(before.kind()), to));
        return organizations.find(id).orElseThrow();
    }
}
