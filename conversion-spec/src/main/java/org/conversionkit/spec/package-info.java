/**
 * The one loader of the project's test cases: case files in one JSON format (a description and a list of cases,
 * each an id, a why, an input inline or as a file, options and what is expected), read into an immutable tree of
 * {@link org.conversionkit.spec.Node}s. {@code spec/README.md} beside the cases describes the format.
 */
@NullMarked
package org.conversionkit.spec;

import org.jspecify.annotations.NullMarked;
