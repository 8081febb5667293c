// Table 三 (收到和处理政府信息公开申请情况), both templates, as data. Patterns match one label
// cell after canonicalLabel(); a row's most specific (right-most) label cell is tried first.

/** Value columns in print order: the last part of every cell key. */
export const APPLICANT_COLUMNS = ['naturalPerson', 'business', 'research', 'publicInterest', 'legalService', 'otherOrg', 'total'] as const;

export interface RowLabel {
  key: string;
  pattern: RegExp;
}

/** Every row the two templates print, in the 2021 print order. */
export const APPLICATION_ROWS: RowLabel[] = [
  { key: 'newReceived', pattern: /本年新收/ },
  { key: 'carriedOver', pattern: /上年结转/ },
  { key: 'granted', pattern: /予以公开/ },
  { key: 'partlyGranted', pattern: /部分公开/ },
  { key: 'denied.stateSecret', pattern: /国家秘密/ },
  // "其他法律行政止公开" is a real typo.
  { key: 'denied.prohibitedByLaw', pattern: /禁止公开|法律行政.{0,3}止公开|其他法律行政法规/ },
  { key: 'denied.safetyStability', pattern: /三安全一稳定|危及/ },
  { key: 'denied.thirdPartyRights', pattern: /第三方/ },
  // "属于三类内容事务信息" is a real typo.
  { key: 'denied.internalAffairs', pattern: /内部事务|三类内.事务/ },
  { key: 'denied.processInfo', pattern: /过程性/ },
  { key: 'denied.enforcementFiles', pattern: /执法案卷/ },
  { key: 'denied.administrativeQuery', pattern: /行政查询/ },
  { key: 'unavailable.notHeld', pattern: /不掌握/ },
  { key: 'unavailable.needsCreation', pattern: /另行制作|没有现成/ },
  { key: 'unavailable.unclear', pattern: /仍不明确|补正后申请/ },
  { key: 'notProcessed.complaint', pattern: /信访|举报投诉/ },
  { key: 'notProcessed.duplicate', pattern: /重复申请/ },
  { key: 'notProcessed.publication', pattern: /出版物/ },
  { key: 'notProcessed.excessive', pattern: /大量反复/ },
  { key: 'notProcessed.confirmation', pattern: /重新出具|要求行政机关确认/ },
  { key: 'other.overdueCorrection', pattern: /逾期不补正/ },
  { key: 'other.overdueFee', pattern: /缴纳费用|收费通知/ },
  { key: 'other.other', pattern: /^(\d\.)?其他$/ },
  { key: 'totalProcessed', pattern: /^（七）(总计|合计)$|^(总计|合计)$/ },
  { key: 'carriedForward', pattern: /结转下年度|下年度继续办理/ },
];

/** The 2019 layout's single row 三（六）其他处理, read as other.other. */
export const SINGLE_OTHER_ROW: RowLabel = { key: 'other.other', pattern: /^(（六）)?其他处理$/ };

/** Keys of rows that only the 2021 layout prints. */
export const ROWS_2021_ONLY = ['other.overdueCorrection', 'other.overdueFee'];

/** Header words that show a row stream is table 三. */
export const APPLICATIONS_MARKERS = [/申请人情况/, /勾稽关系/, /本年新收/];

/** Rows whose sum is 三（七）总计, per layout. */
export const RESULT_ROWS = APPLICATION_ROWS.map((r) => r.key).filter(
  (k) => !['newReceived', 'carriedOver', 'totalProcessed', 'carriedForward'].includes(k),
);
