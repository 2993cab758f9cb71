/**
 * The sim's search: YQL's {@code where} clauses that officeflow sends, user queries, matching
 * against a schema's indexed fields and attributes, rank expressions and dynamic snippets. Plain
 * logic over JSON documents; {@code dev.officeflow.vespasim.SearchApi} serves it as Vespa's {@code
 * /search/}.
 */
@NullMarked
package dev.officeflow.vespasim.search;

import org.jspecify.annotations.NullMarked;
