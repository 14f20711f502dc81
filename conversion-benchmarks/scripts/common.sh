# Sourced by the scripts beside it: strict shell, the built jars, and a scratch folder removed on exit.
set -euo pipefail
bench=conversion-benchmarks/target/benchmarks.jar
cli=conversion-cli/target/conversion-check.jar
for jar in "$bench" "$cli"; do
  [ -f "$jar" ] || { echo "$jar is missing: build first (./mvnw -B -q package -DskipTests)" >&2; exit 2; }
done
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
