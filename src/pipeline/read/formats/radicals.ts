/**
 * Repairs characters that PDF text extraction returns as CJK radicals instead of ideographs: "⼈⺠" for 人民,
 * "发展和改⾰局" for 发展和改革局. Fonts such as Noto CJK draw a radical and its ideograph with one glyph; a PDF
 * writer that maps the glyph back to the lowest code point (Chromium's "print to PDF" does) writes the radical, and
 * labels, headings and agency names stop matching. Text copied out of such PDFs into web pages carries them too.
 *
 * Kangxi radicals (U+2F00–U+2FD5) fold to their ideographs under NFKC. The CJK Radicals Supplement (U+2E80–U+2EF3)
 * mostly has no NFKC mapping; the table below pairs each radical with the ideograph that shares its glyph in the
 * Noto Sans/Serif CJK SC fonts (read from their cmap tables), which also corrects NFKC where a simplified document
 * means the simplified form (⼾ is 户 there, not NFKC's 戶).
 */

const PAIRS =
  '⺂乛 ⺃乚 ⺅亻 ⺉刂 ⺎兀 ⺏尣 ⺐尢 ⺒巳 ⺓幺 ⺔彑 ⺕彐 ⺖忄 ⺘扌 ⺙攵 ⺛旡 ⺞歺 ⺠民 ⺡氵 ⺣灬 ⺦丬 ⺨犭 ⺫罒 ⺭礻 ⺯糹 ⺰纟 ' +
  '⺱罓 ⺲罒 ⺹耂 ⺺肀 ⺾艹 ⻁虎 ⻂衤 ⻃覀 ⻅见 ⻆角 ⻈讠 ⻉贝 ⻋车 ⻌辶 ⻐钅 ⻑長 ⻒镸 ⻓长 ⻔门 ⻖阝 ⻘青 ⻙韦 ⻚页 ⻛风 ' +
  '⻜飞 ⻝食 ⻟飠 ⻠饣 ⻢马 ⻣骨 ⻤鬼 ⻥鱼 ⻦鸟 ⻧卤 ⻨麦 ⻩黄 ⻪黾 ⻫斉 ⻬齐 ⻮齿 ⻯竜 ⻰龙 ⻱龜 ⻲亀 ⼾户 ⺋㔾 ⺤爫 ⺳㓁';

/** Radical → ideograph where the SC glyph says otherwise than NFKC (or NFKC says nothing). */
const RADICAL_IDEOGRAPHS: ReadonlyMap<string, string> = new Map(PAIRS.split(' ').map((pair) => [...pair] as [string, string]));

const RADICAL = /[\u2e80-\u2fdf]/gu;

export function repairRadicals(text: string): string {
  return text.replace(RADICAL, (ch) => RADICAL_IDEOGRAPHS.get(ch) ?? ch.normalize('NFKC'));
}
