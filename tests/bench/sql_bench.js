// The DuckDB side of tests/bench/sql.sh (never a dependency of kaohe).
//
//   node sql_bench.js MODULES gen   DB UNITS EVENTS DIR
//   node sql_bench.js MODULES agg   DB SQL_FILE
//   node sql_bench.js MODULES whole DB DIR SQL_FILE OUT_CSV
//
// gen: creates the DuckDB database file DB holding a table `events` of
// EVENTS rows for UNITS units of schemes/grid-patrol.yaml (every 50th a
// 督导员), generated inside DuckDB from hashes of the row number — the
// events are never written as CSV — and writes the roster and the
// measures, one small row set per unit, to DIR/units.csv and
// DIR/measures.csv (kaohe and the whole-scheme SQL both read them).
// agg: runs SQL_FILE (`kaohe sql … --dialect duckdb --copy`, which writes
// CSV to /dev/stdout) on DB; prints `seconds=S` on stderr.
// whole: runs the whole scheme in DuckDB (tests/bench/grid-patrol.sql with
// its events read from DB's table instead of a CSV file) into OUT_CSV;
// prints `seconds=S` on stdout.
// Times are measured in this process from opening the database to the
// end of the query.
'use strict';

const fs = require('fs');
const path = require('path');

const [modules, mode, ...args] = process.argv.slice(2);
const { DuckDBInstance } = require(path.join(path.resolve(modules), '@duckdb/node-api'));
const str = (s) => `'${s.replaceAll("'", "''")}'`;

async function gen(db, units, events, dir) {
  const instance = await DuckDBInstance.create(db);
  const conn = await instance.connect();
  const n = BigInt(units);
  // Unit i: W0000001 … or, every 50th, S0000049 (a 督导员).
  const unitId = (i) => `CASE WHEN ${i} % 50 = 49 THEN printf('S%07d', ${i}) ELSE printf('W%07d', ${i}) END`;
  await conn.run(`CREATE OR REPLACE TABLE events AS
    WITH r AS (
      SELECT i AS id, hash(i) % ${n} AS u, hash(i, 'b') AS h FROM range(${BigInt(events)}) t(i))
    SELECT id, ${unitId('u')} AS unit_id,
      CASE WHEN u % 50 = 49 THEN
             CASE WHEN h % 100 < 97 THEN 'sup_patrol' ELSE 'sup_coordination' END
           WHEN h % 1000 < 780 THEN 'patrol' WHEN h % 1000 < 975 THEN 'diary'
           WHEN h % 1000 < 985 THEN 'services' WHEN h % 1000 < 990 THEN 'handling'
           WHEN h % 1000 < 994 THEN 'conflict_screening'
           WHEN h % 1000 < 996 THEN 'feedback_missing'
           WHEN h % 1000 < 998 THEN 'diary_false' WHEN h % 1000 < 999 THEN 'complaint'
           ELSE 'privacy_breach' END AS item_id,
      CAST(DATE '2024-12-30' + CAST((h // 1000) % 367 AS INTEGER) AS DATE) AS "date",
      CAST(CASE WHEN (h // 1000000) % 20 = 0 THEN 2 END AS BIGINT) AS "count",
      CAST(NULL AS VARCHAR) AS tier, CAST(NULL AS VARCHAR) AS role,
      CAST(NULL AS DECIMAL(18,6)) AS points, CAST(NULL AS VARCHAR) AS ref,
      CAST(NULL AS DATE) AS due, CAST(NULL AS DATE) AS done
    FROM r`);
  await conn.run(`UPDATE events SET tier = CASE WHEN hash(id, 't') % 3 = 0 THEN '限时办理'
    ELSE '立即处理' END WHERE item_id = 'handling'`);
  await conn.run(`COPY (SELECT ${unitId('i')} AS unit_id, ${unitId('i')} AS name,
      CASE WHEN i % 50 = 49 THEN '督导员' ELSE '网格员' END AS category
    FROM range(${n}) t(i) ORDER BY i) TO ${str(path.join(dir, 'units.csv'))} (HEADER)`);
  await conn.run(`COPY (
    WITH u AS (SELECT i, ${unitId('i')} AS id, i % 50 = 49 AS sup FROM range(${n}) t(i)),
    fb AS (SELECT id, i, 10 + hash(i, 'v') % 40 AS total, 60 + hash(i, 'g') % 36 AS pct
           FROM u WHERE NOT sup)
    SELECT id AS unit_id, 'sup_effect' AS item_id,
           printf('%d.%04d', 60 + hash(i, 's') % 40, hash(i, 'f') % 10000) AS value,
           NULL AS key FROM u WHERE sup
    UNION ALL SELECT id, 'grid_time', CAST(CASE WHEN hash(i, 'a') % 100 < 70
           THEN 230 + hash(i, 'b') % 19 ELSE 150 + hash(i, 'b') % 99 END AS VARCHAR), NULL
      FROM u WHERE NOT sup
    UNION ALL SELECT id, 'info_collection', printf('0.%04d', 8000 + hash(i, 'c') % 2000), NULL
      FROM u WHERE NOT sup
    UNION ALL SELECT id, 'public_notice', CASE WHEN hash(i, k) % 10 = 0 THEN '0' ELSE '1' END, k
      FROM u, (VALUES ('网格区域管理图'), ('服务指示牌'), ('姓名和联系方式'), ('工作内容和监督电话')) c(k)
      WHERE NOT sup
    UNION ALL SELECT id, 'resident_feedback', CAST(total * pct // 100 AS VARCHAR), '满意' FROM fb
    UNION ALL SELECT id, 'resident_feedback', CAST((total - total * pct // 100) // 2 AS VARCHAR),
      '基本满意' FROM fb
    UNION ALL SELECT id, 'resident_feedback',
      CAST(total - total * pct // 100 - (total - total * pct // 100) // 2 AS VARCHAR), '不满意' FROM fb
    ORDER BY 1, 2, 4) TO ${str(path.join(dir, 'measures.csv'))} (HEADER)`);
  conn.closeSync();
}

async function agg(db, sqlFile) {
  const sql = fs.readFileSync(sqlFile, 'utf8');
  const start = process.hrtime.bigint();
  const instance = await DuckDBInstance.create(db, { access_mode: 'READ_ONLY' });
  const conn = await instance.connect();
  await conn.run(sql);
  console.error(`seconds=${(Number(process.hrtime.bigint() - start) / 1e9).toFixed(6)}`);
}

async function whole(db, dir, sqlFile, outCsv) {
  // grid-patrol.sql with its events read from the table, not from a CSV.
  let sql = fs.readFileSync(sqlFile, 'utf8');
  const at = sql.indexOf("read_csv('{DATA}/events.csv'");
  if (at < 0) throw new Error(`${sqlFile} no longer reads {DATA}/events.csv`);
  const end = sql.indexOf('})', at) + 2;
  sql = sql.slice(0, at) + 'events' + sql.slice(end);
  sql = sql.replaceAll("'{DATA}/", str(path.resolve(dir) + '/').slice(0, -1))
    .replaceAll("'{OUT}'", str(path.resolve(outCsv)))
    .replaceAll("'{SCHEMES}/", str(path.resolve(__dirname, '../../schemes') + '/').slice(0, -1));
  const start = process.hrtime.bigint();
  const instance = await DuckDBInstance.create(db, { access_mode: 'READ_ONLY' });
  const conn = await instance.connect();
  await conn.run(sql);
  console.log(`seconds=${(Number(process.hrtime.bigint() - start) / 1e9).toFixed(6)}`);
}

const modes = { gen, agg, whole };
if (!modes[mode]) {
  console.error('usage: node sql_bench.js MODULES gen|agg|whole …');
  process.exit(64);
}
modes[mode](...args).catch((e) => {
  console.error(`sql_bench.js ${mode}: ${e.message}`);
  process.exit(1);
});
