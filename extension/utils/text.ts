/** Whitespace other than single spaces between words: the text needs collapsing. */
const UNTIDY_WHITESPACE = /[^\S ]| {2}|^ | $/;

/**
 * Collapses runs of whitespace to one space and trims. Most texts on a page are already tidy,
 * and a test is cheaper than a global replace on each of hundreds of cells.
 */
export function collapseWhitespace(text: string): string {
  return UNTIDY_WHITESPACE.test(text) ? text.replace(/\s+/g, ' ').trim() : text;
}
