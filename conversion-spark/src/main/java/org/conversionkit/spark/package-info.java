/**
 * conversion-kit on an Apache Spark cluster: {@link org.conversionkit.spark.SparkCheck} checks files from any file
 * system Spark reads, each streamed whole by one task through the same check as {@code conversion-check}, into
 * Datasets of reports, violations and typed rows; {@link org.conversionkit.spark.CheckFiles} is the
 * {@code spark-submit} entry point. Spark is provided by the cluster.
 */
@NullMarked
package org.conversionkit.spark;

import org.jspecify.annotations.NullMarked;
