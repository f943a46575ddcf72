/**
 * HTML bytes → text, honouring the charset the page declares (`<meta charset="gbk">` or the older
 * `<meta http-equiv="Content-Type" content="text/html; charset=gb2312">`), else detecting it like a text file.
 * A declaration that the bytes contradict (a page saved as UTF-8 that still says gb2312) loses, with a warning.
 */
import iconv from 'iconv-lite';
import { diagnostic } from '../../diagnostic';
import { decodeBytes, normalizeNewlines, type Decoded } from '../decode';

/** The GB family decodes as GB18030, its superset (the name the text reader reports too). */
const ALIASES: Record<string, string> = {
  gb2312: 'gb18030',
  gbk: 'gb18030',
  'x-gbk': 'gb18030',
  cp936: 'gb18030',
  'euc-cn': 'gb18030',
  gb18030: 'gb18030',
  utf8: 'utf-8',
  'utf-8': 'utf-8',
};

/** Where browsers look for the declaration: the first 1024 bytes, widened because pages put long scripts first. */
const SNIFF_BYTES = 4096;

function declaredCharset(bytes: Uint8Array): string | null {
  const head = Buffer.from(bytes.subarray(0, SNIFF_BYTES)).toString('latin1');
  const meta = /<meta\b[^>]*?charset\s*=\s*["']?\s*([A-Za-z0-9_:.-]+)/i.exec(head);
  return meta ? meta[1].toLowerCase() : null;
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

function validUtf8WithMultibyte(bytes: Uint8Array): boolean {
  if (!bytes.some((b) => b >= 0x80)) return false;
  try {
    strictUtf8.decode(bytes);
    return true;
  } catch {
    return false;
  }
}

const hasBom = (b: Uint8Array) => (b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) || (b[0] === 0xff && b[1] === 0xfe) || (b[0] === 0xfe && b[1] === 0xff);

export function decodeHtml(bytes: Uint8Array, file: string): Decoded {
  const declared = declaredCharset(bytes);
  const charset = declared ? ALIASES[declared] ?? declared : null;
  if (!charset || hasBom(bytes) || !iconv.encodingExists(charset)) return decodeBytes(bytes, file);
  const mismatch = (found: string) =>
    diagnostic({
      severity: 'warning',
      code: 'html-charset-mismatch',
      file,
      expected: `按网页声明的字符集 ${declared} 编码的内容`,
      found,
      message: `网页声明的字符集 ${declared} 与实际内容不符，已按检测结果解码`,
    });
  if (charset === 'utf-8') {
    if (validUtf8WithMultibyte(bytes) || !bytes.some((b) => b >= 0x80)) return decodeBytes(bytes, file);
    const detected = decodeBytes(bytes, file);
    return detected.ok && detected.encoding !== 'utf-8'
      ? { ...detected, diagnostics: [...detected.diagnostics, mismatch(`${detected.encoding} 编码的字节`)] }
      : detected;
  }
  // Text in a legacy charset is almost never valid UTF-8 as well: valid UTF-8 means the page was re-saved.
  if (validUtf8WithMultibyte(bytes)) {
    const utf8 = decodeBytes(bytes, file);
    return utf8.ok ? { ...utf8, diagnostics: [...utf8.diagnostics, mismatch('UTF-8 编码的字节')] } : utf8;
  }
  return { ok: true, text: normalizeNewlines(iconv.decode(Buffer.from(bytes), charset)), encoding: charset, diagnostics: [] };
}
