package cn.huinong.catalog;

import cn.huinong.shared.Actor;
import cn.huinong.shared.PageQuery;
import cn.huinong.shared.PageResponse;
import java.util.Optional;

/** Brands: suppliers' enterprise and product brands, operators' regional public brands. */
public interface Brands {

    BrandView create(NewBrand brand, Actor actor);

    /** The caller's organisation's own brands. */
    PageResponse<BrandView> mine(Actor actor, PageQuery page);

    /** Regional public brands, which any supplier may put on a product from that region. */
    PageResponse<BrandView> regionalPublic(PageQuery page);

    Optional<BrandView> find(long id);
}
