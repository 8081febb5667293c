// The title in a .doc's \x05SummaryInformation property set ([MS-OLEPS]), the counterpart of a
// DOCX's dc:title. Other properties name people or template dates, not the agency (see docx.ts).
import iconv from 'iconv-lite';

const PID_CODEPAGE = 1;
const PID_TITLE = 2;
const VT_I2 = 0x02;
const VT_LPSTR = 0x1e;
const VT_LPWSTR = 0x1f;
/** A title longer than this is no title. */
const MAX_TITLE_BYTES = 4096;

/** The document title, or undefined when the stream has none or cannot be read. */
export function summaryTitle(stream: Buffer | undefined): string | undefined {
  try {
    if (!stream || stream.length < 48 || stream.readUInt16LE(0) !== 0xfffe) return undefined;
    const set = stream.readUInt32LE(44);
    const count = stream.readUInt32LE(set + 4);
    const props = new Map<number, number>();
    for (let i = 0; i < count && set + 16 + 8 * i <= stream.length; i++) props.set(stream.readUInt32LE(set + 8 + 8 * i), set + stream.readUInt32LE(set + 12 + 8 * i));
    const at = props.get(PID_TITLE);
    if (at === undefined) return undefined;
    const type = stream.readUInt16LE(at);
    const size = stream.readUInt32LE(at + 4);
    let title: string;
    if (type === VT_LPWSTR) title = stream.toString('utf16le', at + 8, at + 8 + Math.min(2 * size, MAX_TITLE_BYTES));
    else if (type === VT_LPSTR) title = iconv.decode(stream.subarray(at + 8, at + 8 + Math.min(size, MAX_TITLE_BYTES)), encodingOf(stream, props.get(PID_CODEPAGE)));
    else return undefined;
    title = title.replace(/\0[\s\S]*$/, '').replace(/\s+/g, ' ').trim();
    return title || undefined;
  } catch {
    return undefined;
  }
}

function encodingOf(stream: Buffer, at: number | undefined): string {
  const codepage = at !== undefined && stream.readUInt16LE(at) === VT_I2 ? stream.readUInt16LE(at + 4) : 936;
  if (codepage === 65001) return 'utf8';
  if (codepage === 1200) return 'utf16le';
  return iconv.encodingExists(`cp${codepage}`) ? `cp${codepage}` : 'gb18030';
}
