/** Bytes as agencies publish them: UTF-8, UTF-8 with a BOM, GB18030, with LF or CRLF line ends. */
import iconv from 'iconv-lite';
import type { Encoding } from './types';
import type { Rng } from './rng';

export interface FileEncoding {
  encoding: Encoding;
  crlf: boolean;
}

export function pickEncoding(rng: Rng): FileEncoding {
  return { encoding: rng.weighted<Encoding>([['utf-8', 8], ['utf-8-bom', 1], ['gb18030', 1]]), crlf: rng.chance(0.1) };
}

export function encodeText(text: string, { encoding, crlf }: FileEncoding): Buffer {
  const body = crlf ? text.replace(/\n/g, '\r\n') : text;
  if (encoding === 'gb18030') return iconv.encode(body, 'gb18030');
  const bytes = Buffer.from(body, 'utf8');
  return encoding === 'utf-8-bom' ? Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), bytes]) : bytes;
}
