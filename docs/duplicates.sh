#!/bin/bash
# Counts the pairs of places in main code (every module's src/main/java) that share six or more identical lines,
# with the `duplicates` clone detector, and the lines they are counted against: the figure of docs/ARCHITECTURE.md,
# "Written once". Test code, benchmarks' scripts and data files are left out. Run from the repository's root.
set -eu
tree=$(mktemp -d)
trap 'rm -rf "$tree"' EXIT
git ls-files '*/src/main/java/*.java' | while read -r f; do
    mkdir -p "$tree/$(dirname "$f")"
    cp "$f" "$tree/$f"
done
duplicates --repo "$tree" --most 200 --seconds 120 > "$tree/pairs.txt"
# A pair is "identical" unless the detector marks it "shape" (alike only with other names, strings or numbers).
grep '^D' "$tree/pairs.txt" | grep -v ' shape' || true
pairs=$(grep '^D' "$tree/pairs.txt" | grep -vc ' shape' || true)
files=$(git ls-files '*/src/main/java/*.java')
lines=$(cat $files | wc -l)
code=$(cat $files | grep -vcE '^\s*$|^\s*(\*|/\*|//)')
awk -v p="$pairs" -v l="$lines" -v c="$code" 'BEGIN {
    printf "%d identical pairs; %d lines (%.2f pairs per 1,000); %d code lines without comments and blank lines (%.2f)\n",
        p, l, 1000 * p / l, c, 1000 * p / c }'
