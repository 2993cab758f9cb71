package dev.officeflow.vespaloader.search.web;

import dev.officeflow.vespaloader.search.SearchPage;
import dev.officeflow.vespaloader.search.UnifiedSearch;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** The caller's search across their mail, calendar, contacts, documents and todos. */
@RestController
@Tag(name = "search", description = "Searching the caller's indexed items")
public class SearchController {

  private final UnifiedSearch search;

  SearchController(UnifiedSearch search) {
    this.search = search;
  }

  @GetMapping("/v1/search")
  @Operation(
      summary = "The caller's items matching q, best first",
      description =
          "Searches only the caller's own items (their Vespa group), never deleted ones. Every"
              + " word of `q` must match the title or the text; `\"quoted words\"` match as a"
              + " phrase, `-word` excludes. `q` is text, never query syntax of the index.")
  @ApiResponse(responseCode = "200", description = "A page of hits.", useReturnTypeSchema = true)
  @ApiResponse(
      responseCode = "400",
      description =
          "`invalid_query` (q missing, blank or too long), `invalid_types` (with `offending`),"
              + " `invalid_limit`, `invalid_cursor` (not issued for this user and query, or"
              + " expired).")
  @ApiResponse(responseCode = "401", description = "No valid user token: `unauthorized`.")
  @ApiResponse(
      responseCode = "503",
      description = "The index cannot be reached: `search_unavailable`; try again.")
  Mono<SearchPage> search(
      @AuthenticationPrincipal Jwt jwt,
      @Parameter(description = "The words to search for (at most 256 characters by default).")
          @RequestParam(required = false)
          @Nullable String q,
      @Parameter(
              description =
                  "Comma-separated types to search: email, calendar, contact, document, todo"
                      + " (default all).")
          @RequestParam(required = false)
          @Nullable String types,
      @Parameter(description = "Hits per page (default 20, at most 50 by default).")
          @RequestParam(required = false)
          @Nullable String limit,
      @Parameter(description = "The `next_cursor` of the previous page, to read the next one.")
          @RequestParam(required = false)
          @Nullable String cursor) {
    return search.search(jwt.getSubject(), q, types, limit, cursor);
  }
}
