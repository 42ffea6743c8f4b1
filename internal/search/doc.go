// Package search builds the site's full-text search index at build time, one
// per language, for the browser to query with no server and no extra tool.
//
// # Terms
//
// Text is normalised (NFKC, so full-width letters and digits become ASCII;
// then lower case; invalid UTF-8 becomes a space) and read left to right:
//
//   - CJK text (Han, kana, Hangul) gives every character alone and every pair
//     of neighbouring characters, so any substring of two or more characters
//     is found without a dictionary and a one-character query still works. A
//     query of two or more characters looks up the pairs that cover it without
//     overlap (营商环境: 营商, 环境). CJK terms keep no positions: the pair
//     that bridges two of the query's (商环) tells the phrase instead.
//   - Other letters make words, lightly stemmed (Stem): plural -s and -ies,
//     -ing, -ed and a final -e are removed.
//   - A number starts a figure, read with the rules of package figures (scale
//     words, 余 and 多, units in any language, percentages) and indexed as its
//     exact value and unit: 7.9亿元 and 790 million yuan both give the term
//     "#790000000:yuan", so either finds the other.
//
// Each term has a position; neighbouring characters, words and figures have
// neighbouring positions, so a phrase is a run of consecutive positions. The
// index keeps the first few positions of words and figures, none of CJK terms.
//
// # Index
//
// Pages are read one by one (Tokenizer.Prepare, on any goroutine, while the
// build has their text), each keeping its terms as numbers in the tokenizer's
// dictionary and its postings as varints, and put together by Build into
// shards by term hash (two passes: count, then write each posting in place),
// so a query fetches a few small files; Update makes the next index from the
// last one and the pages an edit changed, writing again only the postings of
// their terms. The files' format is in README, "Search".
//
// static/js/search.js in the default theme repeats these rules exactly; a
// test runs both on the same strings when node is installed.
package search
