/**
 * Counting in text with the native `indexOf`: a scan runs once, so a loop over every char code
 * would run in V8's interpreter, many times slower, before it ever warmed up.
 */

/** How many times `char` occurs in `text` from `from` up to (not including) `to`. */
export function countOf(text: string, char: string, from = 0, to = text.length): number {
  let n = 0;
  for (let i = text.indexOf(char, from); i !== -1 && i < to; i = text.indexOf(char, i + 1)) n++;
  return n;
}
