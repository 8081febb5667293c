import { describe, expect, it } from 'vitest';
import iconv from 'iconv-lite';
import { decodeText } from '../../src/parsers/decode.js';

const TEXT = '淮安市洪泽区人民政府2023年政府信息公开工作年度报告：本年新收政府信息公开申请数量';
const page = (head: string) => `<html><head>${head}</head><body><p>${TEXT}</p></body></html>`;
const codes = (w: { code: string }[]) => w.map((x) => x.code);

describe('decodeText', () => {
  it('honours a GB2312 meta charset (decoding as GB18030)', () => {
    const r = decodeText(iconv.encode(page('<meta http-equiv="Content-Type" content="text/html; charset=gb2312">'), 'gbk'), { html: true });
    expect(r.text).toContain(TEXT);
    expect(r.encoding).toBe('gb18030');
    expect(r.warnings).toEqual([]);
  });

  it('detects GBK without a charset', () => {
    const r = decodeText(iconv.encode(page(''), 'gbk'), { html: true });
    expect(r.text).toContain(TEXT);
    expect(codes(r.warnings)).toEqual(['W_ENCODING_GUESSED']);
  });

  it('does not trust a utf-8 label on GBK bytes, from the meta or from HTTP', () => {
    const bytes = iconv.encode(page('<meta charset="utf-8">'), 'gbk');
    expect(decodeText(bytes, { html: true }).text).toContain(TEXT);
    const viaHeader = decodeText(bytes, { html: true, contentType: 'text/html;charset=utf-8' });
    expect(viaHeader.text).toContain(TEXT);
    expect(codes(viaHeader.warnings)).toContain('W_ENCODING_MISMATCH');
  });

  it('falls back from a wrong HTTP label to the meta charset', () => {
    const r = decodeText(iconv.encode(page('<meta charset="gbk">'), 'gbk'), { html: true, contentType: 'text/html; charset=utf-8' });
    expect(r.text).toContain(TEXT);
    expect(r.encoding).toBe('gb18030');
  });

  it('reads UTF-8 bytes under a stale gb2312 meta as UTF-8', () => {
    const r = decodeText(Buffer.from(page('<meta charset="gb2312">'), 'utf8'), { html: true });
    expect(r.text).toContain(TEXT);
    expect(r.encoding).toBe('utf-8');
    expect(codes(r.warnings)).toEqual(['W_ENCODING_MISMATCH']);
  });

  it('detects GBK under a western single-byte label', () => {
    const r = decodeText(iconv.encode(page('<meta charset="iso-8859-1">'), 'gbk'), { html: true });
    expect(r.text).toContain(TEXT);
  });

  it('strips a UTF-8 BOM and reads UTF-16LE with a BOM', () => {
    expect(decodeText(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(TEXT)])).text).toBe(TEXT);
    expect(decodeText(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(TEXT, 'utf16le')])).text).toBe(TEXT);
  });

  it('ignores a meta charset unless asked to read HTML', () => {
    const r = decodeText(Buffer.from(page('<meta charset="gb2312">'), 'utf8'));
    expect(r.text).toContain(TEXT);
    expect(r.warnings).toEqual([]);
  });
});
