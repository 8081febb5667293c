// Table 四 (政府信息公开行政复议、行政诉讼情况), both templates: one row of 15 numbers.

export const REVIEW_GROUPS = ['review', 'lawsuitDirect', 'lawsuitAfterReview'] as const;
export const REVIEW_COLUMNS = ['upheld', 'corrected', 'other', 'pending', 'total'] as const;

/** Every header of the table names both; prose rarely puts them in one short cell run. */
export const REVIEWS_MARKERS = { review: /行政复议/, lawsuit: /行政诉讼/, outcome: /结果维持|维持/ };

/** Labels of the three groups where a report prints them as three small tables. */
export const REVIEW_GROUP_LABELS: Record<(typeof REVIEW_GROUPS)[number], RegExp> = {
  review: /行政复议(?!.*诉讼)/,
  lawsuitDirect: /未经复议|直接起诉/,
  lawsuitAfterReview: /复议后起诉/,
};
