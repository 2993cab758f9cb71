/** The search route and its response records. */
@NullMarked
package dev.officeflow.vespaloader.search.web;

import org.jspecify.annotations.NullMarked;
