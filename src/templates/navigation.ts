// Site navigation printed on report pages: the words a breadcrumb trail opens with
// (当前位置：首页 > 政务公开 > …). The HTML parser drops such lines as page furniture; the
// meta reader never takes one for a title or an agency.

const BREADCRUMB_OPENERS = ['当前位置', '您的位置', '你的位置', '您现在的位置', '您当前的位置', '所在位置'];

/** A breadcrumb line with its label: "当前位置：…". */
export const BREADCRUMB_LINE = new RegExp(`^(${BREADCRUMB_OPENERS.join('|')})\\s*[:：]`);

/** Breadcrumbs and navigation: a path separator, or a line that opens like a breadcrumb. */
export const NAVIGATION = new RegExp(`[>›»→＞]|\\/|^(?:首页|${BREADCRUMB_OPENERS.join('|')})`);
