#!/usr/bin/env bash
# `conversion-check validate --jobs 1` against `--jobs 2` and against one invocation a file, on generated daily files,
# whole processes under -Xmx64m, with hyperfine; then what the machine gives two bare FastCSV passes run at once
# against one alone (the ceiling of a second core for this work). Run from the repository's root after a build:
#   bash conversion-benchmarks/scripts/jobs.sh [FILES [ROWS]]
. "$(dirname "$0")/common.sh"
files=${1:-30}
rows=${2:-300000}
java -cp "$bench" org.conversionkit.benchmarks.GenerateFiles "$work/files" "$files" "$rows" > /dev/null
hyperfine -i -w 1 -r 5 \
  -n "validate --jobs 1" "java -Xmx64m -jar $cli validate --quiet --jobs 1 $work/files" \
  -n "validate --jobs 2" "java -Xmx64m -jar $cli validate --quiet --jobs 2 $work/files" \
  -n "one invocation a file" "for f in $work/files/*.csv; do java -Xmx64m -jar $cli validate --quiet \$f > /dev/null; done"
java -cp "$bench" org.conversionkit.benchmarks.GenerateFile "$work/big.csv" 4000000 > /dev/null
plain="java -Xmx64m -cp $bench org.conversionkit.benchmarks.PlainFastCsv $work/big.csv"
hyperfine -w 1 -r 5 -n "one FastCSV pass" "$plain" -n "two FastCSV passes at once" "bash -c '$plain & $plain; wait'"
