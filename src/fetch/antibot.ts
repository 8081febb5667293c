// Anti-bot walls: a captcha or a JavaScript challenge served instead of the page. Recognised so
// the URL is recorded as E_BLOCKED and left alone; never solved, never worked around.
import { CAPTCHA, CHALLENGE } from './patterns.js';

/** Pages with more text than this, or with report links, are real pages that mention a captcha. */
const MAX_WALL_TEXT = 1500;

/** Why a page (its HTML and visible text) is an anti-bot wall, or undefined. */
export function antiBotReason(html: string, text: string, reportLinkCount: number): string | undefined {
  if (reportLinkCount > 0 || text.length > MAX_WALL_TEXT) return undefined;
  const mark = CHALLENGE.exec(html) ?? CAPTCHA.exec(html);
  return mark ? `an anti-bot page (${mark[0]}), not bypassed` : undefined;
}
