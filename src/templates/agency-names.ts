// How agency names are printed, as data for the agency resolver (src/normalize/agency/): the
// short forms of body names, the suffixes of place names, places the gazetteers lack, national
// prefixes and the characters OCR confuses. Add to these tables, not to the code.

/**
 * Short forms of body names → the full form, applied to the body (the name after its place) as a
 * whole or as its last part: 上海市科委 → 科学技术委员会. Longest first where one contains another.
 */
export const BODY_SHORT_FORMS: ReadonlyArray<readonly [string, string]> = [
  ['政府办公室', '人民政府办公室'],
  ['政府办公厅', '人民政府办公厅'],
  ['府办', '人民政府办公室'],
  ['政府办', '人民政府办公室'],
  ['政府', '人民政府'],
  ['管委会', '管理委员会'],
  ['科委', '科学技术委员会'],
  ['科技委', '科学技术委员会'],
  ['科技局', '科学技术局'],
  ['科技厅', '科学技术厅'],
  ['卫健委', '卫生健康委员会'],
  ['卫健局', '卫生健康局'],
  ['卫计委', '卫生和计划生育委员会'],
  ['发改委', '发展和改革委员会'],
  ['发改局', '发展和改革局'],
  ['经信委', '经济和信息化委员会'],
  ['经信局', '经济和信息化局'],
  ['工信厅', '工业和信息化厅'],
  ['工信局', '工业和信息化局'],
  ['教委', '教育委员会'],
  ['教体局', '教育和体育局'],
  ['住建委', '住房和城乡建设委员会'],
  ['住建厅', '住房和城乡建设厅'],
  ['住建局', '住房和城乡建设局'],
  ['人社厅', '人力资源和社会保障厅'],
  ['人社局', '人力资源和社会保障局'],
  ['市场监管局', '市场监督管理局'],
  ['市监局', '市场监督管理局'],
  ['资规局', '自然资源和规划局'],
  ['自然资源规划局', '自然资源和规划局'],
  ['文旅局', '文化和旅游局'],
  ['文旅厅', '文化和旅游厅'],
  ['文广旅局', '文化广电和旅游局'],
  ['环保局', '环境保护局'],
  ['农业农村委', '农业农村委员会'],
  ['应急局', '应急管理局'],
  ['医保局', '医疗保障局'],
  ['退役军人局', '退役军人事务局'],
  ['国资委', '国有资产监督管理委员会'],
  ['民宗委', '民族宗教事务委员会'],
  ['民宗局', '民族宗教事务局'],
  ['城管局', '城市管理局'],
  ['城管委', '城市管理委员会'],
  ['交通局', '交通运输局'],
  ['规资局', '规划和自然资源局'],
  ['政数局', '政务服务数据管理局'],
  ['大数据局', '大数据管理局'],
];

/** Short forms inside a longer body: 管委会办公室 → 管理委员会办公室, 政府办公室 → 人民政府办公室. */
export const BODY_PARTS: ReadonlyArray<readonly [RegExp, string]> = [
  [/管委会/g, '管理委员会'],
  [/^政府/, '人民政府'],
];

/** The government's own general office: 办公厅 at provincial level, 办公室 below it, however printed. */
export const GOVERNMENT_OFFICE = { provincial: '人民政府办公厅', other: '人民政府办公室' } as const;
export const GOVERNMENT_OFFICE_PRINTED = /^(?:人民)?政府办(?:公室|公厅)?$/;
/** A 街道's own office printed after the 街道's name as a whole word. */
export const SUBDISTRICT_OFFICE_PRINTED = /^街道办(?:事处)?$/;
/** A second name in brackets after the body (合署办公: 市政府办公室（市外事办）): not part of its identity. */
export const SECOND_NAME = /[(（][^()（）]*[)）]$/;
/** Bodies that are the place's government itself, not one of its departments. */
export const GOVERNMENT_BODY = /^(人民政府|管理委员会|办事处)$/;
export const GOVERNMENT = '人民政府';
/** The body of a functional zone named alone ("平潭综合实验区"): its management committee. */
export const ZONE_GOVERNMENT = '管理委员会';
/** The body of a district office of a city's 街道 named alone ("某某街道"). */
export const SUBDISTRICT_GOVERNMENT = '办事处';

/** Suffixes of place names that one year prints and another changes (撤县设区, 撤乡设街道). */
export const COUNTY_SUFFIXES = ['自治县', '自治旗', '特区', '林区', '新区', '县', '区', '市', '旗'] as const;
export const TOWNSHIP_SUFFIXES = ['民族乡', '街道', '苏木', '乡', '镇'] as const;
export const PROVINCE_SUFFIXES = ['维吾尔自治区', '壮族自治区', '回族自治区', '特别行政区', '自治区', '省', '市'] as const;
export const CITY_SUFFIXES = ['自治州', '地区', '市', '州', '盟'] as const;

/** Peoples named in autonomous prefectures' names, to shorten 延边朝鲜族自治州 to 延边(州). */
export const ETHNIC_GROUPS = '朝鲜|土家|苗|藏|羌|彝|布依|侗|哈尼|壮|傣|白|景颇|傈僳|回|蒙古|哈萨克|柯尔克孜|僳僳|纳西';

/** Names the gazetteer keeps only in their statistical form; the name → the code it shares. */
export const PLACE_ALIASES: ReadonlyArray<{ name: string; code: string; displayName: string; zone?: boolean }> = [
  // A provincial functional zone that NBS counts as 平潭县 (350128).
  { name: '平潭综合实验区', code: '350128', displayName: '福建省平潭综合实验区', zone: true },
];

/** Parent entries in the gazetteer that are not places (their children belong to the province). */
export const PSEUDO_PARENTS = /^(市辖区|县|省直辖县|省直辖县级行政区划|自治区直辖县级行政区划|其它区)$/;

/** Bodies of the central government: no place of their own. */
export const NATIONAL = /^(国务院|中华人民共和国|中共中央|全国|国家)/;
export const NATIONAL_REGION_NAME = '中华人民共和国';
export const NATIONAL_CODE = '000000';
/** Vertically managed bodies print their central parent before the place: 国家税务总局淮安市税务局. */
export const VERTICAL_PREFIXES = ['国家税务总局', '国家金融监督管理总局', '中国人民银行', '中国证券监督管理委员会'] as const;

/** Characters OCR and careless typing confuse in place names; tried only when the exact name is not found. */
export const CONFUSABLES: ReadonlyArray<readonly [string, string]> = [
  ['沐', '沭'],
  ['己', '已'],
  ['已', '巳'],
  ['〇', '○'],
];

/** A report title's tail left on a name where the title was not the usual one: 地方税务局信息公开年度报告. */
export const TITLE_TAIL = /(?<=.{2})(?:(?:(?:19|20)\d{2}年度?)?(?:关于)?(?:的)?(?:政府)?(?:信息公开|政务公开)(?:工作)?(?:年度)?(?:报告|年报)?|(?:19|20)\d{2}年度?)$/;
/** The verb of a covering letter's title before the name: 关于报送《…公安局…年度报告》的函. */
export const COVERING_VERB = /^(?:关于)?(?:报送|印发|公布|发布)(?=.{4})/;
/** What looks like a township's name at the start (for the warning when its county is missing). */
export const TOWNSHIP_NAME = /^[\u4e00-\u9fa5]{1,8}?(?:乡|镇|街道)(?=人民政府|政府|办事处|$)/;

/** A label a crawler prints before the name ("标题:", "发布机构："). */
export const NAME_LABEL = /^(标题|发布机构|发文机关|发布单位|来源|信息来源|索引号|机构)[:：]/;
