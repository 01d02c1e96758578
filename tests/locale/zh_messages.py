#!/usr/bin/env python3
"""Reruns every golden case with Chinese messages (issue 20 point 3).

For each tests/golden/<case>/ without an env file of its own, kaohe runs
again under LANG=zh_CN.UTF-8 and
  - exits with the case's exit code;
  - prints no English sentence in a diagnostic, hint or --help text: a
    message nobody marked with tr()/trf(), or one the catalogue lacks
    (names, keys, values, options and file names may stay as written);
  - writes the same stdout bytes, unless it prints --help or the terminal
    table (whose header words are Chinese then).

  zh_messages.py KAOHE_BIN REPO_ROOT
"""
import os
import re
import shlex
import subprocess
import sys

# Two or more English words in a row, once quoted text, names and code are
# taken out, is a sentence left in English.
QUOTED = re.compile(r'"[^"]*"|\'[^\']*\'|`[^`]*`|“[^”]*”|‘[^’]*’|「[^」]*」|《[^》]*》')
SOURCE_ECHO = re.compile(r'^\s*\d*\s*\| ')
ENGLISH_LEAD = re.compile(r'(^|\s)(error|warning|hint): ')
# Words that are names, not sentences, even side by side.
NAMES = {'kaohe', 'Excel', 'WPS', 'LibreOffice', 'Office', 'Microsoft', 'CSV',
         'TSV', 'JSON', 'YAML', 'HTML', 'SQL', 'UTF', 'GB18030', 'GBK',
         'DuckDB', 'PostgreSQL', 'SQLite', 'Chromium', 'less', 'Markdown',
         'xlsx', 'csv', 'json', 'yaml', 'html', 'tsv', 'markdown', 'table',
         'sqlite', 'duckdb', 'postgres', 'bash', 'zsh', 'fish', 'cron', 'ulimit',
         'cgroup', 'PAGER', 'COLUMNS', 'NO_COLOR'}


def sentence_in_english(line):
    """The English words found side by side, or None."""
    if not line.strip() or SOURCE_ECHO.match(line):
        return None
    if ENGLISH_LEAD.search(line):
        return ENGLISH_LEAD.search(line).group(0).strip()
    text = QUOTED.sub(' | ', line)
    # Anything not ASCII (Chinese, full-width punctuation) separates words.
    text = re.sub(r'[^\x00-\x7f]+', ' | ', text)
    words = []
    for token in text.split():
        word = token.rstrip('.,;:!?')
        plain = re.fullmatch(r'[A-Za-z]+', word)
        if plain and word not in NAMES and not word.isupper():
            words.append(word)
            # "self, group": a list of names, not a sentence.
            if token.endswith((',', ';', ':')):
                words.append('|')
        else:
            words.append('|')
    run = []
    for w in words + ['|']:
        if w == '|':
            if len(run) >= 2:
                return ' '.join(run)
            run = []
        else:
            run.append(w)
    return None


def is_table_run(args):
    if not args or args[0] != 'score':
        return False
    for i, a in enumerate(args):
        if a in ('-O', '--output-format') and i + 1 < len(args):
            return args[i + 1] == 'table'
        if a.startswith('--output-format=') or a.startswith('-O'):
            return a.split('=', 1)[-1].removeprefix('-O') == 'table'
        if a == '-o' or a.startswith('--output'):
            return False
    return True


def main():
    if len(sys.argv) != 3:
        print('usage: zh_messages.py KAOHE_BIN REPO_ROOT', file=sys.stderr)
        return 2
    binary = os.path.abspath(sys.argv[1])
    root = sys.argv[2]
    golden = os.path.join(root, 'tests', 'golden')
    failures = 0
    checked = 0
    for case in sorted(os.listdir(golden)):
        d = os.path.join(golden, case)
        if not os.path.isfile(os.path.join(d, 'cmd')) or os.path.exists(os.path.join(d, 'env')):
            continue
        with open(os.path.join(d, 'cmd'), encoding='utf-8') as f:
            args = shlex.split(f.readline())
        stdin_path = os.path.join(d, 'stdin')
        stdin = open(stdin_path, 'rb') if os.path.exists(stdin_path) else subprocess.DEVNULL
        run = subprocess.run([binary] + args, cwd=root, stdin=stdin, capture_output=True,
                             env={'PATH': '/usr/bin:/bin', 'LANG': 'zh_CN.UTF-8'})
        checked += 1
        problems = []
        with open(os.path.join(d, 'exit')) as f:
            want_exit = int(f.read().strip())
        if run.returncode != want_exit:
            problems.append(f'exit {run.returncode}, in English {want_exit}')
        help_run = '--help' in args or '-h' in args
        lines = run.stderr.decode('utf-8', 'replace').splitlines()
        if help_run:
            lines += run.stdout.decode('utf-8', 'replace').splitlines()
        for line in lines:
            found = sentence_in_english(line)
            if found:
                problems.append(f'English left ("{found}"): {line}')
        if not help_run and not is_table_run(args):
            with open(os.path.join(d, 'stdout'), 'rb') as f:
                if f.read() != run.stdout:
                    problems.append('stdout differs from the English run (data must not change)')
        if problems:
            failures += 1
            print(f'FAIL: golden/{case}: kaohe {" ".join(args)}')
            for p in problems:
                print(f'  {p}')
    if failures:
        print(f'{failures} of {checked} cases fail in Chinese')
        return 1
    print(f'{checked} cases in Chinese: messages translated, data the same')
    return 0


if __name__ == '__main__':
    sys.exit(main())
