// The DuckDB baseline of tests/bench/run.sh (never a dependency of kaohe).
//
//   node duckdb_baseline.js MODULES run   SQL_FILE DATA_DIR OUT_CSV
//   node duckdb_baseline.js MODULES check KAOHE_CSV DUCKDB_CSV
//
// MODULES is the node_modules folder that holds @duckdb/node-api (run.sh
// installs it into tests/bench/.baseline/).
//
// run: one fresh in-memory database runs SQL_FILE (grid-patrol.sql, with
// {DATA}, {OUT} and {SCHEMES}, the repository's schemes/, filled in) and
// writes the result to OUT_CSV; prints `seconds=S cpu=C threads=T
// version=V`. S (wall) and C (CPU of all threads) are measured in this
// process from creating the database to the end of the COPY: node's own
// start and the loading of the module are left out, in DuckDB's favour.
//
// check: compares the two result CSVs unit by unit, every column as text;
// prints the number of units compared, or the differences and exits 1.
'use strict';

const fs = require('fs');
const path = require('path');

const [modules, mode, ...args] = process.argv.slice(2);
const { DuckDBInstance } = require(path.join(path.resolve(modules), '@duckdb/node-api'));

const sqlString = (s) => `'${s.replaceAll("'", "''")}'`;

async function run(sqlFile, dataDir, outCsv) {
  const sql = fs.readFileSync(sqlFile, 'utf8')
    .replaceAll("'{DATA}/", sqlString(path.resolve(dataDir) + '/').slice(0, -1))
    .replaceAll("'{OUT}'", sqlString(path.resolve(outCsv)))
    .replaceAll("'{SCHEMES}/",
                sqlString(path.resolve(__dirname, '../../schemes') + '/').slice(0, -1));
  const start = process.hrtime.bigint();
  const cpuStart = process.cpuUsage();
  const instance = await DuckDBInstance.create(':memory:');
  const conn = await instance.connect();
  await conn.run(sql);
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  const cpu = process.cpuUsage(cpuStart);
  const cpuSeconds = (cpu.user + cpu.system) / 1e6;
  const info = (await conn.runAndReadAll(
    "SELECT current_setting('threads')::VARCHAR, version()")).getRows()[0];
  console.log(`seconds=${seconds.toFixed(6)} cpu=${cpuSeconds.toFixed(6)} ` +
              `threads=${info[0]} version=${info[1]}`);
}

async function check(kaoheCsv, duckCsv) {
  const instance = await DuckDBInstance.create(':memory:');
  const conn = await instance.connect();
  const load = (name, file) => `CREATE TABLE ${name} AS SELECT * FROM read_csv(
      ${sqlString(path.resolve(file))}, header = true, all_varchar = true)`;
  await conn.run(load('k', kaoheCsv));
  await conn.run(load('d', duckCsv));
  const columns = (await conn.runAndReadAll(
    "SELECT column_name FROM information_schema.columns WHERE table_name = 'k' " +
    'ORDER BY ordinal_position')).getRows().map((r) => r[0]);
  const dColumns = (await conn.runAndReadAll(
    "SELECT column_name FROM information_schema.columns WHERE table_name = 'd' " +
    'ORDER BY ordinal_position')).getRows().map((r) => r[0]);
  if (columns.join(',') !== dColumns.join(',')) {
    console.error(`columns differ:\n  kaohe:  ${columns.join(',')}\n  duckdb: ${dColumns.join(',')}`);
    process.exit(1);
  }
  const q = (c) => `"${c}"`;
  const differs = columns.filter((c) => c !== 'unit_id')
    .map((c) => `coalesce(k.${q(c)}, '') <> coalesce(d.${q(c)}, '')`).join(' OR ');
  const bad = (await conn.runAndReadAll(
    `SELECT unit_id, ${columns.filter((c) => c !== 'unit_id')
      .map((c) => `k.${q(c)} AS ${q('kaohe ' + c)}, d.${q(c)} AS ${q('duckdb ' + c)}`).join(', ')}
     FROM k FULL JOIN d USING (unit_id)
     WHERE k.unit_id IS NULL OR d.unit_id IS NULL OR ${differs}
     ORDER BY unit_id`)).getRowObjects();
  const units = (await conn.runAndReadAll('SELECT count(*)::INTEGER FROM k')).getRows()[0][0];
  if (bad.length > 0) {
    console.error(`DuckDB and kaohe disagree on ${bad.length} of ${units} units; the first:`);
    for (const row of bad.slice(0, 10)) {
      const diff = columns.filter((c) => c !== 'unit_id' &&
        (row[`kaohe ${c}`] ?? '') !== (row[`duckdb ${c}`] ?? ''))
        .map((c) => `${c}: kaohe ${row[`kaohe ${c}`]} / duckdb ${row[`duckdb ${c}`]}`);
      console.error(`  ${row.unit_id}: ${diff.join('; ')}`);
    }
    process.exit(1);
  }
  console.log(`units=${units} columns=${columns.length}`);
}

(mode === 'run' ? run(...args) : mode === 'check' ? check(...args)
  : Promise.reject(new Error(`unknown mode ${mode}`)))
  .catch((e) => {
    console.error(e.stack || String(e));
    process.exit(2);
  });
