// What names an annual disclosure report in a title or a link: the meta reader's title finder,
// the not-a-report test and fetch's report links use the same two words.

/** The report kind: 年度报告 / 年报. */
export const REPORT_NAME = /年度报告|年报/;

/** The subject: 政府信息公开, 政务公开 (and the bare 信息公开 some bodies write). */
export const DISCLOSURE_NAME = /信息公开|政务公开/;
