-- The benchmark's ledger shapes: tests/bench/ledger.yaml written as SQL for
-- DuckDB, on the files of tests/bench/ledger_shape.cpp (run.sh --shape ledger
-- or ledger-by-unit). duckdb_baseline.js replaces {DATA} and {OUT}, and
-- run.sh checks that the result equals kaohe's `-O csv` byte for byte.
--
-- Exactness: every amount is a whole number of cents, so the scores are
-- integers of cents and no DOUBLE is involved. Each item: 5 points less
-- Σ amount × count over its rows, floor 0 (扣完为止); each part the sum of
-- its 5 items; the total the sum of the parts.
--
-- What the SQL relies on (the generator makes it so; kaohe would check it):
-- every row is valid, dated in 2025, with a count, and a tier exactly on
-- the rows of the three tiered items.
CREATE OR REPLACE TEMP MACRO cents(x) AS
  printf('%s%d.%02d', CASE WHEN x < 0 THEN '-' ELSE '' END, abs(x) // 100, abs(x) % 100);

COPY (
WITH
units AS (
  SELECT unit_id, name, category
  FROM read_csv('{DATA}/units.csv', header = true, auto_detect = false,
                columns = {'unit_id': 'VARCHAR', 'name': 'VARCHAR', 'category': 'VARCHAR'})
),
-- item, part, tier (NULL: not tiered), cents per occurrence
rules(item_id, part, tier, amount) AS (
  VALUES
    ('fire_hazard', 'safety', NULL, 3),
    ('drill_missed', 'safety', NULL, 2),
    ('hazard_ledger', 'safety', '一般', 2),
    ('hazard_ledger', 'safety', '较重', 5),
    ('hazard_ledger', 'safety', '严重', 10),
    ('gas_check', 'safety', NULL, 2),
    ('sign_missing', 'safety', NULL, 1),
    ('garbage', 'environment', NULL, 2),
    ('sewage', 'environment', NULL, 4),
    ('env_complaint', 'environment', '一般', 2),
    ('env_complaint', 'environment', '较重', 5),
    ('env_complaint', 'environment', '严重', 10),
    ('burning', 'environment', NULL, 5),
    ('greening', 'environment', NULL, 1),
    ('dispute', 'governance', NULL, 3),
    ('petition', 'governance', '一般', 2),
    ('petition', 'governance', '较重', 5),
    ('petition', 'governance', '严重', 10),
    ('patrol_gap', 'governance', NULL, 2),
    ('registry', 'governance', NULL, 1),
    ('drug_check', 'governance', NULL, 2),
    ('finance_open', 'affairs', NULL, 3),
    ('meeting', 'affairs', NULL, 1),
    ('archive', 'affairs', NULL, 2),
    ('report_late', 'affairs', NULL, 2),
    ('seal', 'affairs', NULL, 5)
),
items AS (SELECT DISTINCT item_id, part FROM rules),
ev AS (
  SELECT unit_id, item_id, tier, sum("count") AS n
  FROM read_csv('{DATA}/events.csv', header = true, auto_detect = false,
                quote = '"', escape = '"',
                columns = {'unit_id': 'VARCHAR', 'item_id': 'VARCHAR', 'date': 'DATE',
                           'count': 'BIGINT', 'tier': 'VARCHAR', 'note': 'VARCHAR'})
  GROUP BY ALL
),
lost AS (
  SELECT e.unit_id, e.item_id, sum(r.amount * e.n) AS cents
  FROM ev e JOIN rules r ON r.item_id = e.item_id AND r.tier IS NOT DISTINCT FROM e.tier
  GROUP BY ALL
),
item_scores AS (
  SELECT u.unit_id, i.part, greatest(0, 500 - coalesce(l.cents, 0)) AS score
  FROM units u CROSS JOIN items i
  LEFT JOIN lost l ON l.unit_id = u.unit_id AND l.item_id = i.item_id
),
parts AS (
  SELECT unit_id,
    sum(score) FILTER (WHERE part = 'safety') AS safety,
    sum(score) FILTER (WHERE part = 'environment') AS environment,
    sum(score) FILTER (WHERE part = 'governance') AS governance,
    sum(score) FILTER (WHERE part = 'affairs') AS affairs
  FROM item_scores GROUP BY unit_id
),
totals AS (
  SELECT u.unit_id, u.name, u.category, p.safety, p.environment, p.governance, p.affairs,
    p.safety + p.environment + p.governance + p.affairs AS total
  FROM units u JOIN parts p USING (unit_id)
)
SELECT
  rank() OVER (PARTITION BY category ORDER BY total DESC) AS rank,
  unit_id, name, category,
  cents(safety) AS safety, cents(environment) AS environment,
  cents(governance) AS governance, cents(affairs) AS affairs, cents(total) AS total,
  CASE WHEN total >= 9000 THEN '优秀' WHEN total >= 8000 THEN '良好'
       WHEN total >= 6000 THEN '合格' ELSE '不合格' END AS grade,
  NULL::VARCHAR AS flags
FROM totals
ORDER BY category, rank, unit_id
) TO '{OUT}' (HEADER, DELIMITER ',');
