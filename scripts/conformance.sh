#!/usr/bin/env bash
# Runs a whole sqllogictest corpus against Mallard and writes a Markdown report plus the list of
# passing scripts (the format of the ratchet files in core/src/test/resources/conformance/).
#   scripts/conformance.sh sqlite   [REPORT.md]   # SQLite's corpus, 622 files (about an hour)
#   scripts/conformance.sh duckdb   [REPORT.md]   # DuckDB's files in ../shared/sqllogictest/duckdb
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
. "$here/scripts/find-java.sh"
corpus="${1:?usage: scripts/conformance.sh sqlite|duckdb [REPORT.md]}"
out="${2:-$here/core/target/conformance/full-$corpus.md}"
cd "$here"
mvn -q -B -ntp -pl core -DskipTests test-compile dependency:build-classpath -Dmdep.outputFile=target/test-classpath.txt
mkdir -p "$(dirname "$out")"
exec "$JAVA_HOME/bin/java" -Xmx6g -XX:+UseParallelGC \
  -cp "core/target/test-classes:core/target/classes:$(cat core/target/test-classpath.txt)" \
  dev.mallard.sqllogictest.ConformanceReport --corpus "$corpus" --url jdbc:mallard: \
  --out "$out" --passing-out "${out%.md}-passing.txt"
