// The rules that read quantitative targets, by name: what each matches, what it builds, and real
// sentences it must read (positive) and must not (negative), from at least two documents each.
// Every target records the rule that made it (Finding.rule); `npm run eval` measures each rule's
// precision on the shared gold and data/lexicons/rule-precision.json keeps the figures, which are the
// confidence of what the rule finds. src/extract/rules.test.ts runs every example.
//
// Examples come from the sample plans (000 粤西, 001 湛茂, 002 珠江—西江, 003 江门西部, 004 北部湾, in
// data/plans) and from other public documents, named in `from` ("after …" when the wording is
// shortened or adapted around the construction the rule reads).
import type { Comparator, TargetMeasure } from '../core/findings';

/** Where an example is read: a plan for 2021—2025 (outlook 2035), its goal section or its background, a work report for 2026, the tasks of a 实施意见 issued in 2023 with goals to 2025. */
export type ExampleContext = 'plan' | 'goals' | 'background' | 'report' | 'report-review' | 'policy';

export interface RuleExample {
  text: string;
  from: string;
  context?: ExampleContext;
  /** The plan period when the sentence is of another plan than a 2021—2025 one (000's 到2015年 …). */
  period?: [number, number];
  /** Positive examples: fields the target must have (value always); fact: the rule reads a past statistic. */
  reads?: { value: number | string; indicator?: string; unit?: string | null; comparator?: Comparator; measure?: TargetMeasure; year?: number | null; fact?: true };
}

export interface TargetRule {
  id: string;
  /** How a planner would name it (shown in the finding panel). */
  label: { zh: string; en: string };
  matches: string;
  builds: string;
  positive: RuleExample[];
  negative: RuleExample[];
}

export const TARGET_RULES: readonly TargetRule[] = [
  {
    id: 'clause.standard',
    label: { zh: '指标句', en: 'Indicator clause' },
    matches: '[year] [scope] indicator [operators: 达到, 提高到, 年均增长, 控制在 …] NUMBER UNIT [以上, 以内, 左右 …]',
    builds: 'one target: indicator (composed with the measure: 地区生产总值 + 年均增长 → 地区生产总值年均增长率), comparator from the operators and the suffix, year from the clause, the sentence, its part or the frame',
    positive: [
      { text: '到2015年，粤西地区生产总值达到6340亿元，年均增长12.5%以上。', from: '000 粤西', period: [2011, 2015], reads: { value: 6340, unit: '亿元', comparator: 'eq', year: 2015 } },
      { text: '到 2030 年，新能源汽车占全部公共汽车、出租汽车比重达到 87%。', from: '001 湛茂', reads: { value: 87, unit: '%', year: 2030 } },
      { text: '常住人口城镇化率提高到65%。', from: '国家“十四五”规划纲要', reads: { value: 65, indicator: '常住人口城镇化率', unit: '%', year: 2025 } },
      { text: '经济社会发展的主要预期目标是：国内生产总值增长5%左右，城镇调查失业率5.5%左右。', from: '2025年国务院政府工作报告', context: 'report', reads: { value: 5.5, indicator: '城镇调查失业率', comparator: 'approx', year: 2026 } },
      { text: '今年赤字率拟按4%左右安排。', from: '2025年国务院政府工作报告', context: 'report', reads: { value: 4, indicator: '赤字率', comparator: 'approx' } },
      { text: '新开工改造城镇老旧小区2万个以上。', from: 'after 2025年国务院政府工作报告', context: 'report', reads: { value: 2, unit: '万个', comparator: 'ge' } },
      { text: '完成“三北”工程造林种草1000万亩。', from: 'after 2024年省级政府工作报告 (重点工作)', reads: { value: 1000, unit: '万亩' } },
    ],
    negative: [
      { text: '2006－2010年，粤西地区生产总值年均增长12.7%，超过全省平均水平，2010年达3537亿元。', from: '000 粤西 (发展基础)', context: 'background' },
      { text: '去年国内生产总值增长5%，城镇新增就业1256万人。', from: 'after 2025年国务院政府工作报告 (工作回顾)', context: 'report-review' },
      { text: '项目总投资约1128亿元。', from: 'after 002 珠江—西江 (专栏 重点工程)' },
    ],
  },
  {
    id: 'clause.share',
    label: { zh: '占比（补回百分号）', en: 'Share of a topic' },
    matches: '占Y的N after a subject (…，占全省的17.7%) or the sentence’s topic (生态空间是指…，约占陆域面积的485)',
    builds: 'X占Y比重 in %; a % sign and decimal point the conversion lost put back (485 → 48.5, flagged)',
    positive: [
      { text: '生态空间是指具有自然属性的国土空间，约占北部湾城市群陆域面积的485。', from: '004 北部湾 (flattened PDF: % and decimal point lost)', period: [2017, 2020], reads: { value: 48.5, unit: '%', comparator: 'approx' } },
      { text: '农业空间是以提供农产品为主体功能的国土空间，约占全市国土面积的35%。', from: 'after 各市国土空间总体规划 (三类空间)', reads: { value: 35, unit: '%', comparator: 'approx' } },
    ],
    negative: [{ text: '全市常住人口1200万人，占全省的10.5%。', from: 'after 000 粤西 (发展基础: a share of the past)', context: 'background' }],
  },
  {
    id: 'clause.enumeration',
    label: { zh: '并列指标', en: 'Listed indicators' },
    matches: 'indicators listed with 、/和/及 before one value each (分别, 均) or before one shared rate',
    builds: 'one target per indicator; a short modifier borrows the head noun of the last part (城镇、农村居民人均可支配收入 → 城镇居民人均可支配收入)',
    positive: [
      { text: '适龄儿童入学率、初中毛入学率均达到100%。', from: '000 粤西', context: 'goals', reads: { value: 100, indicator: '初中毛入学率', unit: '%' } },
      { text: '单位国内生产总值能源消耗和二氧化碳排放分别降低13.5%、18%。', from: '国家“十四五”规划纲要', context: 'goals', reads: { value: 18, unit: '%' } },
      { text: '进出口总额、实际使用外资年均增长5%左右。', from: 'after 2021年广东省“十四五”规划纲要 (主要目标)', context: 'goals', reads: { value: 5, indicator: '实际使用外资年均增长率', comparator: 'approx', measure: 'growth' } },
    ],
    negative: [
      { text: '到 2030 年，新能源汽车占全部公共汽车、出租汽车比重达到 87%。', from: '001 湛茂 (one share of two kinds of vehicles)' },
      { text: '国家级和省级重点实验室达到50家。', from: 'after 2021年广东省“十四五”规划纲要 (a total, not 50 each)' },
    ],
  },
  {
    id: 'clause.baseline',
    label: { zh: '基期值（由…提高到…）', en: 'Starting value (由…到…)' },
    matches: '由/从 YEAR年的 NUMBER 提高到/下降到 NUMBER',
    builds: 'the starting value as its own statement of that year (a fact when the year is past)',
    positive: [
      { text: '服务业增加值比重由2020年的45%提高到50%以上。', from: 'after 国家“十四五”规划纲要 (由…提高到…)', context: 'goals', reads: { value: 45, unit: '%', year: 2020, fact: true } },
      { text: '城市生活垃圾无害化处理率由2010年的60%提高到2015年的85%。', from: 'after 000 粤西 and 国家“十二五”规划纲要', period: [2011, 2015], context: 'goals', reads: { value: 60, unit: '%', year: 2010, fact: true } },
    ],
    negative: [{ text: '研发经费投入强度提高到3%。', from: 'after 国家“十四五”规划纲要 (no starting value)' }],
  },
  {
    id: 'clause.capacity-list',
    label: { zh: '产能列举', en: 'Capacity list' },
    matches: '形成/建成 NUMBER UNIT product、NUMBER UNIT product 规模生产能力',
    builds: 'one capacity target per product (炼油生产能力, 乙烯生产能力); the place or base before the verb is the scope',
    positive: [
      { text: '到2015年，湛江东海岛石化基地（含湛江东兴）形成2300万吨/年炼油、100万吨乙烯规模生产能力。', from: '000 粤西', period: [2011, 2015], reads: { value: 2300, indicator: '炼油生产能力', unit: '万吨/年' } },
      { text: '到2025年，惠州大亚湾石化区形成2200万吨/年炼油、220万吨乙烯规模生产能力。', from: 'after 广东省“十四五”制造业高质量发展规划 (石化基地)', reads: { value: 220, indicator: '乙烯生产能力', unit: '万吨' } },
    ],
    negative: [{ text: '湛江港30万吨级航道建成通航。', from: '000 粤西 (a size class in a name)' }],
  },
  {
    id: 'clause.percent-of-units',
    label: { zh: '达标比例', en: 'Share meeting a standard' },
    matches: 'units NUMBER% 达到/实现/通 standard (学校100%达到规范化学校标准, 实现100%的行政村通光纤)',
    builds: 'a share of units meeting the standard (…达到规范化学校标准的比例), in %',
    positive: [
      { text: '县级以上城市义务教育学校 100%达到规范化学校标准。', from: '000 粤西', reads: { value: 100, unit: '%' } },
      { text: '具备条件的建制村100%通硬化路。', from: 'after 交通运输部“四好农村路”文件', reads: { value: 100, unit: '%' } },
    ],
    negative: [{ text: '全市行政村已100%通光纤。', from: 'after 2023年县级政府工作报告 (a result: 已)', context: 'report-review' }],
  },
  {
    id: 'clause.time-circle',
    label: { zh: '交通圈/生活圈', en: 'Travel-time circle' },
    matches: '形成/实现 … N小时/分钟 …交通圈/生活圈, X间/核心圈 N小时 通达',
    builds: 'a travel time, at most N (comparator le)',
    positive: [
      { text: '基本形成与粤港澳大湾区中心城市、广西北部湾经济区、海南自由贸易港2小时高铁交通圈。', from: '001 湛茂', reads: { value: 2, unit: '小时', comparator: 'le' } },
      { text: '力争实现主要城市间2小时通达、邻近城市间1小时通达。', from: '004 北部湾', reads: { value: 1, indicator: '邻近城市间通达时间', comparator: 'le' } },
      { text: '健全城乡15分钟健身圈。', from: '001 湛茂', reads: { value: 15, unit: '分钟', comparator: 'le' } },
    ],
    negative: [{ text: '全程运行时间约2小时。', from: 'after 004 北部湾 (a description, no circle)' }],
  },
  {
    id: 'clause.count',
    label: { zh: '数量目标', en: 'Count of things' },
    matches: 'VERB (培育, 建设, 引进, 创建, 支持 …) [N-M] UNIT things; 与 N 家 partners 合作; 每个市最少有一所…',
    builds: 'a count of things to build, cultivate, introduce or certify; a range keeps both ends; 一个 written as a word is an article, not a count',
    positive: [
      { text: '每个市最少有一所标准化特殊教育学校。', from: '000 粤西', context: 'goals', reads: { value: 1, unit: '所', comparator: 'ge' } },
      { text: '力争培育1-2家农作物种业上市企业。', from: '003 江门西部', reads: { value: 1, unit: '家' } },
      { text: '争取打造一至两个合作示范园区。', from: '003 江门西部', reads: { value: 1, unit: '个' } },
      { text: '力争新培育100家以上国家级专精特新“小巨人”企业。', from: 'after 2023年广东省政府工作报告 (2023年重点工作)', context: 'report', reads: { value: 100, unit: '家', comparator: 'ge', year: 2026 } },
    ],
    negative: [
      { text: '建设一个具有国际先进水平的国家级重化产业基地。', from: '000 粤西 (一个 is an article)' },
      { text: '建成甘蔗、荔枝等 7 个国家现代农业产业园。', from: '001 湛茂 (发展基础)', context: 'background' },
    ],
  },
  {
    id: 'clause.zero-growth',
    label: { zh: '零增长', en: 'Zero growth' },
    matches: 'X 零增长',
    builds: 'growth of X at most 0 %',
    positive: [
      { text: '推进化肥农药零增长。', from: '001 湛茂', reads: { value: 0, comparator: 'le', measure: 'growth' } },
      { text: '实现化肥农药使用量零增长。', from: '农业部《到2020年化肥使用量零增长行动方案》', reads: { value: 0, comparator: 'le' } },
    ],
    negative: [{ text: '化肥使用量连续五年负增长。', from: 'after 2020年农业农村部通报 (a result)', context: 'background' }],
  },
  {
    id: 'clause.doubling',
    label: { zh: '翻番', en: 'Doubling' },
    matches: 'X 比 YEAR年 翻一番 / 翻两番',
    builds: 'X at twice (four times) its level of the base year: value 2 (4), unit 倍, baseline year YEAR',
    positive: [
      { text: '到2020年实现国内生产总值和城乡居民人均收入比2010年翻一番。', from: '党的十八大报告 (2012)', period: [2011, 2020], reads: { value: 2, unit: '倍', year: 2020 } },
      { text: '到2035年，人均地区生产总值比2020年翻一番。', from: 'after 各省“十四五”规划和2035年远景目标纲要', reads: { value: 2, unit: '倍', indicator: '人均地区生产总值' } },
    ],
    negative: [{ text: '五年来全省经济总量翻了一番。', from: 'written for this test: a result, not a goal', context: 'background' }],
  },
  {
    id: 'clause.time-limit',
    label: { zh: '办理时限', en: 'Service time limit' },
    matches: 'N 小时/工作日/天 内/以内 + the action it limits (放行, 办结, 到达 …)',
    builds: 'a service time limit, at most N (…放行时限)',
    positive: [
      { text: '对符合条件的货物在抵达后48小时内放行。', from: 'after 《区域全面经济伙伴关系协定》第四章 (海关程序)', reads: { value: 48, unit: '小时', comparator: 'le' } },
      { text: '一般诉求3个工作日内办结。', from: 'after 各地12345政务服务便民热线工作规范', reads: { value: 3, unit: '个工作日', comparator: 'le' } },
    ],
    negative: [{ text: '会议在2小时内结束。', from: 'written for this test: 结束 limits no service' }],
  },
  {
    id: 'clause.service-radius',
    label: { zh: '服务半径', en: 'Service radius' },
    matches: 'N 米/公里 见X / 可达 (“300米见绿，500米见园”)',
    builds: 'a service radius, at most N metres',
    positive: [
      { text: '实现居民出行“300米见绿，500米见园”。', from: '003 江门西部', reads: { value: 500, unit: '米', comparator: 'le' } },
      { text: '推动实现市民“300米见绿、1000米见园”。', from: 'after 深圳市公园城市建设总体规划', reads: { value: 1000, unit: '米', comparator: 'le' } },
    ],
    negative: [{ text: '绿道全长300米。', from: 'written for this test: a length, not a radius' }],
  },
  {
    id: 'table.run',
    label: { zh: '展平的指标表', en: 'Flattened table' },
    matches: 'indicator（unit） values … in a table run written with spaces or flattened into one line (cells glued, % and decimal points lost)',
    builds: 'level target with baseline, growth target; glued cells split by the arithmetic (base × (1+g)^n ≈ target), flagged',
    positive: [
      {
        text: '专栏1：发展目标2020年指标2013年绝对值年均增长人均地区生产总值（元、）63100>11530090进出口总额（亿美元、）2117>4980130常住人口城镇化率（）61566—森林覆盖率（）56>60—',
        from: '002 珠江—西江 (专栏1, flattened by the PDF conversion)',
        period: [2014, 2020],
        reads: { value: 115300, indicator: '人均地区生产总值', unit: '元', comparator: 'gt', year: 2020 },
      },
      {
        text: '表1 主要指标\n指标 2015年 2020年 年均增长\n地区生产总值（亿元） 3537 6340 12.5\n常住人口城镇化率（%） 45.1 50 —\n森林覆盖率（%） 45 47.2 —',
        from: 'after 000 粤西 (附表1 主要指标, written with spaces as TXT exports keep it)',
        period: [2016, 2020],
        reads: { value: 6340, indicator: '地区生产总值', unit: '亿元', year: 2020 },
      },
    ],
    negative: [{ text: '2010年，粤西地区生产总值3537亿元，年均增长12.7%。', from: '000 粤西 (a sentence, not a table)', context: 'background' }],
  },
  {
    id: 'table.grid',
    label: { zh: '指标表（分栏）', en: 'Indicator table (grid)' },
    matches: 'a table of tab-separated cells whose header names an indicator column and year/target columns',
    builds: 'one target per target column (and a growth target), baseline from the base-year column, binding from 属性',
    positive: [
      {
        text: '类别\t指标\t2020年\t2025年\t年均/累计\t属性\n创新驱动\t每万人口高价值发明专利拥有量（件）\t6.3\t12\t—\t预期性\n\t数字经济核心产业增加值占GDP比重（%）\t7.8\t10\t—\t预期性\n绿色生态\t单位GDP能源消耗降低（%）\t—\t—\t〔13.5〕\t约束性\n\t森林覆盖率（%）\t23.2\t24.1\t—\t约束性',
        from: '国家“十四五”规划纲要 (专栏1 主要指标, as an HTML table becomes tab-separated rows)',
        context: 'goals',
        reads: { value: 24.1, indicator: '森林覆盖率', unit: '%', year: 2025 },
      },
      {
        text: '序号\t指标\t单位\t2025年\t2030年\t属性\n1\t地区生产总值\t亿元\t1200\t1600左右\t预期性\n2\t全员劳动生产率\t万元/人\t28\t＞35\t预期性',
        from: 'after 各区“十五五”规划纲要 (主要指标表 in a DOCX)',
        context: 'goals',
        period: [2026, 2030],
        reads: { value: 35, indicator: '全员劳动生产率', unit: '万元/人', comparator: 'gt', year: 2030 },
      },
    ],
    negative: [{ text: '序号\t项目名称\t建设内容\t总投资（亿元）\n1\t广湛高铁\t新建双线高速铁路401公里\t958', from: 'after 001 湛茂 (a table of projects: no year column)' }],
  },
  {
    id: 'table.cells',
    label: { zh: '指标表（逐格成段）', en: 'Indicator table (cell a line)' },
    matches: 'a table written one cell a paragraph (序号 / 指标名称 / 单位 / 属性 / “十五五”目标 / 1 / …)',
    builds: 'as table.grid; a cell broken over two paragraphs is joined back',
    positive: [
      {
        text: '序号\n指标\n单位\n属性\n2025年\n1\n常住人口城镇化率\n%\n预期性\n65\n2\n森林覆盖率\n%\n约束性\n24.1',
        from: 'after 国家“十四五”规划纲要 (主要指标, as a scraper writes a table one cell a paragraph)',
        context: 'goals',
        reads: { value: 24.1, indicator: '森林覆盖率', unit: '%', year: 2025 },
      },
      {
        text: '序号\n指标名称\n单位\n属性\n“十五五”目标\n1\n地区生产总值年均增速\n%\n预期性\n与全市经济增速\n保持同步\n2\n每万人口高价值发明专利拥有量\n件\n预期性\n30左右',
        from: 'after 上海市各区“十五五”规划纲要 (主要指标 on a scraped web page)',
        context: 'goals',
        period: [2026, 2030],
        reads: { value: 30, unit: '件', comparator: 'approx', year: 2030 },
      },
    ],
    negative: [{ text: '序号\n指标名称\n单位\n属性\n“十五五”目标\n1\n区级一般公共预算收入年均增速\n%\n预期性\n与全市保持同步', from: 'after 上海市各区“十五五”规划纲要 (a target in words, no number)' }],
  },
];

/** Numbers that are not targets, and the rule that says so: no target at all may come from these examples. */
export interface NotTargetRule {
  id: string;
  matches: string;
  examples: RuleExample[];
}

export const NOT_TARGET_RULES: readonly NotTargetRule[] = [
  {
    id: 'not.policy-parameter',
    matches: 'money, time or percent after 奖励/补助/补贴/贴息/给予 … in its clause: how a policy works (data/lexicons/statement-words.json parameterWords)',
    examples: [
      { text: '对首次认定的国家高新技术企业，给予一次性奖励30万元。', from: 'after 广东省促进高新技术企业发展若干措施', context: 'policy' },
      { text: '按照设备投资额的10%给予补助，单个项目最高补助500万元。', from: 'after 各地工业企业技术改造事后奖补办法', context: 'policy' },
      { text: '对企业购置工业软件的，按照投资额的15%给予补助，单个企业最高不超过500万元。', from: 'after 各省制造业数字化转型行动计划', context: 'policy' },
      { text: '贷款贴息期限不超过3年。', from: 'after 财政部创业担保贷款贴息政策', context: 'policy' },
    ],
  },
  {
    id: 'not.past',
    matches: 'a clause with 已/累计完成了/目前/截至 …, in a background section (发展基础) or a part that looks back (2025年工作回顾)',
    examples: [
      { text: '全市已建成5G基站1.2万个。', from: 'after 各地2023年政府工作报告' },
      { text: '“十三五”期间，全市地区生产总值年均增长7.2%。', from: 'after 000 粤西 (发展基础)', context: 'background' },
      { text: '城镇新增就业44万人，居民人均可支配收入增长5.6%。', from: 'after 2025年省级政府工作报告 (工作回顾)', context: 'report-review' },
    ],
  },
  {
    id: 'not.name',
    matches: 'numbers that name things: five-year plans (十四五), spatial codes (三核), size classes (30万吨级), ranks (500强), codes (5G)',
    examples: [
      { text: '湛江港30万吨级航道建成通航。', from: '000 粤西' },
      { text: '构建“一湾双轴、一核两极”的城市群框架。', from: '004 北部湾' },
      { text: '引进世界500强企业投资项目。', from: 'after 001 湛茂' },
    ],
  },
];

export const ruleById = (id: string): TargetRule | undefined => TARGET_RULES.find((r) => r.id === id);
