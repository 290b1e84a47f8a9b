-- Synthetic but realistic catalog for benchmarks: :suppliers suppliers in 832 designated counties,
-- :products products over the category leaves, prices per category, certificates on a share of them.
-- Parameters are substituted by CatalogBench (${suppliers}, ${products}); deterministic (setseed).
SELECT setseed(0.2026);

CREATE OR REPLACE FUNCTION bench_credit_code(first17 TEXT) RETURNS TEXT LANGUAGE plpgsql IMMUTABLE AS $$
DECLARE
    alphabet CONSTANT TEXT := '0123456789ABCDEFGHJKLMNPQRTUWXY';
    weights CONSTANT INT[] := ARRAY[1,3,9,27,19,26,16,17,20,29,25,13,8,24,10,30,28];
    s INT := 0;
BEGIN
    FOR i IN 1..17 LOOP
        s := s + (strpos(alphabet, substr(first17, i, 1)) - 1) * weights[i];
    END LOOP;
    RETURN first17 || substr(alphabet, ((31 - s % 31) % 31) + 1, 1);
END $$;

-- 832 poverty-alleviated counties, drawn from the provinces that had them
INSERT INTO region_designation (region_code, kind)
SELECT code, 'POVERTY_ALLEVIATED' FROM region
WHERE level = 'COUNTY' AND substr(code, 1, 2) IN ('13','14','15','22','23','34','36','41','42','43','45','46','50','51','52','53','54','61','62','63','64','65')
  AND name NOT LIKE '%区'
ORDER BY md5(code) LIMIT 832
ON CONFLICT DO NOTHING;

CREATE TEMP TABLE bench_county AS
SELECT row_number() OVER (ORDER BY region_code) AS n, region_code AS code, r.name
FROM region_designation d JOIN region r ON r.code = d.region_code WHERE d.kind = 'POVERTY_ALLEVIATED';

INSERT INTO organization (kind, supplier_type, name, credit_code, region_code, contact_name, contact_phone, status,
                          decided_by, decided_at, created_at)
SELECT 'SUPPLIER', (ARRAY['COOPERATIVE','ENTERPRISE','FAMILY_FARM'])[1 + i % 3],
       c.name || (ARRAY['绿源','山里','高原','清泉','丰收','金谷','苗岭','云雾','溪畔','沃土'])[1 + i % 10]
           || (ARRAY['农民专业合作社','农业发展有限公司','家庭农场'])[1 + i % 3] || i,
       bench_credit_code((ARRAY['93','91','92'])[1 + i % 3] || c.code || lpad(upper(to_hex(i)), 9, '0')),
       c.code, '联系人' || i, '138' || lpad((i % 100000000)::text, 8, '0'), 'APPROVED', 'bench', now(), now()
FROM generate_series(1, ${suppliers}) AS i
JOIN bench_county c ON c.n = 1 + i % (SELECT count(*) FROM bench_county);

ANALYZE organization;

CREATE TEMP TABLE bench_supplier AS
SELECT row_number() OVER (ORDER BY id) AS n, id, region_code FROM organization WHERE decided_by = 'bench';

CREATE TEMP TABLE bench_any_county AS
SELECT row_number() OVER (ORDER BY code) AS n, code FROM region WHERE level = 'COUNTY';

CREATE TEMP TABLE bench_leaf AS
SELECT row_number() OVER (ORDER BY code) AS n, c.code, c.name,
       (200 + (abs(hashtext(c.code)) % 8000))::BIGINT AS base_fen
FROM category c WHERE NOT EXISTS (SELECT 1 FROM category k WHERE k.parent_code = c.code);

INSERT INTO product (supplier_id, name, category_code, origin_region_code, unit, spec, price_fen, stock, description,
                     status, sales_count, submitted_at, listed_at, created_at, updated_at)
SELECT s.id,
       (ARRAY['有机','生态','高山','农家','特级','野生','精选','新鲜','手工','散养','古树','冷泉','富硒','原生态'])[1 + (i * 7) % 14]
           || l.name || ' ' || (ARRAY['250g','500g','1kg','2.5kg','5kg','10kg','礼盒装','箱装'])[1 + i % 8],
       l.code,
       CASE WHEN i % 10 = 0 THEN a.code ELSE s.region_code END,
       (ARRAY['袋','盒','箱','斤','千克','瓶','桶','份'])[1 + i % 8],
       (ARRAY['250g/袋','500g/盒','1kg/袋','5kg/箱','10kg/箱','500ml/瓶','5L/桶','12枚/盒'])[1 + i % 8],
       greatest(1, (l.base_fen * (0.5 + random() * 1.5))::BIGINT),
       (random() * 2000)::INT * (CASE WHEN i % 17 = 0 THEN 0 ELSE 1 END),
       '产自脱贫县的' || l.name || '，' || (ARRAY['当季采收','山泉灌溉','不施化肥','传统工艺','冷链直发','合作社统一收购'])[1 + i % 6]
           || '，带动当地农户增收。',
       'LISTED', (random() * 500)::BIGINT, now(), now() - (i % 365) * interval '1 day', now(), now()
FROM generate_series(1, ${products}) AS i
JOIN bench_supplier s ON s.n = 1 + i % (SELECT count(*) FROM bench_supplier)
JOIN bench_leaf l ON l.n = 1 + (i * 31) % (SELECT count(*) FROM bench_leaf)
JOIN bench_any_county a ON a.n = 1 + (i * 13) % (SELECT count(*) FROM bench_any_county);

ANALYZE product;

INSERT INTO certification (product_id, kind, number, issuer, issued_on, expires_on, status, decided_by, decided_at)
SELECT p.id, 'GREEN_FOOD', 'GF' || p.origin_region_code || '24' || lpad((p.id % 10000)::text, 4, '0'),
       '中国绿色食品发展中心', current_date - 100, current_date + 900, 'APPROVED', 'bench', now()
FROM product p JOIN bench_supplier s ON s.id = p.supplier_id WHERE p.id % 3 = 0;
INSERT INTO certification (product_id, kind, number, issuer, issued_on, expires_on, status, decided_by, decided_at)
SELECT p.id, 'ASSISTANCE_PRODUCT', 'FP' || p.id, '县乡村振兴局', current_date - 50, current_date + 300, 'APPROVED', 'bench', now()
FROM product p JOIN bench_supplier s ON s.id = p.supplier_id WHERE p.id % 5 = 0;
INSERT INTO certification (product_id, kind, number, issuer, issued_on, expires_on, status, decided_by, decided_at)
SELECT p.id, 'GEOGRAPHICAL_INDICATION', 'AGI' || lpad((p.id % 100000)::text, 5, '0'), '农业农村部', current_date - 800, NULL,
       'APPROVED', 'bench', now()
FROM product p JOIN bench_supplier s ON s.id = p.supplier_id WHERE p.id % 20 = 0;

-- Search documents for the generated products, in the contract's shape (ADR 4), written in bulk here
-- because the benchmark measures indexing and search, not the catalog's per-change document writer
-- (whose speed on single changes the freshness figure covers). Eligibility follows EligibilityPolicy:
-- approved supplier in a designated county and origin in a designated county.
ANALYZE organization;
ANALYZE product;
ANALYZE certification;
ANALYZE region_designation;

CREATE TEMP TABLE bench_cert AS
SELECT product_id, jsonb_agg(DISTINCT kind ORDER BY kind) AS kinds
FROM certification WHERE status = 'APPROVED' GROUP BY product_id;
CREATE UNIQUE INDEX ON bench_cert (product_id);
ANALYZE bench_cert;

CREATE TEMP TABLE bench_designated AS
SELECT region_code FROM region_designation WHERE kind = 'POVERTY_ALLEVIATED';
CREATE UNIQUE INDEX ON bench_designated (region_code);
ANALYZE bench_designated;

INSERT INTO product_search_document (product_id, version, searchable, document)
SELECT p.id, 1, true, jsonb_build_object(
    'id', p.id, 'name', p.name, 'description', p.description, 'categoryCode', p.category_code,
    'categoryPath', to_jsonb(ARRAY[substr(p.category_code, 1, 2), substr(p.category_code, 1, 4)]
        || CASE WHEN length(p.category_code) = 6 THEN ARRAY[p.category_code] ELSE ARRAY[]::TEXT[] END),
    'categoryName', cat.name, 'categoryNames', to_jsonb(ARRAY(
        SELECT c2.name FROM category c2 WHERE c2.code IN (substr(p.category_code, 1, 2), substr(p.category_code, 1, 4), p.category_code)
        ORDER BY length(c2.code))),
    'supplierId', o.id, 'supplierName', o.name,
    'originCode', p.origin_region_code, 'originName', oc.name, 'provinceCode', pv.code, 'provinceName', pv.name,
    'prefectureCode', pf.code, 'prefectureName', pf.name, 'brandId', NULL, 'brandName', NULL, 'brandKind', NULL,
    'certifications', coalesce(bc.kinds, '[]'::jsonb),
    'eligible', ds.region_code IS NOT NULL AND dp.region_code IS NOT NULL,
    'priceFen', p.price_fen, 'unit', p.unit, 'spec', p.spec, 'stock', p.stock, 'inStock', p.stock > 0,
    'salesCount', p.sales_count, 'listedAt', to_char(p.listed_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"'),
    'updatedAt', to_char(p.updated_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"'), 'imageUrl', NULL, 'status', p.status)
FROM product p
JOIN organization o ON o.id = p.supplier_id AND o.decided_by = 'bench'
JOIN category cat ON cat.code = p.category_code
JOIN region oc ON oc.code = p.origin_region_code
LEFT JOIN region pf ON pf.code = oc.parent_code
LEFT JOIN region pv ON pv.code = pf.parent_code
LEFT JOIN bench_cert bc ON bc.product_id = p.id
LEFT JOIN bench_designated ds ON ds.region_code = o.region_code
LEFT JOIN bench_designated dp ON dp.region_code = p.origin_region_code;

INSERT INTO catalog_outbox (product_id, version)
SELECT d.product_id, d.version FROM product_search_document d
JOIN product p ON p.id = d.product_id JOIN organization o ON o.id = p.supplier_id AND o.decided_by = 'bench'
ORDER BY d.product_id;
