// Short names by rule (珠海市 → 珠海, 黔东南苗族侗族自治州 → 黔东南), so that aliases.csv only has to
// hold the exceptions. Used at load time; the CSV keeps the full official names only.
import type { PlaceLevel } from '../core/types';

/**
 * The 55 minority nationalities (少数民族), as they appear in the names of autonomous units.
 * Names usually carry 族 (苗族侗族自治州); a few multi-syllable ones may go without it
 * (伊犁哈萨克自治州, 巴音郭楞蒙古自治州, 克孜勒苏柯尔克孜自治州).
 */
export const ETHNIC_GROUPS = [
  '蒙古', '回', '藏', '维吾尔', '苗', '彝', '壮', '布依', '朝鲜', '满', '侗', '瑶', '白', '土家',
  '哈尼', '哈萨克', '傣', '黎', '傈僳', '佤', '畲', '高山', '拉祜', '水', '东乡', '纳西', '景颇',
  '柯尔克孜', '土', '达斡尔', '仫佬', '羌', '布朗', '撒拉', '毛南', '仡佬', '锡伯', '阿昌', '普米',
  '塔吉克', '怒', '乌孜别克', '俄罗斯', '鄂温克', '德昂', '保安', '裕固', '京', '塔塔尔', '独龙',
  '鄂伦春', '赫哲', '门巴', '珞巴', '基诺',
] as const;

const ethnicSuffix = new RegExp(
  `(?:(?:${ETHNIC_GROUPS.join('|')})族|${ETHNIC_GROUPS.filter((e) => e.length >= 2).join('|')})$`,
);

/** Generic suffixes by level, longest first; autonomous ones are followed by ethnic names to strip. */
const SUFFIXES: Record<PlaceLevel, Array<[suffix: string, autonomous: boolean]>> = {
  province: [['特别行政区', false], ['自治区', true], ['省', false], ['市', false]],
  prefecture: [['自治州', true], ['地区', false], ['盟', false], ['市', false]],
  county: [['自治县', true], ['自治旗', true], ['特区', false], ['林区', false], ['新区', false], ['县', false], ['区', false], ['市', false], ['旗', false]],
};

/** Shortest form a name may take in text matching; shorter forms (沛县 → 沛) are too ambiguous. */
export const MIN_SHORT_LENGTH = 2;

/**
 * Short name of a unit by rule: generic suffix and the ethnic names of an autonomous unit removed
 * (广西壮族自治区 → 广西, 黔东南苗族侗族自治州 → 黔东南, 白沙黎族自治县 → 白沙). Returns the full
 * name when the rule would leave fewer than MIN_SHORT_LENGTH characters (沛县, 城区) or only an
 * ethnic name (鄂伦春自治旗).
 */
export function shortName(name: string, level: PlaceLevel): string {
  for (const [suffix, autonomous] of SUFFIXES[level]) {
    if (!name.endsWith(suffix)) continue;
    let root = name.slice(0, -suffix.length);
    if (autonomous) {
      for (;;) {
        const m = ethnicSuffix.exec(root);
        if (!m || m.index < MIN_SHORT_LENGTH) break;
        root = root.slice(0, m.index);
      }
      if (ethnicSuffix.exec(root)?.index === 0) return name; // nothing but an ethnic name left
    }
    // Too short: try a shorter suffix (金林区: not 金 + 林区 but 金林 + 区), else keep the full name.
    if (root.length >= MIN_SHORT_LENGTH) return root;
  }
  return name;
}

/**
 * Forms written in plans that follow from the official name by rule, kept as aliases:
 * 黔东南州 for 黔东南苗族侗族自治州, 琼中县 for 琼中黎族苗族自治县, 莫力达瓦旗 for 莫力达瓦达斡尔族自治旗.
 */
export function derivedForms(place: { name: string; short: string; level: PlaceLevel }): string[] {
  if (place.short === place.name) return [];
  const generic: Array<[suffix: string, form: string]> = [['自治州', '州'], ['自治县', '县'], ['自治旗', '旗']];
  for (const [suffix, form] of generic) {
    if (place.name.endsWith(suffix)) return [place.short + form];
  }
  return [];
}
