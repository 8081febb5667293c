import { describe, expect, it } from 'vitest';
import { nonReportKind } from '../../src/parsers/sniff.js';

const kind = (bytes: Buffer | string, docx = false) => nonReportKind(typeof bytes === 'string' ? Buffer.from(bytes) : bytes, () => docx);

describe('nonReportKind', () => {
  it('knows images, archives, scripts and styles by their first bytes', () => {
    expect(kind(Buffer.from('89504e470d0a1a0a', 'hex'))).toBe('image');
    expect(kind(Buffer.from('ffd8ffe000104a46', 'hex'))).toBe('image');
    expect(kind('GIF89a')).toBe('image');
    expect(kind('<svg xmlns="http://www.w3.org/2000/svg"></svg>')).toBe('image');
    expect(kind(Buffer.from('1f8b0800', 'hex'))).toBe('archive');
    expect(kind(Buffer.from('504b0304', 'hex'))).toBe('archive');
    expect(kind('(function ($) { $(".a").hide(); })(jQuery);')).toBe('script');
    expect(kind('/* site */\nvar a = 1;')).toBe('script');
    expect(kind('body { margin: 0; }\n.nav a { color: #333; }')).toBe('style');
    expect(kind('@charset "utf-8";')).toBe('style');
  });
  it('lets every possible report through', () => {
    expect(kind(Buffer.from('504b0304', 'hex'), true)).toBeNull();
    expect(kind('%PDF-1.7')).toBeNull();
    expect(kind(Buffer.from('d0cf11e0a1b11ae1', 'hex'))).toBeNull();
    expect(kind('<html><body><p>年度报告</p></body></html>')).toBeNull();
    expect(kind('示例区2023年政府信息公开工作年度报告\n一、总体情况')).toBeNull();
    expect(kind('标题: 示例区2023年政府信息公开工作年度报告')).toBeNull();
    expect(kind('')).toBeNull();
  });
});
