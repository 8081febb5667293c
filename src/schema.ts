// The Report record: the one place its shape is written. Every type in the project that
// describes a record comes from here through z.infer. Depends on nothing but zod.
import { z } from 'zod';

export const SCHEMA_VERSION = 1;

/** Where a value came from. Parsers fill what their format knows; normalize adds block/row/col. */
export const Origin = z
  .object({
    block: z.number().int().optional().describe('index of the block in the parsed document'),
    row: z.number().int().optional().describe('row of the table grid (0-based)'),
    col: z.number().int().optional().describe('column of the table grid (0-based)'),
    line: z.number().int().optional().describe('1-based line of a text input'),
    element: z.number().int().optional().describe('index of the HTML element among blocks'),
    page: z.number().int().optional().describe('1-based page of a PDF'),
    bbox: z
      .tuple([z.number(), z.number(), z.number(), z.number()])
      .optional()
      .describe('x0, y0, x1, y1 in PDF points, origin top-left of the page'),
  })
  .describe('Where in the source a value came from');
export type Origin = z.infer<typeof Origin>;

export const Warning = z.object({
  code: z.string().regex(/^W_[A-Z_]+$/),
  message: z.string(),
  origin: Origin.optional(),
  cell: z.string().optional().describe('canonical cell key the warning is about'),
});
export type Warning = z.infer<typeof Warning>;

export const Cell = z
  .object({
    value: z.number().nullable().describe('the number, or null where the report leaves it empty or unreadable'),
    raw: z.string().nullable().describe('the text as written; null where no cell was found'),
    origin: Origin.nullable(),
  })
  .describe('One template cell');
export type Cell = z.infer<typeof Cell>;

// ── table 二, 2021 template ────────────────────────────────────────────────────────────────
const Documents2021 = z.object({ issued: Cell, repealed: Cell, inForce: Cell });
const Decisions = z.object({ decisions: Cell });
export const ActiveDisclosure = z.object({
  regulations: Documents2021,
  normativeDocuments: Documents2021,
  licensing: Decisions,
  penalties: Decisions,
  coercion: Decisions,
  fees: z.object({ amount: Cell.describe('万元') }),
});

// ── table 二, 2019 template ────────────────────────────────────────────────────────────────
const Documents2019 = z.object({ newlyMade: Cell, newlyPublished: Cell, totalPublished: Cell });
const Items2019 = z.object({ previousYear: Cell, change: Cell, decisions: Cell });
export const ActiveDisclosure2019 = z.object({
  regulations: Documents2019,
  normativeDocuments: Documents2019,
  licensing: Items2019,
  otherServices: Items2019,
  penalties: Items2019,
  coercion: Items2019,
  fees: z.object({ previousYear: Cell, change: Cell }),
  procurement: z.object({ projects: Cell, amount: Cell }),
});

// ── table 三 ───────────────────────────────────────────────────────────────────────────────
export const ApplicantRow = z.object({
  naturalPerson: Cell,
  business: Cell,
  research: Cell,
  publicInterest: Cell,
  legalService: Cell,
  otherOrg: Cell,
  total: Cell,
});
export const Applications = z.object({
  newReceived: ApplicantRow,
  carriedOver: ApplicantRow,
  granted: ApplicantRow,
  partlyGranted: ApplicantRow,
  denied: z.object({
    stateSecret: ApplicantRow,
    prohibitedByLaw: ApplicantRow,
    safetyStability: ApplicantRow,
    thirdPartyRights: ApplicantRow,
    internalAffairs: ApplicantRow,
    processInfo: ApplicantRow,
    enforcementFiles: ApplicantRow,
    administrativeQuery: ApplicantRow,
  }),
  unavailable: z.object({ notHeld: ApplicantRow, needsCreation: ApplicantRow, unclear: ApplicantRow }),
  notProcessed: z.object({
    complaint: ApplicantRow,
    duplicate: ApplicantRow,
    publication: ApplicantRow,
    excessive: ApplicantRow,
    confirmation: ApplicantRow,
  }),
  other: z.object({
    overdueCorrection: ApplicantRow.describe('2021 template only'),
    overdueFee: ApplicantRow.describe('2021 template only'),
    other: ApplicantRow.describe('2021: 3.其他; 2019: the single row （六）其他处理'),
  }),
  totalProcessed: ApplicantRow,
  carriedForward: ApplicantRow,
});

// ── table 四 ───────────────────────────────────────────────────────────────────────────────
const Outcomes = z.object({ upheld: Cell, corrected: Cell, other: Cell, pending: Cell, total: Cell });
export const ReviewsAndLawsuits = z.object({
  review: Outcomes,
  lawsuitDirect: Outcomes,
  lawsuitAfterReview: Outcomes,
});

export const TableName = z.enum(['activeDisclosure', 'activeDisclosure2019', 'applications', 'reviewsAndLawsuits']);
export type TableName = z.infer<typeof TableName>;

export const Tables = z.object({
  activeDisclosure: ActiveDisclosure.nullable(),
  activeDisclosure2019: ActiveDisclosure2019.nullable(),
  applications: Applications.nullable(),
  reviewsAndLawsuits: ReviewsAndLawsuits.nullable(),
});
export type Tables = z.infer<typeof Tables>;

export const TemplateVersion = z.enum(['2021', '2019']);
export type TemplateVersion = z.infer<typeof TemplateVersion>;

/** A report's template: a table template, or 'freeform' (before 2019: no template table). Tables are never freeform. */
export const ReportTemplateVersion = z.enum(['2021', '2019', 'freeform']);
export type ReportTemplateVersion = z.infer<typeof ReportTemplateVersion>;

export const TableInfo = z.object({
  templateVersion: TemplateVersion.nullable(),
  origin: Origin.nullable(),
});

export const SectionKey = z.enum(['overview', 'activeDisclosure', 'applications', 'reviewsAndLawsuits', 'problems', 'other', 'fees']);
export type SectionKey = z.infer<typeof SectionKey>;

export const Section = z.object({
  number: z.number().int().min(1).max(7).describe('the part\'s place in its template: 1–6, or 1–7 in free-form reports'),
  key: SectionKey,
  heading: z.string().nullable().describe('the title as written; null where the report has none'),
  text: z.string().describe('the prose of the part (tables left out)'),
  origin: Origin.nullable(),
});
export type Section = z.infer<typeof Section>;

export const Check = z.object({
  id: z.string().describe('stable name of the rule and the column, row or group it checks'),
  rule: z.string().describe('the rule in words'),
  ok: z.boolean().nullable().describe('null when an input cell is empty'),
  expected: z.number().nullable().describe('what the other cells add up to'),
  actual: z.number().nullable().describe('the printed total'),
  cells: z.array(z.string()).describe('canonical keys the rule reads, the total first'),
  soft: z.boolean().default(false).describe('a comparison of prose and table, not template arithmetic: its failure is a warning of its own'),
});
export type Check = z.infer<typeof Check>;

// ── figures stated in the prose (any template) or in free-form tables ───────────────────────
export const Figure = z
  .object({
    value: z.number().nullable().describe('the number, or null where no sentence or table states it unambiguously'),
    raw: z.string().nullable().describe('the sentence (or table row) it came from'),
    origin: Origin.nullable(),
  })
  .describe('One figure');
export type Figure = z.infer<typeof Figure>;

export const Figures = z.object({
  activeDisclosure: z.object({ items: Figure.describe('主动公开政府信息 N 条'), interpretations: Figure.describe('政策解读 N 篇') }),
  applications: z.object({
    received: Figure,
    granted: Figure,
    partlyGranted: Figure,
    denied: Figure,
    byChannel: z.object({ inPerson: Figure, online: Figure, letter: Figure, fax: Figure, other: Figure }),
  }),
  consultations: Figure.describe('人次'),
  fees: z.object({ amount: Figure.describe('元: what applicants paid for disclosure') }),
  reviews: z.object({ count: Figure }),
  lawsuits: z.object({ count: Figure }),
});
export type Figures = z.infer<typeof Figures>;

/** Figures with nothing found: what a record written before figures existed reads as. */
export function emptyFigures(): Figures {
  const empty = (schema: z.ZodObject): unknown =>
    Object.keys(schema.shape).join() === 'value,raw,origin'
      ? { value: null, raw: null, origin: null }
      : Object.fromEntries(Object.entries(schema.shape).map(([k, v]) => [k, empty(v as z.ZodObject)]));
  return empty(Figures) as Figures;
}

export const Format = z.enum(['text', 'html', 'docx', 'pdf', 'doc']);
export type Format = z.infer<typeof Format>;

export const Report = z.object({
  schemaVersion: z.literal(SCHEMA_VERSION),
  tool: z.object({ name: z.literal('xxgk'), version: z.string() }),
  source: z.object({
    path: z.string().describe('the input path as given, or a URL'),
    sha256: z.string().regex(/^[0-9a-f]{64}$/),
    format: Format,
    bytes: z.number().int().nonnegative(),
    pages: z.number().int().nullable(),
    encoding: z.string().nullable().describe('character encoding of text and HTML inputs'),
    finalUrl: z.string().nullable().default(null).describe('xxgk fetch: the URL the bytes came from, after redirects'),
    fetchedAt: z.string().nullable().default(null).describe('xxgk fetch: when the bytes were downloaded (ISO 8601, UTC)'),
    page: z
      .object({
        url: z.string().describe('the detail page that linked the attachment'),
        title: z.string().nullable(),
        published: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).nullable().describe('发布日期, YYYY-MM-DD'),
        publisher: z.string().nullable().describe('发布机构 as written'),
        indexNumber: z.string().nullable().describe('索引号 as written'),
      })
      .nullable()
      .default(null)
      .describe('xxgk fetch: meta of the detail page a report was attached to'),
  }),
  meta: z.object({
    title: z.string().nullable(),
    agency: z.string().nullable().describe('the issuing body as written'),
    agencyFrom: z.enum(['title', 'signature', 'page', 'properties']).nullable(),
    year: z.number().int().nullable().describe('the year the report covers'),
    published: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).nullable().describe('YYYY-MM-DD'),
    templateVersion: ReportTemplateVersion.nullable(),
    level: z.enum(['national', 'provincial', 'city', 'county', 'township', 'department']).nullable(),
    region: z.string().nullable(),
    regionCode: z.string().regex(/^\d{6}$/).nullable().default(null).describe('6-digit administrative division code of the place the agency name gives'),
    regionName: z.string().nullable().default(null).describe('full name of that place (province … county, township)'),
    agencyId: z.string().nullable().default(null).describe('stable key of the body across years: region code / normalized body name'),
  }),
  sections: z.array(Section),
  tables: Tables,
  tableInfo: z.object({
    activeDisclosure: TableInfo.nullable(),
    applications: TableInfo.nullable(),
    reviewsAndLawsuits: TableInfo.nullable(),
  }),
  figures: Figures.default(emptyFigures).describe('numbers stated in the prose, and in the tables of free-form reports'),
  checks: z.array(Check),
  warnings: z.array(Warning),
});
export type Report = z.infer<typeof Report>;

export const ErrorCode = z.enum([
  'E_EMPTY',
  'E_NOT_A_REPORT',
  'E_UNSUPPORTED_FORMAT',
  'E_ENCRYPTED',
  'E_CORRUPT',
  'E_TOO_LARGE',
  'E_TIMEOUT',
  'E_NO_TEXT_LAYER',
  'E_READ',
  'E_INTERNAL',
  'E_HTTP',
  'E_NETWORK',
  'E_ROBOTS',
  'E_BLOCKED',
  'E_REDIRECT',
]);
export type ErrorCode = z.infer<typeof ErrorCode>;

export const Failure = z.object({ path: z.string(), code: ErrorCode, message: z.string() });
export type Failure = z.infer<typeof Failure>;
