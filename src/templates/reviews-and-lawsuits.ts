// Table 四 (政府信息公开行政复议、行政诉讼情况), both templates: one row of 15 numbers.

export const REVIEW_GROUPS = ['review', 'lawsuitDirect', 'lawsuitAfterReview'] as const;
export const REVIEW_COLUMNS = ['upheld', 'corrected', 'other', 'pending', 'total'] as const;

/** Every header of the table names both; prose rarely puts them in one short cell run. */
export const REVIEWS_MARKERS = { review: /行政复议/, lawsuit: /行政诉讼/, outcome: /结果维持|维持/ };
