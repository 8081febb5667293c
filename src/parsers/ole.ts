// OLE2 compound files (D0 CF 11 E0 …): a password-protected DOCX is one (EncryptionInfo +
// EncryptedPackage streams), and so is a legacy Word .doc (and most .wps files). This says which
// it is, so that a .doc goes to its parser (doc.ts) and anything else gets the right error, and
// checks a compound file's structure before word-extractor walks it (that package follows
// sector chains and directory links without loop checks).
import { XxgkError } from '../errors.js';

export type OleKind = 'encrypted-ooxml' | 'encrypted-doc' | 'doc' | 'xls' | 'ppt' | 'unknown';

export interface OleInfo {
  kind: OleKind;
  /** Names of the storages and streams found. */
  names: string[];
  /** The directory could not be read (names come from a scan of the bytes). */
  damaged: boolean;
}

const SIGNATURE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const END_OF_CHAIN = 0xfffffffe;
const MAX_SECTORS_WALKED = 1 << 20;
/** FibBase flag: the .doc is password-encrypted (or XOR-obfuscated). */
const FIB_ENCRYPTED = 0x0100;

interface DirEntry {
  name: string;
  type: number;
  start: number;
  size: number;
  left: number;
  right: number;
  child: number;
}

const NO_STREAM = 0xffffffff;

export function isOle(bytes: Uint8Array): boolean {
  return SIGNATURE.every((b, i) => bytes[i] === b);
}

/** Read the compound file's directory; fall back to scanning for UTF-16LE names. */
export function classifyOle(bytes: Uint8Array): OleInfo {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let entries: DirEntry[] = [];
  let file: CompoundFile | undefined;
  try {
    file = new CompoundFile(buf);
    entries = file.directory();
  } catch {
    entries = [];
  }
  const names = entries.length ? entries.map((e) => e.name) : scanNames(buf);
  const has = (name: string) => names.some((n) => n.toLowerCase() === name.toLowerCase());
  let kind: OleKind = 'unknown';
  if (has('EncryptionInfo') || has('EncryptedPackage')) kind = 'encrypted-ooxml';
  else if (has('WordDocument')) {
    kind = 'doc';
    const word = entries.find((e) => e.name === 'WordDocument');
    try {
      const fib = word && file ? file.read(word, 12) : undefined;
      if (fib && fib.length >= 12 && fib.readUInt16LE(0) === 0xa5ec && fib.readUInt16LE(10) & FIB_ENCRYPTED) kind = 'encrypted-doc';
    } catch {
      // An unreadable FIB leaves it a plain .doc.
    }
  } else if (has('Workbook') || has('Book')) kind = 'xls';
  else if (has('PowerPoint Document')) kind = 'ppt';
  return { kind, names, damaged: entries.length === 0 };
}

/** Throw the error that fits an OLE2 file that is not read (all but kind 'doc', which doc.ts reads). */
export function rejectOle({ kind, damaged }: OleInfo): never {
  if (kind === 'unknown' && damaged) throw new XxgkError('E_CORRUPT', 'the compound file (.doc, .wps) is damaged: its directory cannot be read (a truncated file?)');
  switch (kind) {
    case 'encrypted-ooxml':
      throw new XxgkError('E_ENCRYPTED', 'the document is password-protected (an encrypted Office package); remove the password and save it again');
    case 'encrypted-doc':
      throw new XxgkError('E_ENCRYPTED', 'the legacy Word .doc is password-protected; remove the password and save it as .docx');
    case 'doc':
      throw new XxgkError('E_UNSUPPORTED_FORMAT', 'this Word binary document could not be read; open it in Word, WPS or LibreOffice and save it as .docx');
    case 'xls':
      throw new XxgkError('E_UNSUPPORTED_FORMAT', 'this is a legacy Excel workbook (.xls), not a report document');
    case 'ppt':
      throw new XxgkError('E_UNSUPPORTED_FORMAT', 'this is a legacy PowerPoint file (.ppt), not a report document');
    default:
      throw new XxgkError(
        'E_UNSUPPORTED_FORMAT',
        'this is an OLE2 compound file without a Word document stream (an old WPS or Works file?), which is not read; open it in WPS Office, Word or LibreOffice and save it as .docx',
      );
  }
}

/**
 * Throw E_CORRUPT unless the header's table sizes fit the file, the directory is a tree, and the
 * chains of the directory, mini stream, mini FAT and the named streams end without loops.
 */
export function checkCompound(bytes: Uint8Array, streams: string[]): void {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  try {
    new CompoundFile(buf).check(streams);
  } catch (error) {
    throw new XxgkError('E_CORRUPT', `the compound file is damaged (${(error as Error).message})`);
  }
}

/** A whole stream of the root storage by name, or undefined when there is none. */
export function readOleStream(bytes: Uint8Array, name: string): Buffer | undefined {
  const file = new CompoundFile(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  const entry = file.directory().find((e) => e.type === 2 && e.name === name);
  return entry && file.read(entry, entry.size);
}

/** Just enough of [MS-CFB] to list the directory, check its chains and read the start of a stream. */
class CompoundFile {
  private readonly sectorSize: number;
  private readonly miniSectorSize: number;
  private readonly miniCutoff: number;
  private readonly fat: number[];

  constructor(private readonly buf: Buffer) {
    if (!isOle(buf) || buf.length < 512) throw new Error('not a compound file');
    const shift = buf.readUInt16LE(0x1e);
    if (shift !== 9 && shift !== 12) throw new Error('bad sector size');
    this.sectorSize = 1 << shift;
    this.miniSectorSize = 1 << buf.readUInt16LE(0x20);
    this.miniCutoff = buf.readUInt32LE(0x38);
    const fatSectors: number[] = [];
    const fatCount = buf.readUInt32LE(0x2c);
    for (let i = 0; i < 109 && fatSectors.length < fatCount; i++) fatSectors.push(buf.readUInt32LE(0x4c + 4 * i));
    // Further FAT sector numbers sit in the DIFAT chain.
    let difat = buf.readUInt32LE(0x44);
    for (let guard = 0; difat < END_OF_CHAIN && fatSectors.length < fatCount && guard < MAX_SECTORS_WALKED; guard++) {
      const at = this.offset(difat);
      const perSector = this.sectorSize / 4 - 1;
      for (let i = 0; i < perSector && fatSectors.length < fatCount; i++) fatSectors.push(buf.readUInt32LE(at + 4 * i));
      difat = buf.readUInt32LE(at + 4 * perSector);
    }
    this.fat = [];
    for (const sector of fatSectors) {
      const at = this.offset(sector);
      for (let i = 0; i < this.sectorSize / 4; i++) this.fat.push(buf.readUInt32LE(at + 4 * i));
    }
  }

  private offset(sector: number): number {
    const at = (sector + 1) * this.sectorSize;
    if (at + this.sectorSize > this.buf.length) throw new Error('sector past the end of the file');
    return at;
  }

  private chain(start: number, table: number[]): number[] {
    const sectors: number[] = [];
    const seen = new Set<number>();
    for (let s = start; s < END_OF_CHAIN && sectors.length < MAX_SECTORS_WALKED; s = table[s]) {
      if (seen.has(s) || s >= table.length) throw new Error('broken sector chain');
      seen.add(s);
      sectors.push(s);
    }
    return sectors;
  }

  check(streams: string[]): void {
    const sectors = Math.floor(this.buf.length / this.sectorSize) - 1;
    for (const [name, at] of [['FAT', 0x2c], ['mini FAT', 0x40], ['DIFAT', 0x48]] as const)
      if (this.buf.readUInt32LE(at) > sectors) throw new Error(`the header counts more ${name} sectors than the file has`);
    if (this.buf.readUInt16LE(0x20) !== 6) throw new Error('bad mini sector size');
    const entries = this.directory(true);
    const root = entries[0];
    if (!root || root.type !== 5) throw new Error('no root entry');
    // Every entry reached once at most: the red-black tree has no loops or shared subtrees.
    const seen = new Set<number>();
    const visit = (id: number, depth: number): void => {
      if (id === NO_STREAM) return;
      if (id >= entries.length || seen.has(id) || depth > entries.length) throw new Error('the directory is not a tree');
      seen.add(id);
      const e = entries[id];
      visit(e.left, depth + 1);
      visit(e.right, depth + 1);
      if (e.type === 1 || e.type === 5) visit(e.child, depth + 1);
    };
    visit(0, 0);
    const miniFat = this.chain(this.buf.readUInt32LE(0x3c), this.fat);
    if (miniFat.length !== this.buf.readUInt32LE(0x40)) throw new Error('the mini FAT is not as long as the header says');
    for (const s of this.chain(root.start, this.fat)) this.offset(s);
    const miniTable: number[] = [];
    for (const s of miniFat) {
      const at = this.offset(s);
      for (let i = 0; i < this.sectorSize / 4; i++) miniTable.push(this.buf.readUInt32LE(at + 4 * i));
    }
    for (const name of streams) {
      const entry = entries.find((e) => e.type === 2 && e.name === name);
      if (!entry || entry.size === 0) continue;
      if (entry.size < this.miniCutoff) this.chain(entry.start, miniTable);
      else for (const s of this.chain(entry.start, this.fat)) this.offset(s);
    }
  }

  directory(withEmpty = false): DirEntry[] {
    const entries: DirEntry[] = [];
    for (const sector of this.chain(this.buf.readUInt32LE(0x30), this.fat)) {
      const at = this.offset(sector);
      for (let e = 0; e < this.sectorSize / 128; e++) {
        const base = at + e * 128;
        const type = this.buf[base + 0x42];
        const length = this.buf.readUInt16LE(base + 0x40);
        const links = { left: this.buf.readUInt32LE(base + 0x44), right: this.buf.readUInt32LE(base + 0x48), child: this.buf.readUInt32LE(base + 0x4c) };
        if (type === 0 || length < 2 || length > 64) {
          // Ids count every slot, empty ones too.
          if (withEmpty) entries.push({ name: '', type: 0, start: 0, size: 0, ...links });
          continue;
        }
        const name = this.buf.toString('utf16le', base, base + length - 2);
        entries.push({ name, type, start: this.buf.readUInt32LE(base + 0x74), size: this.buf.readUInt32LE(base + 0x78), ...links });
      }
    }
    return entries;
  }

  /** The first `length` bytes of a stream. */
  read(entry: DirEntry, length: number): Buffer {
    const want = Math.min(length, entry.size);
    const parts: Buffer[] = [];
    let got = 0;
    if (entry.size >= this.miniCutoff) {
      for (const s of this.chain(entry.start, this.fat)) {
        if (got >= want) break;
        const at = this.offset(s);
        parts.push(this.buf.subarray(at, at + Math.min(this.sectorSize, want - got)));
        got += parts[parts.length - 1].length;
      }
      return Buffer.concat(parts);
    }
    // Small streams live in the mini stream, which is the root entry's stream.
    const root = this.directory().find((e) => e.type === 5);
    if (!root) throw new Error('no root entry');
    const miniFat: number[] = [];
    for (const s of this.chain(this.buf.readUInt32LE(0x3c), this.fat)) {
      const at = this.offset(s);
      for (let i = 0; i < this.sectorSize / 4; i++) miniFat.push(this.buf.readUInt32LE(at + 4 * i));
    }
    const container = this.chain(root.start, this.fat);
    for (const m of this.chain(entry.start, miniFat)) {
      if (got >= want) break;
      const byteInMini = m * this.miniSectorSize;
      const at = this.offset(container[Math.floor(byteInMini / this.sectorSize)]) + (byteInMini % this.sectorSize);
      parts.push(this.buf.subarray(at, at + Math.min(this.miniSectorSize, want - got)));
      got += parts[parts.length - 1].length;
    }
    return Buffer.concat(parts);
  }
}

const KNOWN = ['EncryptionInfo', 'EncryptedPackage', 'WordDocument', 'Workbook', 'Book', 'PowerPoint Document'];

/** Damaged directory: look for the known stream names as UTF-16LE anywhere in the file. */
function scanNames(buf: Buffer): string[] {
  return KNOWN.filter((name) => buf.includes(Buffer.from(name, 'utf16le')));
}
