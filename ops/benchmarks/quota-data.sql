-- Data for the reserved-share benchmark (ops/bench quota), substituted and run by QuotaBench after checkout-data.sql
-- (whose suppliers, products and bench-buyer-NNN users it reuses). Set-based and deterministic (setseed):
--   * ${units} approved BUYER organisations (budget units) over the real, non-retired counties of the region table,
--     provinces weighted by their resident population in the 7th national census (第七次全国人口普查, 2020,
--     国家统计局公报 figures in 10,000 persons), counties of a province weighted 0.5..2.0 by a hash of their code;
--   * their ${year} plans (quota_plan + version 1 in quota_plan_version): 93 % filed, 8 % of them late; canteen OWN
--     62 %, SHARED 15 % (pointing to the first OWN unit of the same county), OUTSOURCED 13 %, NONE 10 %; the
--     floor as configured (15 % for Beijing in 2026, else 10 %), reserved = minimum + 0..30 %;
--   * one REGULATOR organisation (commerce department) per province, prefecture and county, with a user
--     bench-reg-<code> whose password is the demo password (the argon2id hash of demo-regulator, copied);
--   * ${orders} orders of the year (one line each, a bench-checkout product), buyers uniform over the units, amounts
--     scaled so that a unit's year comes to 0.3..1.5 x 10 % of its canteen procurement; 3 % cancelled unpaid, 2 %
--     fully refunded, 1 % partly refunded, the rest paid (PAID / SHIPPED / ACCEPTED); channels CANTEEN 85 %, UNION
--     10 %, STAFF 5 %;
--   * quota_ledger rows of every paid order (+ refund rows), quota_unit_figures exactly as the ledger consumer and
--     the plan filing would have them;
--   * two backlogs of ${backlog} paid orders each (payment_ref 'bench-backlog-1' / '-2', 5 % of them refunded) that
--     are NOT booked yet: QuotaBench writes their ORDER_PAID / ORDER_REFUNDED outbox events when it measures the
--     ledger consumer.
-- Not generated (no measured path reads them): order_history, payment/refund rows, the already published outbox
-- events of the booked orders. Bulk load: the secondary indexes, unique and foreign-key constraints of the three big
-- tables are dropped first and re-created afterwards exactly as the migrations defined them (pg_get_indexdef /
-- pg_get_constraintdef), which also validates every foreign key over the whole data.
SELECT setseed(0.5);
SET work_mem = '256MB';
SET maintenance_work_mem = '1GB';

CREATE TEMP TABLE bench_province (code2 TEXT PRIMARY KEY, people INT);
INSERT INTO bench_province VALUES
    ('11', 2189), ('12', 1387), ('13', 7461), ('14', 3492), ('15', 2405), ('21', 4259), ('22', 2407), ('23', 3185),
    ('31', 2487), ('32', 8475), ('33', 6457), ('34', 6103), ('35', 4154), ('36', 4519), ('37', 10153), ('41', 9937),
    ('42', 5775), ('43', 6644), ('44', 12601), ('45', 5013), ('46', 1008), ('50', 3205), ('51', 8367), ('52', 3856),
    ('53', 4721), ('54', 365), ('61', 3953), ('62', 2502), ('63', 592), ('64', 720), ('65', 2585);

-- cumulative shares: province p gets floor(hi x N) - floor(lo x N) units, county c of p likewise of p's units
CREATE TEMP TABLE bench_qcounty AS
WITH c AS (
    SELECT r.code, r.name, substr(r.code, 1, 2) AS code2, 0.5 + (abs(hashtext(r.code)::BIGINT) % 151) / 100.0 AS w
    FROM region r JOIN bench_province p ON p.code2 = substr(r.code, 1, 2)
    WHERE r.level = 'COUNTY' AND NOT r.retired
), p AS (
    SELECT code2, people::numeric / sum(people) OVER () AS share,
           sum(people) OVER (ORDER BY code2)::numeric / sum(people) OVER () AS hi
    FROM bench_province WHERE code2 IN (SELECT code2 FROM c)
), pn AS (
    SELECT code2, floor(hi * ${units}) - floor((hi - share) * ${units}) AS n FROM p
), cc AS (
    SELECT c.*, sum(w) OVER (PARTITION BY code2 ORDER BY code) / sum(w) OVER (PARTITION BY code2) AS hi,
           w / sum(w) OVER (PARTITION BY code2) AS share
    FROM c
)
SELECT cc.code, cc.name, cc.code2,
       (floor(cc.hi * pn.n + 1e-9) - floor((cc.hi - cc.share) * pn.n + 1e-9))::INT AS n
FROM cc JOIN pn ON pn.code2 = cc.code2;

INSERT INTO organization (kind, name, credit_code, region_code, contact_name, contact_phone, status, decided_by,
                          decided_at, created_at)
SELECT 'BUYER',
       c.name || (ARRAY['第一中学', '人民医院', '财政局', '实验小学', '教育局', '卫生健康局', '第二中学', '公安局',
                        '机关事务服务中心', '职业技术学校'])[1 + g % 10] || '（基准' || g || '）',
       bench_credit_code('12' || c.code || 'Q' || lpad(upper(to_hex(g)), 8, '0')),
       c.code, '联系人' || g, '136' || lpad((g % 100000000)::text, 8, '0'), 'APPROVED', 'bench-quota',
       now(), now()
FROM (SELECT code, name, n, sum(n) OVER (ORDER BY code) - n AS base FROM bench_qcounty WHERE n > 0) c,
     LATERAL generate_series(c.base + 1, c.base + c.n) AS g;

CREATE TEMP TABLE bench_unit AS
SELECT n, id, region_code,
       CASE WHEN r_filed < 0.93 THEN CASE WHEN x < 0.62 THEN 'OWN' WHEN x < 0.77 THEN 'SHARED'
                                          WHEN x < 0.90 THEN 'OUTSOURCED' ELSE 'NONE' END END AS canteen,
       late, annual_fen, diligence, extra
FROM (SELECT row_number() OVER (ORDER BY id) AS n, id, region_code, random() AS r_filed, random() AS x,
             random() < 0.08 AS late, (200000 + (random() ^ 2) * 4800000)::BIGINT * 100 AS annual_fen,
             0.3 + random() * 1.2 AS diligence, random() AS extra
      FROM organization WHERE decided_by = 'bench-quota' AND kind = 'BUYER') u;
-- the first OWN unit of each county represents its SHARED units; a county without one turns them into OWN
CREATE TEMP TABLE bench_rep AS SELECT region_code, min(id) AS id FROM bench_unit WHERE canteen = 'OWN' GROUP BY 1;
CREATE UNIQUE INDEX ON bench_rep (region_code);
UPDATE bench_unit u SET canteen = 'OWN' WHERE canteen = 'SHARED'
    AND NOT EXISTS (SELECT 1 FROM bench_rep r WHERE r.region_code = u.region_code);
ALTER TABLE bench_unit ADD COLUMN floor_bp INT, ADD COLUMN minimum_fen BIGINT, ADD COLUMN reserved_fen BIGINT,
    ADD COLUMN rep_id BIGINT, ADD COLUMN filed_at TIMESTAMPTZ;
UPDATE bench_unit u SET
    floor_bp = CASE WHEN substr(u.region_code, 1, 2) = '11' AND ${year} = 2026 THEN 1500 ELSE 1000 END,
    rep_id = CASE WHEN u.canteen = 'SHARED' THEN (SELECT r.id FROM bench_rep r WHERE r.region_code = u.region_code) END,
    filed_at = CASE WHEN u.late THEN make_timestamptz(${year}, 7, 1, 9, 0, 0, 'Asia/Shanghai') + u.extra * interval '80 days'
                    ELSE make_timestamptz(${year}, 1, 5, 9, 0, 0, 'Asia/Shanghai') + u.extra * interval '170 days' END;
UPDATE bench_unit SET
    minimum_fen = CASE WHEN canteen IN ('OWN', 'OUTSOURCED') THEN (annual_fen * floor_bp + 9999) / 10000 ELSE 0 END;
UPDATE bench_unit SET reserved_fen = minimum_fen + (minimum_fen * 0.3 * extra)::BIGINT;
CREATE INDEX ON bench_unit (n);
ANALYZE bench_unit;

INSERT INTO quota_plan (organization_id, year, version, canteen, annual_canteen_procurement_fen, reserved_fen,
                        floor_basis_points, minimum_reserved_fen, representative_organization_id, union_purchase,
                        contact_name, contact_phone, note, deadline, late, first_filed_at, updated_at, updated_by)
SELECT id, ${year}, 1, canteen, annual_fen, reserved_fen, floor_bp, minimum_fen, rep_id, extra < 0.2,
       '联系人' || n, '136' || lpad((n % 100000000)::text, 8, '0'), NULL, make_date(${year}, 6, 30), late, filed_at,
       filed_at, 'bench-quota'
FROM bench_unit WHERE canteen IS NOT NULL;
INSERT INTO quota_plan_version (organization_id, year, version, canteen, annual_canteen_procurement_fen, reserved_fen,
                                floor_basis_points, minimum_reserved_fen, representative_organization_id,
                                union_purchase, contact_name, contact_phone, late, filed_at, filed_by)
SELECT organization_id, year, 1, canteen, annual_canteen_procurement_fen, reserved_fen, floor_basis_points,
       minimum_reserved_fen, representative_organization_id, union_purchase, contact_name, contact_phone, late,
       first_filed_at, updated_by
FROM quota_plan p WHERE updated_by = 'bench-quota' AND year = ${year};

-- regulators: a commerce department per province, prefecture and county
INSERT INTO organization (kind, department_kind, name, credit_code, region_code, scope_region_code, contact_name,
                          contact_phone, status, decided_by, decided_at, created_at)
SELECT 'REGULATOR', 'COMMERCE', r.name || '商务主管部门（基准）',
       bench_credit_code('11' || r.code || 'R' || lpad(upper(to_hex(row_number() OVER (ORDER BY r.code))::text), 8, '0')),
       r.code, r.code, '监管员', '010' || lpad((row_number() OVER (ORDER BY r.code))::text, 8, '0'), 'APPROVED',
       'bench-quota', now(), now()
FROM region r WHERE NOT r.retired AND substr(r.code, 1, 2) IN (SELECT code2 FROM bench_province);
INSERT INTO app_user (organization_id, username, password_hash, role, enabled, created_at)
SELECT o.id, 'bench-reg-' || o.scope_region_code, (SELECT password_hash FROM app_user WHERE username = 'demo-regulator'),
       'REGULATOR', true, now()
FROM organization o WHERE o.decided_by = 'bench-quota' AND o.kind = 'REGULATOR';

-- the products orders are made of (bench-checkout's, in designated counties: every line is eligible)
CREATE TEMP TABLE bench_product AS
SELECT row_number() OVER (ORDER BY p.id) AS n, p.id, p.supplier_id, p.price_fen,
       jsonb_build_object('name', p.name, 'categoryCode', p.category_code, 'categoryName', c.name, 'unit', p.unit,
                          'spec', p.spec, 'priceFen', p.price_fen, 'supplierId', p.supplier_id, 'supplierName', s.name,
                          'origin', jsonb_build_object('code', r.code, 'name', r.name, 'povertyAlleviated', true),
                          'brand', NULL, 'certifications', '[]'::jsonb, 'eligible', true,
                          'eligibilityReasons', jsonb_build_array('产地为脱贫地区')) AS snapshot
FROM product p JOIN organization s ON s.id = p.supplier_id AND s.decided_by = 'bench-checkout'
     JOIN category c ON c.code = p.category_code JOIN region r ON r.code = p.origin_region_code
WHERE p.stock >= 1000;
CREATE UNIQUE INDEX ON bench_product (n);
ANALYZE bench_product;

-- bulk load: drop what the three big tables index and constrain besides their primary key, re-create it below
CREATE TEMP TABLE bench_ddl (tbl TEXT, drop_sql TEXT, create_sql TEXT, kind INT);
INSERT INTO bench_ddl
SELECT c.conrelid::regclass::text, format('ALTER TABLE %s DROP CONSTRAINT %I', c.conrelid::regclass, c.conname),
       format('ALTER TABLE %s ADD CONSTRAINT %I %s', c.conrelid::regclass, c.conname, pg_get_constraintdef(c.oid)),
       CASE c.contype WHEN 'f' THEN 3 ELSE 2 END
FROM pg_constraint c
WHERE c.conrelid IN ('purchase_order'::regclass, 'order_line'::regclass, 'quota_ledger'::regclass)
  AND c.contype IN ('u', 'f');
INSERT INTO bench_ddl
SELECT i.tablename, format('DROP INDEX %I', i.indexname), i.indexdef, 1
FROM pg_indexes i
WHERE i.tablename IN ('purchase_order', 'order_line', 'quota_ledger') AND i.schemaname = current_schema()
  AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conname = i.indexname);
DO $$ DECLARE d RECORD; BEGIN
    FOR d IN SELECT * FROM bench_ddl ORDER BY kind DESC LOOP EXECUTE d.drop_sql; END LOOP;
END $$;

-- orders: ids assigned here (the sequence is moved past them below); the product is a function of the id
CREATE TEMP TABLE bench_base AS
SELECT coalesce((SELECT max(id) FROM purchase_order), 0) AS base_id, (SELECT count(*) FROM bench_unit) AS units,
       (SELECT count(*) FROM bench_product) AS products,
       make_timestamptz(${year}, 1, 1, 0, 0, 0, 'Asia/Shanghai') AS year_start,
       least(now() - interval '1 day', make_timestamptz(${year} + 1, 1, 1, 0, 0, 0, 'Asia/Shanghai') - interval '1 day')
           AS year_end;

INSERT INTO purchase_order (id, checkout_id, buyer_organization_id, buyer_username, supplier_id, channel, status,
                            total_fen, eligible_fen, delivery_address, expires_at, paid_at, payment_ref, shipped_at,
                            carrier, tracking_number, accepted_at, cancelled_at, cancel_reason, refunded_fen,
                            created_at, updated_at)
SELECT o.id, gen_random_uuid(), u.id, 'bench-quota', p.supplier_id, o.channel,
       CASE WHEN o.backlog > 0 THEN CASE WHEN o.s < 0.05 THEN 'REFUNDED' ELSE 'PAID' END
            WHEN o.s < 0.03 THEN 'CANCELLED' WHEN o.s < 0.05 THEN 'REFUNDED' WHEN o.s < 0.06 THEN 'ACCEPTED'
            WHEN o.s < 0.15 THEN 'PAID' WHEN o.s < 0.30 THEN 'SHIPPED' ELSE 'ACCEPTED' END,
       qq.q * p.price_fen, qq.q * p.price_fen, '基准测试收货地址 ' || u.region_code,
       o.created + interval '30 minutes',
       CASE WHEN o.s >= 0.03 OR o.backlog > 0 THEN o.created + interval '3 minutes' END,
       CASE WHEN o.backlog > 0 THEN 'bench-backlog-' || o.backlog WHEN o.s >= 0.03 THEN 'bench-pay-' || o.id END,
       CASE WHEN o.s >= 0.15 AND o.backlog = 0 THEN o.created + interval '1 day' END,
       CASE WHEN o.s >= 0.15 AND o.backlog = 0 THEN '基准物流' END,
       CASE WHEN o.s >= 0.15 AND o.backlog = 0 THEN 'BQ' || o.id END,
       CASE WHEN (o.s >= 0.30 OR (o.s >= 0.05 AND o.s < 0.06)) AND o.backlog = 0 THEN o.created + interval '4 days' END,
       CASE WHEN o.s < 0.03 AND o.backlog = 0 THEN o.created + interval '30 minutes' END,
       CASE WHEN o.s < 0.03 AND o.backlog = 0 THEN '超时未支付' END,
       CASE WHEN o.s < 0.05 AND (o.s >= 0.03 OR o.backlog > 0) THEN qq.q * p.price_fen
            WHEN o.s >= 0.05 AND o.s < 0.06 AND o.backlog = 0 THEN greatest(1, qq.q * p.price_fen / 3) ELSE 0 END,
       o.created, o.created + interval '4 days'
FROM (
    SELECT b.base_id + i AS id, 1 + (abs(hashint8(i)::BIGINT) % b.units) AS unit_n,
           1 + (abs(hashint8(i * 7919)::BIGINT) % b.products) AS product_n,
           CASE WHEN i > ${orders} - ${backlog} THEN 2 WHEN i > ${orders} - 2 * ${backlog} THEN 1 ELSE 0 END
               AS backlog,
           random() AS s, random() AS amount_factor,
           b.year_start + random() * (b.year_end - b.year_start) AS created,
           (ARRAY['CANTEEN','CANTEEN','CANTEEN','CANTEEN','CANTEEN','CANTEEN','CANTEEN','CANTEEN','CANTEEN',
                  'CANTEEN','CANTEEN','CANTEEN','CANTEEN','CANTEEN','CANTEEN','CANTEEN','CANTEEN','UNION','UNION',
                  'STAFF'])[1 + (abs(hashint8(i * 31)::BIGINT) % 20)] AS channel,
           b.units AS units
    FROM bench_base b, generate_series(1::BIGINT, ${orders}) AS i
) o
JOIN bench_unit u ON u.n = o.unit_n
JOIN bench_product p ON p.n = o.product_n
-- a unit's year comes to diligence x 10 % of its procurement, over ${orders} / units orders
CROSS JOIN LATERAL (
    SELECT greatest(1, round(u.annual_fen * 0.1 * u.diligence * (0.5 + o.amount_factor)
                             * o.units / ${orders} / p.price_fen))::INT AS q
) qq;
SELECT setval('purchase_order_id_seq', (SELECT max(id) FROM purchase_order));

INSERT INTO order_line (order_id, line_no, product_id, quantity, unit_price_fen, amount_fen, eligible, snapshot)
SELECT o.id, 1, p.id, (o.total_fen / p.price_fen)::INT, p.price_fen, o.total_fen, true, p.snapshot
FROM purchase_order o, bench_base b, bench_product p
WHERE o.id > b.base_id AND p.n = 1 + (abs(hashint8((o.id - b.base_id) * 7919)::BIGINT) % b.products);

-- the ledger of every booked paid order: ORDER_PAID +eligible, ORDER_REFUNDED -(eligible part of the refund), both
-- in the year of the payment (Asia/Shanghai)
INSERT INTO quota_ledger (event_id, event_type, order_id, organization_id, channel, year, eligible_fen, paid_at,
                          occurred_at, recorded_at)
SELECT gen_random_uuid(), t.type, o.id, o.buyer_organization_id, o.channel,
       extract(year FROM o.paid_at AT TIME ZONE 'Asia/Shanghai')::INT,
       CASE WHEN t.type = 'ORDER_PAID' THEN o.eligible_fen
            WHEN o.refunded_fen = o.total_fen THEN -o.eligible_fen
            ELSE -(o.eligible_fen * o.refunded_fen / o.total_fen) END,
       o.paid_at, CASE WHEN t.type = 'ORDER_PAID' THEN o.paid_at ELSE o.paid_at + interval '5 days' END,
       CASE WHEN t.type = 'ORDER_PAID' THEN o.paid_at ELSE o.paid_at + interval '5 days' END + interval '1 second'
FROM purchase_order o JOIN bench_base b ON o.id > b.base_id
     JOIN LATERAL (SELECT 'ORDER_PAID' AS type UNION ALL SELECT 'ORDER_REFUNDED' WHERE o.refunded_fen > 0) t ON true
WHERE o.paid_at IS NOT NULL AND o.payment_ref NOT LIKE 'bench-backlog-%';

DO $$ DECLARE d RECORD; BEGIN
    FOR d IN SELECT * FROM bench_ddl ORDER BY kind LOOP EXECUTE d.create_sql; END LOOP;
END $$;

-- quota_unit_figures as filing and booking leave them: plan part from the plan (reserved 0 for SHARED and NONE),
-- own_spent = the unit's ledger sum, counted = own (unless SHARED) + its SHARED members' own
INSERT INTO quota_unit_figures (organization_id, year, filed, canteen, late, annual_fen, reserved_fen,
                                representative_organization_id, own_spent_fen, counted_fen, updated_at)
WITH spent AS (
    SELECT l.organization_id, sum(l.eligible_fen) AS fen FROM quota_ledger l
    WHERE l.year = ${year} AND l.organization_id IN (SELECT id FROM bench_unit) GROUP BY 1
), f AS (
    SELECT u.id, u.canteen IS NOT NULL AS filed, u.canteen, u.canteen IS NOT NULL AND u.late AS late,
           CASE WHEN u.canteen IS NOT NULL THEN u.annual_fen ELSE 0 END AS annual_fen,
           CASE WHEN u.canteen IN ('OWN', 'OUTSOURCED') THEN u.reserved_fen ELSE 0 END AS reserved_fen,
           u.rep_id, coalesce(s.fen, 0) AS own
    FROM bench_unit u LEFT JOIN spent s ON s.organization_id = u.id
    WHERE u.canteen IS NOT NULL OR s.organization_id IS NOT NULL
), members AS (
    SELECT rep_id, sum(own) AS fen FROM f WHERE canteen = 'SHARED' GROUP BY 1
)
SELECT f.id, ${year}, f.filed, f.canteen, f.late, f.annual_fen, f.reserved_fen, f.rep_id, f.own,
       CASE WHEN f.canteen = 'SHARED' THEN 0 ELSE f.own END + coalesce(m.fen, 0), now()
FROM f LEFT JOIN members m ON m.rep_id = f.id;

-- the per-county monthly sums the ledger consumer maintains (V53), when the schema has them
DO $$ BEGIN
    IF to_regclass('quota_region_month') IS NOT NULL THEN
        INSERT INTO quota_region_month AS m (year, region_code, month, eligible_fen)
        SELECT l.year, o.region_code, extract(month FROM l.paid_at AT TIME ZONE 'Asia/Shanghai')::SMALLINT,
               sum(l.eligible_fen)
        FROM quota_ledger l JOIN organization o ON o.id = l.organization_id AND o.decided_by = 'bench-quota'
        GROUP BY 1, 2, 3
        ON CONFLICT (year, region_code, month) DO UPDATE SET eligible_fen = m.eligible_fen + EXCLUDED.eligible_fen;
        ANALYZE quota_region_month;
    END IF;
END $$;

ANALYZE organization;
ANALYZE app_user;
ANALYZE quota_plan;
ANALYZE quota_plan_version;
ANALYZE quota_unit_figures;
ANALYZE purchase_order;
ANALYZE order_line;
ANALYZE quota_ledger;
