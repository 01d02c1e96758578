// Runs a query of `kaohe sql --dialect duckdb` in DuckDB, for the engine
// tests (tests/sql/engines.sh); never a dependency of kaohe.
//
//   node duckdb_run.js MODULES EVENTS_CSV SQL_FILE OUT_CSV
//
// MODULES holds @duckdb/node-api (installed into tests/bench/.baseline/ as
// tests/bench/run.sh does). A fresh in-memory database gets a table
// `events` with every column of kaohe's events format typed (dates as
// DATE, count as BIGINT, points as DECIMAL(18,6)) and a key `id`, the
// CSV's data row number (line - 1), filled from EVENTS_CSV; then SQL_FILE
// runs on it and its rows are written to OUT_CSV with a header.
'use strict';

const fs = require('fs');
const path = require('path');

const [modules, eventsCsv, sqlFile, outCsv] = process.argv.slice(2);
if (!outCsv) {
  console.error('usage: node duckdb_run.js MODULES EVENTS_CSV SQL_FILE OUT_CSV');
  process.exit(64);
}
const { DuckDBInstance } = require(path.join(path.resolve(modules), '@duckdb/node-api'));
const str = (s) => `'${s.replaceAll("'", "''")}'`;

async function main() {
  const instance = await DuckDBInstance.create(':memory:', { threads: '1' });
  const conn = await instance.connect();
  await conn.run(`CREATE TABLE events (id BIGINT, unit_id VARCHAR, item_id VARCHAR,
    date DATE, count BIGINT, tier VARCHAR, role VARCHAR, points DECIMAL(18,6),
    ref VARCHAR, due DATE, done DATE, note VARCHAR)`);
  await conn.run(`INSERT INTO events BY NAME
    SELECT row_number() OVER () AS id, *
    FROM read_csv(${str(path.resolve(eventsCsv))}, header = true, all_varchar = true)`);
  const sql = fs.readFileSync(sqlFile, 'utf8');
  await conn.run(`COPY (${sql}) TO ${str(path.resolve(outCsv))} (HEADER, DELIMITER ',')`);
}

main().catch((e) => {
  console.error(`duckdb_run.js: ${e.message}`);
  process.exit(1);
});
