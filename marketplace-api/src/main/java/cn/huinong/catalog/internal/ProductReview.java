package cn.huinong.catalog.internal;

import cn.huinong.audit.AuditLog;
import cn.huinong.catalog.ProductStatus;
import cn.huinong.catalog.ProductTransitionNotAllowed;
import cn.huinong.catalog.ReviewDecision;
import cn.huinong.shared.Actor;
import cn.huinong.shared.Role;
import cn.huinong.shared.problem.InvalidInputException;
import cn.huinong.shared.problem.Violation;
import jakarta.inject.Singleton;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The review life cycle of a product: submit, approve or reject, delist, and back to review when key facts change;
 * each move audited and the search document rewritten. Joins the caller's transaction.
 */
@Singleton
class ProductReview {

    private final ProductStore store;
    private final SearchDocuments documents;
    private final AuditLog audit;

    ProductReview(ProductStore store, SearchDocuments documents, AuditLog audit) {
        this.store = store;
        this.documents = documents;
        this.audit = audit;
    }

    void submit(long id, Actor actor) {
        ProductRow before = store.lock(id);
        ProductOwners.requireOwner(before, actor);
        transition(
                before,
                EnumSet.of(ProductStatus.DRAFT, ProductStatus.DELISTED),
                ProductStatus.PENDING_REVIEW,
                null,
                "PRODUCT_SUBMITTED",
                actor);
    }

    void decide(long id, ReviewDecision decision, String reason, Actor actor) {
        String cleanReason = reason == null || reason.isBlank() ? null : reason.strip();
        if (decision == ReviewDecision.REJECT && cleanReason == null) {
            throw new InvalidInputException("驳回时必须填写原因", List.of(new Violation("reason", "驳回时必须填写原因")));
        }
        ProductRow before = store.lock(id);
        if (decision == ReviewDecision.APPROVE) {
            transition(
                    before,
                    EnumSet.of(ProductStatus.PENDING_REVIEW),
                    ProductStatus.LISTED,
                    cleanReason,
                    "PRODUCT_APPROVED",
                    actor);
        } else {
            transition(
                    before,
                    EnumSet.of(ProductStatus.PENDING_REVIEW),
                    ProductStatus.DRAFT,
                    cleanReason,
                    "PRODUCT_REJECTED",
                    actor);
        }
    }

    void delist(long id, Actor actor) {
        ProductRow before = store.lock(id);
        if (!actor.is(Role.OPERATOR)) {
            ProductOwners.requireOwner(before, actor);
        }
        transition(before, EnumSet.of(ProductStatus.LISTED), ProductStatus.DELISTED, null, "PRODUCT_DELISTED", actor);
    }

    /** Moves a LISTED product back to PENDING_REVIEW because its key facts changed (audited). */
    void sendBackToReview(ProductRow before, String reason, Actor actor) {
        store.moveTo(before.id(), ProductStatus.PENDING_REVIEW, reason);
        audit.record(
                actor,
                "PRODUCT_SENT_BACK_TO_REVIEW",
                "product",
                String.valueOf(before.id()),
                transition(before.status(), ProductStatus.PENDING_REVIEW, reason));
    }

    private void transition(
            ProductRow before, Set<ProductStatus> from, ProductStatus to, String reason, String action, Actor actor) {
        if (!from.contains(before.status())) {
            throw new ProductTransitionNotAllowed("商品当前状态为“" + before.status().label() + "”，不能" + verb(to));
        }
        store.moveTo(before.id(), to, reason);
        audit.record(actor, action, "product", String.valueOf(before.id()), transition(before.status(), to, reason));
        documents.refresh(before.id());
    }

    private static String verb(ProductStatus to) {
        return switch (to) {
            case PENDING_REVIEW -> "提交审核";
            case LISTED -> "审核通过";
            case DRAFT -> "驳回";
            case DELISTED -> "下架";
        };
    }

    private static Map<String, Object> transition(ProductStatus from, ProductStatus to, String reason) {
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("from", from.name());
        detail.put("to", to.name());
        if (reason != null) {
            detail.put("reason", reason);
        }
        return detail;
    }
}
