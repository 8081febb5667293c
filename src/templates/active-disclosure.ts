// Table 二 (主动公开政府信息情况), 2021 and 2019 templates, as data.
import type { TemplateVersion } from '../schema.js';

export interface Column {
  key: string;
  pattern: RegExp;
}

export interface DisclosureRow {
  key: string;
  pattern: RegExp;
  /** Columns in print order when no header row says otherwise. */
  columns: string[];
}

export interface DisclosureTemplate {
  version: TemplateVersion;
  /** Key of the table under `tables`. */
  table: 'activeDisclosure' | 'activeDisclosure2019';
  rows: DisclosureRow[];
  columns: Column[];
  /** Header words only this version prints. */
  markers: RegExp[];
}

export const ACTIVE_DISCLOSURE_2021: DisclosureTemplate = {
  version: '2021',
  table: 'activeDisclosure',
  rows: [
    { key: 'regulations', pattern: /^规章$/, columns: ['issued', 'repealed', 'inForce'] },
    // 2021 tables sometimes keep the 2019 name 规范性文件.
    { key: 'normativeDocuments', pattern: /^(行政)?规范性文件$/, columns: ['issued', 'repealed', 'inForce'] },
    { key: 'licensing', pattern: /^行政许可$/, columns: ['decisions'] },
    { key: 'penalties', pattern: /^行政处罚$/, columns: ['decisions'] },
    { key: 'coercion', pattern: /^行政强制$/, columns: ['decisions'] },
    { key: 'fees', pattern: /^行政事业性收费$/, columns: ['amount'] },
  ],
  columns: [
    { key: 'issued', pattern: /制发/ },
    { key: 'repealed', pattern: /废止/ },
    { key: 'inForce', pattern: /现行有效/ },
    { key: 'decisions', pattern: /处理决定/ },
    { key: 'amount', pattern: /收费金额/ },
  ],
  markers: [/制发/, /废止/, /现行有效/, /收费金额/],
};

export const ACTIVE_DISCLOSURE_2019: DisclosureTemplate = {
  version: '2019',
  table: 'activeDisclosure2019',
  rows: [
    { key: 'regulations', pattern: /^规章$/, columns: ['newlyMade', 'newlyPublished', 'totalPublished'] },
    { key: 'normativeDocuments', pattern: /^(行政)?规范性文件$/, columns: ['newlyMade', 'newlyPublished', 'totalPublished'] },
    { key: 'licensing', pattern: /^行政许可$/, columns: ['previousYear', 'change', 'decisions'] },
    { key: 'otherServices', pattern: /其他对外管理服务事项/, columns: ['previousYear', 'change', 'decisions'] },
    { key: 'penalties', pattern: /^行政处罚$/, columns: ['previousYear', 'change', 'decisions'] },
    { key: 'coercion', pattern: /^行政强制$/, columns: ['previousYear', 'change', 'decisions'] },
    { key: 'fees', pattern: /^行政事业性收费$/, columns: ['previousYear', 'change'] },
    { key: 'procurement', pattern: /政府集中采购/, columns: ['projects', 'amount'] },
  ],
  columns: [
    { key: 'newlyMade', pattern: /新制作/ },
    { key: 'newlyPublished', pattern: /新公开/ },
    { key: 'totalPublished', pattern: /对外公开总/ },
    { key: 'previousYear', pattern: /上一年/ },
    { key: 'change', pattern: /增.?减/ },
    { key: 'decisions', pattern: /处理决定/ },
    { key: 'projects', pattern: /采购项目/ },
    { key: 'amount', pattern: /采购总金额/ },
  ],
  markers: [/新制作/, /新公开/, /对外公开总/, /上一年项目/, /采购项目/, /政府集中采购/, /其他对外管理服务/],
};

/** Words that open table 二 or one of its sub-tables. */
export const ACTIVE_DISCLOSURE_MARKERS = [/第二十条第/, /^信息内容/];
