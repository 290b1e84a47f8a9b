-- Data for the checkout benchmark (ops/bench checkout), substituted and run by CheckoutBench:
-- ${suppliers} approved suppliers in the designated (poverty-alleviated) counties the demo data set up,
-- ${products} LISTED products of theirs with large stock, ${buyers} approved BUYER organisations each with
-- one user bench-buyer-NNN whose password is the demo password (the argon2id hash of demo-buyer, copied:
-- the hash carries its own salt and parameters, so login verifies it like any other), and ${rounds}
-- race products with exactly ${race_stock} units each. Deterministic (setseed). Marked decided_by = 'bench-checkout'.
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

CREATE TEMP TABLE bench_county AS
SELECT row_number() OVER (ORDER BY d.region_code) AS n, d.region_code AS code, r.name
FROM region_designation d JOIN region r ON r.code = d.region_code WHERE d.kind = 'POVERTY_ALLEVIATED';

INSERT INTO organization (kind, supplier_type, name, credit_code, region_code, contact_name, contact_phone, status,
                          decided_by, decided_at, created_at)
SELECT 'SUPPLIER', (ARRAY['COOPERATIVE','ENTERPRISE','FAMILY_FARM'])[1 + i % 3],
       c.name || (ARRAY['绿源','山里','高原','清泉','丰收','金谷','苗岭','云雾','溪畔','沃土'])[1 + i % 10]
           || (ARRAY['农民专业合作社','农业发展有限公司','家庭农场'])[1 + i % 3] || '（基准' || i || '）',
       bench_credit_code((ARRAY['93','91','92'])[1 + i % 3] || c.code || 'C' || lpad(upper(to_hex(i)), 8, '0')),
       c.code, '联系人' || i, '139' || lpad(i::text, 8, '0'), 'APPROVED', 'bench-checkout', now(), now()
FROM generate_series(1, ${suppliers}) AS i
JOIN bench_county c ON c.n = 1 + i % (SELECT count(*) FROM bench_county);

CREATE TEMP TABLE bench_supplier AS
SELECT row_number() OVER (ORDER BY id) AS n, id, region_code FROM organization
WHERE decided_by = 'bench-checkout' AND kind = 'SUPPLIER';

CREATE TEMP TABLE bench_leaf AS
SELECT row_number() OVER (ORDER BY code) AS n, c.code, c.name,
       (200 + (abs(hashtext(c.code)) % 8000))::BIGINT AS base_fen
FROM category c WHERE NOT EXISTS (SELECT 1 FROM category k WHERE k.parent_code = c.code);

-- stock large enough that the throughput phase never runs out (a 409 there would be a finding, not noise)
INSERT INTO product (supplier_id, name, category_code, origin_region_code, unit, spec, price_fen, stock, description,
                     status, sales_count, submitted_at, listed_at, created_at, updated_at)
SELECT s.id,
       (ARRAY['有机','生态','高山','农家','特级','精选','新鲜','散养','富硒'])[1 + (i * 7) % 9] || l.name
           || ' ' || (ARRAY['500g','1kg','2.5kg','5kg','10kg','箱装'])[1 + i % 6],
       l.code, s.region_code,
       (ARRAY['袋','盒','箱','千克','桶','份'])[1 + i % 6],
       (ARRAY['500g/袋','1kg/盒','5kg/箱','1kg','5L/桶','10kg/份'])[1 + i % 6],
       greatest(1, (l.base_fen * (0.5 + random() * 1.5))::BIGINT), 1000000,
       '基准测试商品：产自脱贫县的' || l.name || '。', 'LISTED', 0, now(), now(), now(), now()
FROM generate_series(1, ${products}) AS i
JOIN bench_supplier s ON s.n = 1 + i % (SELECT count(*) FROM bench_supplier)
JOIN bench_leaf l ON l.n = 1 + (i * 31) % (SELECT count(*) FROM bench_leaf);

-- the oversell race: one product per round, exactly ${race_stock} units left
INSERT INTO product (supplier_id, name, category_code, origin_region_code, unit, spec, price_fen, stock, description,
                     status, sales_count, submitted_at, listed_at, created_at, updated_at)
SELECT s.id, '限量抢购雷山银球茶 第' || r || '轮', l.code, s.region_code, '盒', '250g/盒', 12800, ${race_stock},
       '基准测试：最后' || ${race_stock} || '件。', 'LISTED', 0, now(), now(), now(), now()
FROM generate_series(1, ${rounds}) AS r
JOIN bench_supplier s ON s.n = 1
JOIN bench_leaf l ON l.n = 1;

INSERT INTO organization (kind, name, credit_code, region_code, contact_name, contact_phone, status, decided_by,
                          decided_at, created_at)
SELECT 'BUYER', '基准采购单位第' || i || '食堂', bench_credit_code('11520102' || 'B' || lpad(i::text, 8, '0')),
       '520102', '采购员' || i, '137' || lpad(i::text, 8, '0'), 'APPROVED', 'bench-checkout', now(), now()
FROM generate_series(1, ${buyers}) AS i;

INSERT INTO app_user (organization_id, username, password_hash, role, enabled, created_at)
SELECT o.id, 'bench-buyer-' || lpad(substring(o.name FROM '第([0-9]+)食堂'), 3, '0'),
       (SELECT password_hash FROM app_user WHERE username = 'demo-buyer'), 'BUYER', true, now()
FROM organization o WHERE o.decided_by = 'bench-checkout' AND o.kind = 'BUYER';

ANALYZE organization;
ANALYZE product;
ANALYZE app_user;
