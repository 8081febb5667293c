// Nesting bounded before the tree is built. parse5 (under cheerio) takes time quadratic in the
// depth of nesting (100,000 nested <div>s: over a minute), so a flat scan of the tags runs
// first; where elements nest deeper than the reader walks, the tags below that depth are
// dropped and their text kept, so the page still reads, in time linear in its size.

// Elements that never nest (void), or that the HTML parser closes implicitly when the next
// one opens (a <p> inside a <p>, one <td> after another): they add no depth to count.
const FLAT = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'param', 'source', 'track', 'wbr', 'p', 'li', 'dt', 'dd', 'td', 'th', 'tr', 'thead', 'tbody', 'tfoot', 'option', 'optgroup', 'colgroup', 'rb', 'rt', 'rp']);

// Comments, raw-text elements (their content is no markup), and tags.
const TOKEN = /<!--[\s\S]*?-->|<(script|style|textarea|title)\b[^>]*>[\s\S]*?<\/\1\s*>|<(\/?)([a-zA-Z][\w:-]*)\b[^>]*?(\/?)>/g;

/** The html with tags nested deeper than `limit` removed, or the same string when none are. */
export function flattenDeep(html: string, limit: number): { html: string; flattened: number } {
  let depth = 0;
  let deepest = 0;
  for (const m of html.matchAll(TOKEN)) {
    if (!m[3] || FLAT.has(m[3].toLowerCase()) || m[4]) continue;
    depth = m[2] ? Math.max(0, depth - 1) : depth + 1;
    if (depth > deepest) deepest = depth;
  }
  if (deepest <= limit) return { html, flattened: 0 };

  const out: string[] = [];
  const dropped: boolean[] = [];
  let at = 0;
  let flattened = 0;
  for (const m of html.matchAll(TOKEN)) {
    if (!m[3] || FLAT.has(m[3].toLowerCase()) || m[4]) continue;
    let drop: boolean;
    if (m[2]) drop = dropped.pop() ?? false;
    else {
      drop = dropped.length >= limit;
      dropped.push(drop);
      if (drop) flattened++;
    }
    if (drop) {
      out.push(html.slice(at, m.index));
      at = m.index + m[0].length;
    }
  }
  out.push(html.slice(at));
  return { html: out.join(''), flattened };
}
