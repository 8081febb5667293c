// How labels are compared: the printed forms vary in spaces, line breaks, full-width
// punctuation and numbering marks, so every label is reduced to one canonical spelling first.

const FULL_WIDTH_OFFSET = 0xfee0;

/** Full-width ASCII (digits, letters, punctuation) → half-width. */
export function toHalfWidth(text: string): string {
  return text.replace(/[\uff01-\uff5e]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - FULL_WIDTH_OFFSET)).replace(/\u3000/g, ' ');
}

/** Half-width with no whitespace at all (nor no-break or zero-width spaces): how labels, values,
 * names and prose are compared, whatever spacing the printed form used. */
export function compactText(text: string): string {
  return toHalfWidth(text).replace(/[\s\u00a0\u200b]+/g, '');
}

/** A label as compared: no whitespace, half-width, one kind of bracket and list mark. */
export function canonicalLabel(text: string): string {
  return compactText(text)
    .replace(/[(]/g, '（')
    .replace(/[)]/g, '）')
    .replace(/[“”"]/g, '"')
    .replace(/(^|[^\d])(\d)[、.,，．]/g, '$1$2.');
}
