// Agency identity on the real reports in ../shared (never copied here): one body, one id, across
// years, templates, formats and ways of printing its name.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Document } from '../../src/model.js';
import { readMeta } from '../../src/normalize/meta.js';
import { parseFile } from '../../src/pipeline.js';
import { HAS_CORPUS, NO_CORPUS, SHARED } from '../helpers.js';

const REAL = join(SHARED, 'corpus', 'real');
const CRAWLED = join(SHARED, 'corpus', 'crawled');
const identity = async (path: string) => {
  const { meta, warnings } = await parseFile(path);
  return { ...meta, warningCodes: warnings.map((w) => w.code) };
};

/** The agency the title on a crawled file's "标题:" line names, read as the parser reads titles. */
function titleAgency(file: string): ReturnType<typeof readMeta> {
  const title = /^标题:\s*(.*)$/m.exec(readFileSync(join(CRAWLED, file), 'utf8'))![1];
  const document: Document = { format: 'text', meta: {}, blocks: [{ kind: 'paragraph', text: title, origin: { line: 1 } }] };
  return readMeta(document, []);
}

describe.skipIf(!HAS_CORPUS)(`agency identity of real reports (${HAS_CORPUS ? 'shared corpus' : NO_CORPUS})`, () => {
  it('洪泽区 2023 and 2024 (PDF): 320813, one agencyId', async () => {
    const [a, b] = await Promise.all(['hzq2023_working.pdf', 'hzq2024_working.pdf'].map((f) => identity(join(REAL, f))));
    expect(a).toMatchObject({ regionCode: '320813', regionName: '江苏省淮安市洪泽区', agencyId: '320813/人民政府', level: 'county' });
    expect(b.agencyId).toBe(a.agencyId);
    expect([...a.warningCodes, ...b.warningCodes]).not.toContain('W_AGENCY_UNRESOLVED');
  });

  it('上海市人民政府办公厅 2019 (HTML, 2019 template) and 2025 (PDF text, 2021 template): one agencyId', async () => {
    const old = await identity(join(REAL, '2019年上海市人民政府办公厅政府信息公开工作年度报告.html'));
    const recent = await identity(join(REAL, 'shanghai-office-sample-source.md'));
    expect(old).toMatchObject({ year: 2019, templateVersion: '2019', regionCode: '310000', agencyId: '310000/人民政府办公厅' });
    expect(recent).toMatchObject({ year: 2025, templateVersion: '2021', agencyId: old.agencyId });
  });

  it('上海市科委 (as its title prints it) is 310000/科学技术委员会', async () => {
    const meta = await identity(join(REAL, 'kewei-2024-source.md'));
    expect(meta.agency).toBe('上海市科委');
    expect(meta).toMatchObject({ regionCode: '310000', regionName: '上海市', agencyId: '310000/科学技术委员会' });
  });

  it('the seed, 许昌市建安区小召乡人民政府, resolves at township level with no warning', async () => {
    const meta = await identity(join(SHARED, 'seed', 'xiaozhao-2022-flattened.txt'));
    expect(meta).toMatchObject({ level: 'township', regionCode: '411003', regionName: '河南省许昌市建安区小召街道', agencyId: '411003005/人民政府' });
    expect(meta.warningCodes).toEqual([]);
  });

  it('淮安市人民政府 and 沭阳县 (OCR spells it 沐阳) resolve; the correction is a warning', async () => {
    expect(await identity(join(REAL, 'szfgs2024.pdf'))).toMatchObject({ regionCode: '320800', agencyId: '320800/人民政府', level: 'city' });
    const shuyang = await identity(join(REAL, '沭阳县人民政府2025年政府信息公开工作年度报告-沭阳县人民政府.txt'));
    expect(shuyang).toMatchObject({ regionCode: '321322', agencyId: '321322/人民政府' });
    expect(shuyang.warningCodes).toContain('W_AGENCY_CORRECTED');
    expect((await identity(join(CRAWLED, 'shuyang-fgj-2023.html'))).agencyId).toBe('321322/发展和改革局');
  });

  it('平潭综合实验区 2017–2025: one agencyId from every title; its departments and the old county are other bodies', async () => {
    const main = readdirSync(CRAWLED).filter((n) => /^pingtan-20\d\d-flat\.txt$/.test(n) && n !== 'pingtan-2011-county-flat.txt');
    expect(main.length).toBe(8);
    const ids = new Set(main.map((f) => titleAgency(f).agencyId));
    expect([...ids]).toEqual(['350128/管理委员会']);
    expect(titleAgency('pingtan-2024-flat.txt')).toMatchObject({ regionCode: '350128', regionName: '福建省平潭综合实验区', level: 'county' });
    expect((await identity(join(CRAWLED, 'pingtan-2024.html'))).agencyId).toBe('350128/管理委员会');
    expect(titleAgency('pingtan-gaj-2022-flat.txt').agencyId).toBe('350128/公安局');
    expect(titleAgency('pingtan-gaj-2015-flat.txt').agencyId).toBe('350128/公安局');
    expect(titleAgency('pingtan-gaj-2024-flat.txt').agencyId).toBe('350128/公安局');
    expect(titleAgency('pingtan-czj-2019-flat.txt').agencyId).toBe('350128/财政金融局');
    expect(titleAgency('pingtan-2013-dishui-flat.txt').agencyId).toBe('350128/地方税务局');
    expect(titleAgency('pingtan-2011-county-flat.txt').agencyId).toBe('350128/人民政府');
  });
});
