-- catalog's published read model (ADR 15): products as they are now with their category's name, for
-- monitoring's slow products (LISTED products of a region without a recent sale). Read-only.
CREATE VIEW catalog_product_directory AS
SELECT p.id, p.name, p.supplier_id, p.category_code, c.name AS category_name, p.origin_region_code, p.price_fen,
       p.stock, p.status, p.listed_at
FROM product p JOIN category c ON c.code = p.category_code;
