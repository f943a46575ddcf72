/**
 * The prose of the six sections, varied from a seed: sub-headings (一)…(五), headline counts such as
 * "主动公开政府信息 1002 条", dates and document numbers (the numbers a parser must not take for table cells), and the
 * request counts of rule N1 ("共收到政府信息公开申请 21 件，办结 18 件").
 */
import type { SectionKey } from '../schema';
import type { AgencyTruth } from './agency';
import type { Rng } from './rng';
import type { ProseBlock, ProseCountsTruth } from './types';

function we(agency: AgencyTruth): string {
  if (agency.level === 'township') return agency.bodyPart === '办事处' ? '本街道' : '我镇';
  if (agency.bodyPart.startsWith('人民政府')) {
    const place = agency.level === 'province' ? agency.province : agency.regionPart;
    return `我${place.slice(-1) === '旗' ? '旗' : place.slice(-1)}`;
  }
  return '本机关';
}

const OPENERS = [
  '坚持以习近平新时代中国特色社会主义思想为指导，全面贯彻落实《中华人民共和国政府信息公开条例》，紧紧围绕中心工作，不断提升政务公开质效。',
  '认真贯彻落实党中央、国务院关于全面推进政务公开工作的决策部署，坚持“公开为常态、不公开为例外”，持续深化重点领域信息公开。',
  '严格落实《条例》各项规定，扎实做好主动公开、依申请公开、政策解读和回应关切等工作，政府信息公开“含金量”不断提高。',
  '聚焦企业和群众关注关切，不断拓展信息公开的广度与深度，强化政策发布解读服务，群众满意度、获得感明显提升。',
];

const SUBHEADS: [string, string[]][] = [
  ['主动公开', ['（一）主动公开情况', '（一）扎实做好政府信息主动公开', '（一）主动公开方面']],
  ['依申请公开', ['（二）依申请公开情况', '（二）有效规范依申请公开', '（二）依申请公开方面']],
  ['信息管理', ['（三）政府信息管理情况', '（三）政府信息管理方面']],
  ['平台建设', ['（四）政府信息公开平台建设情况', '（四）平台载体建设方面']],
  ['监督保障', ['（五）监督保障情况', '（五）政府信息公开监督保障情况']],
];

function proactiveParagraph(rng: Rng, year: number, us: string): string {
  const n = rng.int(80, 6000);
  const about = rng.chance(0.25) ? '余' : '';
  return rng.pick([
    `${year}年，${us}通过政府网站、政务新媒体等平台主动公开各类政府信息${n}${about}条，其中政策解读${rng.int(3, 60)}篇。`,
    `全年主动公开政府信息${n}${about}条，发布概况类信息更新${rng.int(1, 30)}条，政务动态信息${rng.int(50, 900)}条。`,
    `建立健全政务公开制度规范，全年在门户网站发布信息${n}${about}条，开展意见征集${rng.int(1, 12)}期。`,
  ]);
}

/** The N1 sentence and the counts it states. */
function requestsParagraph(rng: Rng, year: number, counts: { received: number; handled: number; carriedForward: number }, mustStateHandled: boolean) {
  const { received, handled, carriedForward } = counts;
  const stated: ProseCountsTruth = { received };
  const lead = rng.pick(['畅通依申请公开受理渠道，规范答复文书格式，提升答复质量。', '进一步规范依申请公开流程，加强合法性审核，保障答复质效。']);
  let sentence: string;
  const form = mustStateHandled ? rng.int(0, 1) : rng.int(0, 3);
  if (form === 0) {
    sentence = `${year}年共收到政府信息公开申请${received}件，办结${handled}件`;
    stated.handled = handled;
    if (carriedForward > 0 || rng.chance(0.3)) {
      sentence += `，结转下年度继续办理${carriedForward}件`;
      stated.carriedForward = carriedForward;
    }
  } else if (form === 1) {
    sentence = `本年度共收到${received}件申请，依法依规办结${handled}件`;
    stated.handled = handled;
  } else if (form === 2) {
    sentence = `全年共受理政府信息公开申请${received}件，均在法定期限内答复`;
  } else {
    sentence = `${year}年全年共收到政府信息公开申请${received}件`;
  }
  return { text: `${lead}${sentence}。`, stated };
}

const MANAGEMENT = [
  '严格执行“三审三校”制度，从严把好政治关、法律关、政策关、保密关、文字关，未经审核的信息一律不予发布。',
  '加强公文公开属性源头认定，动态调整主动公开基本目录，及时清理过期失效信息。',
];
const PLATFORM = [
  '加强政府网站和政务新媒体日常监管，及时关停整合更新不及时、无力运维的账号，全年关停政务新媒体账号2个。',
  '持续优化政府信息公开专栏栏目设置，定期开展网站巡查，整改错误链接和空白栏目。',
];
const OVERSIGHT = [
  '将政务公开工作纳入年度绩效考核，组织开展业务培训3次，切实提升工作人员业务能力。',
  '细化年度政务公开考核标准，引入第三方评估，以评估促提升，推动政务公开工作提质增效。',
];
const PROBLEMS = [
  '部分信息公开的时效性有待提高，政策解读形式不够丰富，依申请公开答复的规范性仍需加强。',
  '政务公开工作人员变动较大，业务培训的系统性不足，基层政务公开标准化建设仍有差距。',
  '部分信息在内容完整性、准确性上还存在一定欠缺，政策解读的深度和针对性还有提升空间。',
];
const IMPROVEMENTS = [
  '下一步，将进一步完善信息发布审核机制，丰富政策解读形式，加强业务培训，持续提升政务公开质量。',
  '针对上述问题，将加强对政府信息公开工作的督促检查，建立信息发布提醒机制，确保信息及时准确公开。',
];

function otherMatters(rng: Rng, year: number): ProseBlock[] {
  const fee = rng.weighted([['none', 3], ['rule', 2], ['charged', 1], ['nil', 3]] as const);
  const text =
    fee === 'nil'
      ? '无。'
      : fee === 'none'
        ? `${year}年，本机关未收取政府信息公开信息处理费。`
        : fee === 'rule'
          ? '按照《国务院办公厅关于印发<政府信息公开信息处理费管理办法>的通知》（国办函〔2020〕109号）规定的按件、按量收费标准，本年度没有产生信息公开处理费。'
          : `${year}年收取政府信息公开信息处理费共计${rng.int(1, 20) * 20}元。`;
  return [{ kind: 'paragraph', text }];
}

export interface ProseInput {
  agency: AgencyTruth;
  year: number;
  counts: { received: number; handled: number; carriedForward: number };
  /** Rule N1 is to be broken: the handled count must be stated (it is then overwritten). */
  mustStateHandled: boolean;
}

export function generateProse(rng: Rng, input: ProseInput): { sections: Record<SectionKey, ProseBlock[]>; stated: ProseCountsTruth } {
  const { agency, year } = input;
  const us = we(agency);
  const para = (text: string): ProseBlock => ({ kind: 'paragraph', text });
  const sub = (i: number): ProseBlock => ({ kind: 'subheading', text: rng.pick(SUBHEADS[i][1]) });
  const requests = requestsParagraph(rng, year, input.counts, input.mustStateHandled);
  const overview: ProseBlock[] = [
    para(`${year}年，${us}${rng.pick(OPENERS)}`),
    sub(0),
    para(proactiveParagraph(rng, year, us)),
    sub(1),
    para(requests.text),
    sub(2),
    para(rng.pick(MANAGEMENT)),
    sub(3),
    para(rng.pick(PLATFORM)),
    sub(4),
    para(rng.pick(OVERSIGHT)),
  ];
  const problems: ProseBlock[] = rng.chance(0.5)
    ? [{ kind: 'subheading', text: '（一）存在的主要问题' }, para(rng.pick(PROBLEMS)), { kind: 'subheading', text: '（二）改进措施' }, para(rng.pick(IMPROVEMENTS))]
    : [para(`${year}年，${us}政府信息公开工作取得一定成效，但仍存在一些不足：${rng.pick(PROBLEMS)}`), para(rng.pick(IMPROVEMENTS))];
  const tableNote = (): ProseBlock[] => (rng.chance(0.15) ? [para('该部分以表格形式报告。表格如下：')] : []);
  return {
    sections: {
      overview,
      proactive: tableNote(),
      requests: tableNote(),
      appeals: tableNote(),
      problems,
      other: otherMatters(rng, year),
    },
    stated: requests.stated,
  };
}

/** The paragraph before section 一: the legal basis and the statistical period (dates the year parser must skip). */
function introParagraph(rng: Rng, agencyName: string, year: number): string {
  return rng.pick([
    `根据《中华人民共和国政府信息公开条例》（以下简称《条例》）规定，现发布《${agencyName}${year}年政府信息公开工作年度报告》。本报告所列数据统计期限自${year}年1月1日起至${year}年12月31日止。`,
    `本报告依据《中华人民共和国政府信息公开条例》和《中华人民共和国政府信息公开工作年度报告格式》（国办公开办函〔2021〕30号）要求编制。如对本报告有疑问，请与${agencyName}联系（电话：0${rng.int(100, 999)}-${rng.int(1000000, 9999999)}）。`,
    `按照《中华人民共和国政府信息公开条例》（国令第711号）要求，${agencyName}编制了本报告，报告中所列数据统计期限自${year}年1月1日起至${year}年12月31日止。`,
  ]);
}

const STREETS = ['人民路', '建设路', '解放路', '新华西路', '中山北路', '文化路', '迎宾大道', '兴业街', '和平东路', '长江路'];

/** Preamble sentences, as seeds 002 and 004 have: where the report is published and a contact address. */
function contactSentences(rng: Rng, agencyName: string): string {
  const address = `${rng.pick(STREETS)}${rng.int(1, 999)}号`;
  return `本报告电子版可在${agencyName}门户网站“政府信息公开年报”栏目查阅或下载。如对本报告有任何疑问，请与${agencyName}联系（地址：${address}，邮编：${rng.int(100000, 859999)}）。`;
}

/**
 * The preamble before section 一 (none in about a fifth of reports, as seeds 001 and 003 have none) and the closing
 * lines after section 六: the agency and a date in the following year (a trap for year detection), or the date alone.
 */
export function generatePassages(rng: Rng, agencyName: string, year: number): { preface: string | null; closing: string[] } {
  const intro = introParagraph(rng.fork('intro'), agencyName, year);
  const preface = rng.chance(0.8) ? (rng.chance(0.4) ? intro + contactSentences(rng.fork('contact'), agencyName) : intro) : null;
  const date = `${year + 1}年${rng.int(1, 3)}月${rng.int(1, 28)}日`;
  const closing = rng.weighted<string[]>([
    [[agencyName, date], 6],
    [[date], 1],
    [[], 3],
  ]);
  return { preface, closing };
}
