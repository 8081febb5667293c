// The agency resolver: region code, full place name and stable id from the name as printed.
import { describe, expect, it } from 'vitest';
import { parseAgencyOverrides, resolveAgency } from '../../src/normalize/agency/index.js';
import { gazetteer, townshipsIn } from '../../src/normalize/agency/gazetteer.js';
import { TOWNSHIPS } from '../../src/normalize/agency/townships.data.js';

const id = (name: string, overrides?: Map<string, string>) => resolveAgency(name, { overrides }).value;
const codes = (name: string) => resolveAgency(name).warnings.map((w) => w.code);

describe('agency identity', () => {
  it('one body whether or not the city is printed before the district', () => {
    expect(id('淮安市洪泽区人民政府')).toMatchObject({ regionCode: '320813', regionName: '江苏省淮安市洪泽区', agencyId: '320813/人民政府', level: 'county', government: true });
    expect(id('洪泽区人民政府').agencyId).toBe('320813/人民政府');
    expect(id('江苏省淮安市洪泽区人民政府').agencyId).toBe('320813/人民政府');
    expect(codes('洪泽区人民政府')).toEqual([]);
  });

  it('full-width characters, spaces and a crawler label do not change the id', () => {
    expect(id('淮安市 洪泽区　人民政府').agencyId).toBe('320813/人民政府');
    expect(id('标题:沭阳县发展和改革局').agencyId).toBe('321322/发展和改革局');
    expect(id('《上海市科学技术委员会》').agencyId).toBe('310000/科学技术委员会');
    expect(id('平潭综合实验区地方税务局信息公开年度报告').agencyId).toBe('350128/地方税务局');
    expect(id('报送平潭综合实验区公安局').agencyId).toBe('350128/公安局');
    expect(id('关于报送《平潭综合实验区公安局 2015年政府信息公开年度报告》').agencyId).toBe('350128/公安局');
    expect(id('洪泽区人民政府2023年度').agencyId).toBe('320813/人民政府');
    expect(id('上海市人民政府办公厅（上海市人民政府外事办公室）').agencyId).toBe('310000/人民政府办公厅');
  });

  it('short forms of body names are spelt out', () => {
    expect(id('上海市科委')).toMatchObject({ regionCode: '310000', regionName: '上海市', agencyId: '310000/科学技术委员会', government: false });
    expect(id('上海市科学技术委员会').agencyId).toBe('310000/科学技术委员会');
    expect(id('北京市朝阳区卫健委').agencyId).toBe(id('北京市朝阳区卫生健康委员会').agencyId);
    expect(id('北京市朝阳区卫健委').agencyId).toBe('110105/卫生健康委员会');
    expect(id('淮安市洪泽区政府').agencyId).toBe('320813/人民政府');
    expect(id('淮安经济技术开发区管委会').agencyId).toBe('320871/管理委员会');
    expect(id('淮安市经济技术开发区管理委员会').agencyId).toBe('320871/管理委员会');
  });

  it('the general office is 办公厅 at provincial level and 办公室 below it, however printed', () => {
    expect(id('上海市人民政府办公厅').agencyId).toBe('310000/人民政府办公厅');
    expect(id('上海市政府办公室').agencyId).toBe('310000/人民政府办公厅');
    expect(id('江苏省人民政府办公室').agencyId).toBe('320000/人民政府办公厅');
    expect(id('淮安市洪泽区人民政府办公厅').agencyId).toBe('320813/人民政府办公室');
    expect(id('洪泽区政府办').agencyId).toBe('320813/人民政府办公室');
  });

  it('levels from the gazetteer, not from the suffix: 昆山市 is a county, 吉林市 a city, 吉林省 a province', () => {
    expect(id('昆山市人民政府')).toMatchObject({ regionCode: '320583', level: 'county' });
    expect(id('吉林市人民政府')).toMatchObject({ regionCode: '220200', level: 'city' });
    expect(id('吉林省人民政府')).toMatchObject({ regionCode: '220000', level: 'provincial' });
    expect(id('黄山市黄山区人民政府')).toMatchObject({ regionCode: '341003', regionName: '安徽省黄山市黄山区' });
    expect(id('延边州人民政府').regionCode).toBe('222400');
  });

  it('an ambiguous place name is not guessed: the enclosing place the name gives decides', () => {
    expect(id('新城区人民政府')).toMatchObject({ regionCode: null, agencyId: null });
    const [warning] = resolveAgency('新城区人民政府').warnings;
    expect(warning.code).toBe('W_AGENCY_UNRESOLVED');
    expect(warning.message).toContain('150102');
    expect(warning.message).toContain('610102');
    expect(id('西安市新城区人民政府').regionCode).toBe('610102');
    expect(id('呼和浩特市新城区人民政府').regionCode).toBe('150102');
    expect(id('鼓楼区人民政府').regionCode).toBeNull();
    expect(id('南京市鼓楼区人民政府').regionCode).toBe('320106');
  });

  it('a township resolves only inside its county or city: 城关镇 alone is hundreds of places', () => {
    expect(id('城关镇人民政府')).toMatchObject({ regionCode: null, agencyId: null });
    expect(codes('城关镇人民政府')).toEqual(['W_AGENCY_UNRESOLVED']);
    expect(id('渑池县城关镇人民政府')).toMatchObject({ regionCode: '411221', regionName: '河南省三门峡市渑池县城关镇', agencyId: '411221100/人民政府', level: 'township' });
    expect(id('襄城县城关街道办事处')).toMatchObject({ regionCode: '411025', agencyId: '411025001/办事处', government: true });
    expect(id('上海市黄浦区南京东路街道')).toMatchObject({ regionCode: '310101', agencyId: '310101002/办事处' });
    // A city without counties: its towns sit under the city's code.
    expect(id('东莞市虎门镇人民政府')).toMatchObject({ regionCode: '441900', agencyId: '441900121/人民政府' });
  });

  it('a county or township whose suffix changed is the same place inside its enclosing place', () => {
    // 小召乡 became 小召街道 (NBS 2023); 洪泽县 became 洪泽区 in 2016.
    expect(id('许昌市建安区小召乡人民政府')).toMatchObject({ regionCode: '411003', regionName: '河南省许昌市建安区小召街道', agencyId: '411003005/人民政府', level: 'township' });
    expect(id('淮安市洪泽县人民政府').agencyId).toBe('320813/人民政府');
    // A department whose name ends like a township is no township: 城乡 is not a stem of one.
    expect(id('渑池县住房和城乡建设局').agencyId).toBe('411221/住房和城乡建设局');
    expect(id('渑池县城乡规划局').agencyId).toBe('411221/城乡规划局');
    // Alone, an old name is not matched by its stem.
    expect(id('洪泽县人民政府').regionCode).toBeNull();
  });

  it('functional zones resolve: 平潭综合实验区 shares NBS code 350128', () => {
    expect(id('平潭综合实验区')).toMatchObject({ regionCode: '350128', regionName: '福建省平潭综合实验区', agencyId: '350128/管理委员会', government: true });
    expect(id('平潭综合实验区管委会').agencyId).toBe('350128/管理委员会');
    expect(id('平潭综合实验区公安局').agencyId).toBe('350128/公安局');
    expect(id('平潭县人民政府').agencyId).toBe('350128/人民政府');
  });

  it('a character OCR confuses is corrected only when the name as printed is no place, with a warning', () => {
    expect(id('沐阳县人民政府').agencyId).toBe('321322/人民政府');
    expect(codes('沐阳县人民政府')).toEqual(['W_AGENCY_CORRECTED']);
    // Also where the name as printed gives a shorter chain of places (the province alone).
    expect(id('江苏省宿迁市沐阳县人民政府').agencyId).toBe('321322/人民政府');
    expect(id('沐川县人民政府').regionCode).toBe('511129');
    expect(codes('沐川县人民政府')).toEqual([]);
  });

  it('central bodies and vertically managed branches', () => {
    expect(id('国家发展和改革委员会')).toMatchObject({ regionCode: null, regionName: '中华人民共和国', agencyId: '000000/国家发展和改革委员会', level: 'national' });
    expect(codes('国务院办公厅')).toEqual([]);
    expect(id('国家税务总局淮安市洪泽区税务局')).toMatchObject({ regionCode: '320813', agencyId: '320813/税务局' });
  });

  it('a name with no known place keeps nulls and says why', () => {
    for (const name of ['示例市示例区人民政府', '区公安局', '1']) {
      expect(id(name)).toMatchObject({ regionCode: null, regionName: null, agencyId: null });
      expect(codes(name)).toEqual(['W_AGENCY_UNRESOLVED']);
    }
    expect(resolveAgency(null)).toEqual({ value: { regionCode: null, regionName: null, agencyId: null, level: null, government: false }, warnings: [] });
  });
});

describe('agency overrides (--agencies)', () => {
  it('reads CSV with or without its header, quoted fields, comments; names compared without width or spaces', () => {
    const map = parseAgencyOverrides('\uFEFFname,agencyId\r\n"淮安市洪泽县人民政府",320813/人民政府\n# merged in 2016\n示例市　示例区人民政府,"x/示例, 区"\n\n');
    expect([...map]).toEqual([
      ['淮安市洪泽县人民政府', '320813/人民政府'],
      ['示例市示例区人民政府', 'x/示例, 区'],
    ]);
    expect([...parseAgencyOverrides('甲,乙')]).toEqual([['甲', '乙']]);
    expect(() => parseAgencyOverrides('name,agencyId\n只有名字\n')).toThrow(/line 2/);
    expect(() => parseAgencyOverrides('a,b,c')).toThrow(/line 1/);
  });

  it('an override by name or by computed id gives the id, and the region of its code', () => {
    const overrides = parseAgencyOverrides('name,agencyId\n洪泽县人民政府,320813/人民政府\n310000/科学技术委员会,310000/科技\n示例市示例区人民政府,local/示例\n');
    expect(resolveAgency('洪泽县人民政府', { overrides })).toEqual({
      value: { regionCode: '320813', regionName: '江苏省淮安市洪泽区', agencyId: '320813/人民政府', level: 'county', government: true },
      warnings: [],
    });
    expect(id('上海市科委', overrides as Map<string, string>).agencyId).toBe('310000/科技');
    const local = resolveAgency('示例市示例区人民政府', { overrides });
    expect(local.value).toMatchObject({ agencyId: 'local/示例', regionCode: null });
    expect(local.warnings.map((w) => w.code)).toEqual(['W_AGENCY_UNRESOLVED']);
    // A township id: the region is its county's.
    expect(id('小召乡', new Map([['小召乡', '411003005/人民政府']]))).toMatchObject({ regionCode: '411003', regionName: '河南省许昌市建安区小召街道' });
  });
});

describe('the gazetteer', () => {
  it('holds every county-level code once and the whole generated township table', () => {
    const g = gazetteer();
    expect(g.byCode.get('320813')?.name).toBe('洪泽区');
    expect(g.byCode.get('310100')).toBeUndefined(); // 上海市 under 上海市 is no place of its own
    const lines = TOWNSHIPS.split('\n');
    const total = lines.reduce((n, line) => n + line.split(' ').length - 1, 0);
    expect(total).toBe(38692);
    let read = 0;
    for (const province of [...g.byCode.values()].filter((p) => p.level === 'provincial'))
      for (const list of townshipsIn(province).exact.values()) read += list.length;
    expect(read).toBe(total);
  });

  // Over the whole gazetteer: a department's name never leaks into its place, and a township
  // printed with its city and county is found (the table's own names in brackets excepted).
  it('every county with department names that look like place suffixes keeps its code and body', () => {
    const departments = ['人民政府', '乡村振兴局', '街道工作委员会', '城乡规划局', '新区管理委员会'];
    const wrong: string[] = [];
    for (const county of [...gazetteer().byCode.values()].filter((p) => p.level === 'county' && !/^(71|81|82)/.test(p.code))) {
      const city = county.parent?.level === 'city' ? county.parent : null;
      const prefix = (city ? city.parent!.name + city.name : county.parent!.name) + county.name;
      for (const body of departments) if (id(prefix + body).agencyId !== `${county.code}/${body}`) wrong.push(prefix + body);
    }
    expect(wrong).toEqual([]);
  });

  it('townships printed with their city and county resolve to their own code (every 10th of the table)', () => {
    const wrong: string[] = [];
    let n = 0;
    for (const owner of [...gazetteer().byCode.values()].filter((p) => p.level === 'county' || p.level === 'city'))
      for (const list of townshipsIn(owner).exact.values())
        for (const township of list) {
          if (township.parent !== owner || n++ % 10 !== 0 || /[（(]/.test(township.name)) continue;
          const body = township.name.endsWith('街道') ? '办事处' : '人民政府';
          const name = (owner.parent?.level === 'city' ? owner.parent.name : '') + owner.name + township.name + body;
          if (id(name).agencyId !== `${township.code}/${body}`) wrong.push(name);
        }
    expect(n).toBeGreaterThan(38000);
    expect(wrong).toEqual([]);
  });
});
