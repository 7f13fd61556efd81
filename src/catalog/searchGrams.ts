/**
 * The 1–2 character index of search (pure): every distinct character and pair of adjacent characters
 * of `search_text`, stored in `publications.search_grams` (GIN). A term of one or two characters
 * occurs in a text exactly when it is one of these grams, so `search_grams @> array[term]` answers it
 * without reading the texts. The SQL function `catalog_search_grams` (migration
 * 0015_catalog_search_grams_fill) computes the same set for rows written by SQL alone.
 */

/**
 * Characters that split a query into terms (see `searchTerms`), so no term contains them and no
 * gram needs to: leaving them out keeps the arrays smaller. The SQL function leaves out the same.
 */
const separators = new Set([' ', '\t', '\n', '\r', '\u3000', ',', '，', ';', '；']);

/** The distinct 1- and 2-code-point substrings of `text` that contain no separator, sorted. */
export function searchGrams(text: string): string[] {
  const grams = new Set<string>();
  let previous = '';
  for (const ch of text) {
    if (separators.has(ch)) {
      previous = '';
      continue;
    }
    grams.add(ch);
    if (previous !== '') grams.add(previous + ch);
    previous = ch;
  }
  return [...grams].sort();
}

/**
 * The grams a text must contain to contain `term`: the term itself when it has one or two
 * characters (then the test is exact), otherwise its adjacent pairs (a necessary condition only).
 */
export function gramsOfTerm(term: string): string[] {
  const chars = [...term];
  if (chars.length <= 2) return [term];
  return [...new Set(chars.slice(1).map((ch, i) => chars[i] + ch))];
}

/** Whether `gramsOfTerm(term)` decides the match on its own (no substring test needed). */
export const gramsAreExact = (term: string) => [...term].length <= 2;
