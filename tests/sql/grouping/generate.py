#!/usr/bin/env python3
# Writes events.csv for tests/sql/grouping (fixed seed; committed output).
import csv, datetime, random, sys
random.seed(19)
start = datetime.date(2024, 12, 20)
days = [start + datetime.timedelta(d) for d in range(390)]
units = ['U1', 'U2', 'U3', 'U4', 'U5']
w = csv.writer(sys.stdout, lineterminator='\n')
w.writerow(['unit_id', 'item_id', 'date', 'count', 'tier', 'role', 'points', 'ref', 'due', 'done', 'note'])
def row(u, item, d, count='', tier='', points='', ref='', due='', done=''):
    w.writerow([u, item, d.isoformat() if d else '', count, tier, '', points, ref,
                due.isoformat() if due else '', done.isoformat() if done else '', ''])
for u in units:
    for d in days:
        r = random.random()
        if r < 0.25: row(u, 'weekly', d, random.choice(['', '1', '2']))
        if random.random() < 0.1: row(u, 'monthly', d, '', random.choice(['', '扩大学习']))
        if random.random() < 0.05: row(u, 'daily', d, random.choice(['', '2']))
        if random.random() < 0.12: row(u, 'half_weekly', d)
    for i in range(12):
        ref = f'表扬〔2025〕{random.randint(1, 6)}号'
        d = random.choice(days)
        if random.random() < 0.5:
            row(u, 'praise_city', d, random.choice(['', '1', '2', '3']), ref=ref)
        else:
            row(u, 'praise_bonus', d, random.choice(['', '2']),
                points=random.choice(['0.5', '1', '2.5', '3']), ref=ref)
    for i in range(3):
        due = random.choice(days)
        done = due + datetime.timedelta(random.randint(-3, 9)) if random.random() < 0.7 else None
        d = random.choice(days) if random.random() < 0.8 else None
        row(u, 'late_work', d, random.choice(['', '1', '2']), due=due, done=done)
    for i in range(3):
        row(u, 'fines', random.choice(days + [None]), random.choice(['', '2']),
            tier=random.choice(['轻', '重']))
    for i in range(random.randint(0, 5)):
        row(u, 'misses', random.choice(days + [None]), random.choice(['', '1', '2']))
    if random.random() < 0.4:
        row(u, 'veto_event', random.choice(days))
