package cn.huinong.catalog;

import cn.huinong.shared.Actor;
import cn.huinong.shared.PageQuery;
import cn.huinong.shared.PageResponse;
import io.micronaut.core.annotation.Nullable;

/**
 * Products and their review life cycle. Every command is one transaction that also rewrites the
 * product's search document and writes an outbox row (ADR 4), and records an audit entry.
 */
public interface Products {

    ProductCreated create(ProductDraft draft, Actor actor);

    /** The owner's edit; a LISTED product whose key facts change goes back to PENDING_REVIEW. */
    ProductView update(long id, ProductDraft draft, Actor actor);

    ProductView submit(long id, Actor actor);

    ProductView decide(long id, ReviewDecision decision, @Nullable String reason, Actor actor);

    ProductView delist(long id, Actor actor);

    /** The product page as the actor may see it (anonymous: only LISTED products of APPROVED suppliers). */
    ProductView view(long id, Actor actor);

    PageResponse<ProductSummary> mine(Actor actor, @Nullable ProductStatus status, PageQuery page);

    PageResponse<ProductSummary> reviewQueue(PageQuery page);

    PageResponse<ProductSummary> priceAlerts(PageQuery page);

    /** Whether a product counts toward the reserved share now, and why: for ordering and the product page. */
    Eligibility eligibility(long id);
}
