// Paragraph properties of a Word 97–2003 binary (.doc), from its PAPX pages ([MS-DOC] 2.9.175
// PapxFkp): which paragraphs are table cells, which mark a row's end, and each row's cell layout
// (sprmTDefTable: cell edges and merge flags). word-extractor reads the text but not these, and
// its own row-end detection misreads the grpprl of rows wider than a few cells.

/** One run of paragraph properties, by byte offset in the WordDocument stream. */
export interface PapxRun {
  fcStart: number;
  fcEnd: number;
  /** The paragraph is inside a table (sprmPFInTable or a nesting depth ≥ 1). */
  inTable: boolean;
  /** The paragraph is a row's end mark (sprmPFTtp / sprmPFInnerTtp). */
  rowEnd: boolean;
  /** Table nesting depth (sprmPItap); 1 for an outer table. */
  depth: number;
  row?: RowDef;
}

export interface CellDef {
  /** Left and right edges, in twips from the row's origin. */
  left: number;
  right: number;
  /** Horizontal merge (pre-Word 2000 style): 1 first of a merged set, 2 or 3 merged into it. */
  horzMerge: number;
  /** Vertical merge: 1 continues the cell above, 3 starts a merged set. */
  vertMerge: number;
}

export interface RowDef {
  cells: CellDef[];
}

const SPRM_P_IN_TABLE = 0x2416;
const SPRM_P_TTP = 0x2417;
const SPRM_P_INNER_TABLE_CELL = 0x244b;
const SPRM_P_INNER_TTP = 0x244c;
const SPRM_P_ITAP = 0x6649;
const SPRM_P_CHG_TABS = 0xc615;
const SPRM_P_HUGE_PAPX = 0x6646;
const SPRM_T_DEF_TABLE = 0xd608;
const SPRM_T_VERT_MERGE = 0xd62b;
const SPRM_T_MERGE = 0x5624;
const FKP_SIZE = 512;
/** A column count beyond Word's own limit (63) is a damaged operand. */
const MAX_COLUMNS = 64;

/** Operand length of a sprm at `at` (the operand's first byte), or -1 when it cannot be known. */
function operandLength(sprm: number, buf: Buffer, at: number): number {
  switch (sprm >> 13) {
    case 0:
    case 1:
      return 1;
    case 2:
    case 4:
    case 5:
      return 2;
    case 3:
      return 4;
    case 7:
      return 3;
    default:
      if (at >= buf.length) return -1;
      // The two variable-length sprms whose size is not one leading byte.
      if (sprm === SPRM_T_DEF_TABLE) return at + 1 < buf.length ? buf.readUInt16LE(at) + 1 : -1;
      if (sprm === SPRM_P_CHG_TABS && buf[at] === 255) return -1;
      return buf[at] + 1;
  }
}

function readTDefTable(op: Buffer): RowDef | undefined {
  // cb (2 bytes), itcMac, rgdxaCenter[itcMac + 1], rgTc80[itcMac] of 20 bytes.
  if (op.length < 3) return undefined;
  const count = op[2];
  if (count === 0 || count > MAX_COLUMNS || op.length < 3 + 2 * (count + 1)) return undefined;
  const edges = Array.from({ length: count + 1 }, (_, i) => op.readInt16LE(3 + 2 * i));
  const tcAt = 3 + 2 * (count + 1);
  const cells: CellDef[] = [];
  for (let i = 0; i < count; i++) {
    const at = tcAt + 20 * i;
    // rgTc80 may be shorter than itcMac: the missing cells have no flags.
    const flags = at + 2 <= op.length ? op.readUInt16LE(at) : 0;
    cells.push({ left: edges[i], right: edges[i + 1], horzMerge: flags & 0x3, vertMerge: (flags >> 5) & 0x3 });
  }
  return { cells };
}

/** Walk a grpprl and fold the sprms we need into `run`. `data` is the Data stream, where the
 *  properties of a paragraph too large for its page are kept (wide table rows). */
function applySprms(grpprl: Buffer, run: PapxRun, data?: Buffer): void {
  let at = 0;
  while (at + 2 <= grpprl.length) {
    const sprm = grpprl.readUInt16LE(at);
    at += 2;
    const length = operandLength(sprm, grpprl, at);
    if (length < 0 || at + length > grpprl.length) return;
    const op = grpprl.subarray(at, at + length);
    at += length;
    switch (sprm) {
      case SPRM_P_HUGE_PAPX: {
        // PrcData at that offset: cbGrpprl, then the grpprl.
        const at = op.readUInt32LE(0);
        if (data && at + 2 <= data.length) applySprms(data.subarray(at + 2, Math.min(data.length, at + 2 + data.readUInt16LE(at))), run);
        break;
      }
      case SPRM_P_IN_TABLE:
      case SPRM_P_INNER_TABLE_CELL:
        if (op[0]) run.inTable = true;
        break;
      case SPRM_P_TTP:
      case SPRM_P_INNER_TTP:
        if (op[0]) run.rowEnd = run.inTable = true;
        break;
      case SPRM_P_ITAP:
        run.depth = op.readInt32LE(0);
        if (run.depth > 0) run.inTable = true;
        break;
      case SPRM_T_DEF_TABLE:
        run.row = readTDefTable(op) ?? run.row;
        break;
      case SPRM_T_VERT_MERGE:
        // cb = 2, itc, merge flags.
        if (run.row && op.length >= 3 && op[1] < run.row.cells.length) run.row.cells[op[1]].vertMerge = op[2] & 0x3;
        break;
      case SPRM_T_MERGE:
        if (run.row) {
          const first = op[0];
          const limit = Math.min(op[1], run.row.cells.length);
          for (let i = first; i < limit; i++) run.row.cells[i].horzMerge = i === first ? 1 : 2;
        }
        break;
    }
  }
}

/**
 * Every PAPX run of the document, sorted by position. `word` is the WordDocument stream, `table`
 * the 0Table/1Table stream, `data` the Data stream if there is one. Damaged pages are skipped:
 * the text still reads, without tables.
 */
export function readPapx(word: Buffer, table: Buffer, data?: Buffer): PapxRun[] {
  if (word.length < 0x10a) return [];
  const fc = word.readUInt32LE(0x0102);
  const lcb = word.readUInt32LE(0x0106);
  if (lcb < 12 || fc + lcb > table.length) return [];
  const plc = table.subarray(fc, fc + lcb);
  const count = Math.floor((lcb - 4) / 8);
  const runs: PapxRun[] = [];
  for (let i = 0; i < count; i++) {
    const page = plc.readUInt32LE(4 * (count + 1) + 4 * i) & 0x3fffff;
    const fkp = word.subarray(page * FKP_SIZE, (page + 1) * FKP_SIZE);
    if (fkp.length < FKP_SIZE) continue;
    const crun = fkp[FKP_SIZE - 1];
    if ((crun + 1) * 4 + crun * 13 > FKP_SIZE - 1) continue;
    for (let j = 0; j < crun; j++) {
      const run: PapxRun = { fcStart: fkp.readUInt32LE(4 * j), fcEnd: fkp.readUInt32LE(4 * (j + 1)), inTable: false, rowEnd: false, depth: 0 };
      const offset = fkp[(crun + 1) * 4 + 13 * j] * 2;
      if (offset > 0 && offset < FKP_SIZE - 1) {
        // PapxInFkp: cb, then 2cb−1 bytes; or 0, cb', then 2cb' bytes. The first two are istd.
        const cb = fkp[offset];
        const [start, size] = cb !== 0 ? [offset + 1, 2 * cb - 1] : [offset + 2, 2 * fkp[offset + 1]];
        const grpprl = fkp.subarray(start + 2, Math.min(start + size, FKP_SIZE - 1));
        applySprms(grpprl, run, data);
      }
      runs.push(run);
    }
  }
  return runs.sort((a, b) => a.fcStart - b.fcStart);
}

/** The run holding byte offset `fc`, by binary search over sorted runs. */
export function runAt(runs: PapxRun[], fc: number): PapxRun | undefined {
  let lo = 0;
  let hi = runs.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const run = runs[mid];
    if (fc < run.fcStart) hi = mid - 1;
    else if (fc >= run.fcEnd) lo = mid + 1;
    else return run;
  }
  return undefined;
}
