#!/usr/bin/env bash
# conversion-spark's CheckFiles in an embedded local[2] session against `conversion-check validate --jobs 2` on the
# same generated daily files, whole processes, with hyperfine; Spark's fixed cost (start-up, planning, the Parquet
# writers, shutdown) measured apart, on one file of two rows. Run from the repository's root after a build:
#   bash conversion-benchmarks/scripts/spark-vs-cli.sh [FILES [ROWS]]
. "$(dirname "$0")/common.sh"
files=${1:-40}
rows=${2:-200000}
./mvnw -B -q package -DskipTests -pl conversion-spark -am dependency:build-classpath \
  -Dmdep.outputFile="$work/spark.cp" -Dmdep.includeScope=test
java -cp "$bench" org.conversionkit.benchmarks.GenerateFiles "$work/files" "$files" "$rows" > /dev/null
mkdir -p "$work/one"
first=$(ls "$work/files" | head -n 1)
head -n 2 "$work/files/$first" > "$work/one/$first"
# The flags spark-submit adds itself on Java 17, as the module's tests take them.
opens=$(sed -n 's:.*<spark.test.argLine>\(.*\)</spark.test.argLine>.*:\1:p' conversion-spark/pom.xml)
classpath="$(ls conversion-spark/target/conversion-spark-*-SNAPSHOT.jar | grep -v -e sources -e javadoc):$(cat "$work/spark.cp")"
spark="java $opens -Dspark.master=local[2] -cp $classpath org.conversionkit.spark.CheckFiles"
hyperfine -i -w 1 -r 3 --prepare "rm -rf $work/out" \
  -n "spark local[2], $files files" "$spark --output $work/out '$work/files/*.csv'" \
  -n "spark local[2], one file of two rows" "$spark --output $work/out '$work/one/*.csv'" \
  -n "validate --jobs 2" "java -Xmx64m -jar $cli validate --quiet --jobs 2 $work/files" \
  -n "validate --jobs 1" "java -Xmx64m -jar $cli validate --quiet --jobs 1 $work/files"
