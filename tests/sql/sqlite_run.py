#!/usr/bin/env python3
"""Runs a query of `kaohe sql --dialect sqlite` in SQLite (Python's sqlite3
module), for the engine tests (tests/sql/engines.sh).

    sqlite_run.py EVENTS_CSV SQL_FILE OUT_CSV

A fresh in-memory database gets a table `events` with every column of
kaohe's events format (dates as ISO text, count INTEGER, points DECIMAL)
and a key `id`, the CSV's data row number, filled from EVENTS_CSV (empty
fields NULL); SQL_FILE runs on it and its rows go to OUT_CSV with a header,
NULL as an empty field and numbers of points with six decimals, as DuckDB
and PostgreSQL write a DECIMAL(18,6).
"""
import csv
import sqlite3
import sys

COLUMNS = ['unit_id', 'item_id', 'date', 'count', 'tier', 'role', 'points', 'ref', 'due',
           'done', 'note']


def main():
    events_csv, sql_file, out_csv = sys.argv[1:4]
    db = sqlite3.connect(':memory:')
    db.execute('CREATE TABLE events (id INTEGER, unit_id TEXT, item_id TEXT, date TEXT, '
               'count INTEGER, tier TEXT, role TEXT, points DECIMAL(18,6), ref TEXT, '
               'due TEXT, done TEXT, note TEXT)')
    with open(events_csv, newline='', encoding='utf-8') as f:
        rows = csv.DictReader(f)
        for n, row in enumerate(rows, start=1):
            cols = [c for c in COLUMNS if c in row]
            db.execute(f'INSERT INTO events (id, {", ".join(cols)}) VALUES '
                       f'(?{", ?" * len(cols)})',
                       [n] + [row[c] if row[c] != '' else None for c in cols])
    with open(sql_file, encoding='utf-8') as f:
        cur = db.execute(f.read())
    names = [d[0] for d in cur.description]
    points = names.index('points')
    with open(out_csv, 'w', newline='', encoding='utf-8') as f:
        w = csv.writer(f, lineterminator='\n')
        w.writerow(names)
        for row in cur:
            row = ['' if v is None else v for v in row]
            if isinstance(row[points], (int, float)):
                row[points] = f'{row[points]:.6f}'
            w.writerow(row)


main()
