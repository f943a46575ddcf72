/** YAML front matter (`---` … `---` at the very top of a text file), removed from the text the parser sees. */
import { parseDocument } from 'yaml';
import type { Diagnostic } from '../../schema';
import { diagnostic } from '../diagnostic';

export interface FrontMatter {
  /** The text after the front matter. */
  body: string;
  /** Lines removed from the top: add to a body line number to get the file's line number. */
  lineOffset: number;
  /** The parsed YAML; undefined when there is no front matter or it could not be parsed. */
  data: unknown;
  diagnostics: Diagnostic[];
}

const OPEN = '---';
const CLOSE = new Set(['---', '...']);

export function splitFrontMatter(text: string, file: string): FrontMatter {
  const lines = text.split('\n');
  if (lines[0].trimEnd() !== OPEN) return { body: text, lineOffset: 0, data: undefined, diagnostics: [] };
  const close = lines.findIndex((line, i) => i > 0 && CLOSE.has(line.trimEnd()));
  if (close < 0) {
    return {
      body: text,
      lineOffset: 0,
      data: undefined,
      diagnostics: [
        diagnostic({
          severity: 'warning',
          code: 'front-matter-unclosed',
          file,
          line: 1,
          expected: '前置元数据以 --- 结束',
          found: '第 1 行为 ---，但之后没有结束行',
          message: '前置元数据没有结束标记，已按正文处理',
        }),
      ],
    };
  }
  const lineOffset = close + 1;
  const body = lines.slice(lineOffset).join('\n');
  const doc = parseDocument(lines.slice(1, close).join('\n'));
  if (doc.errors.length > 0) {
    const error = doc.errors[0];
    // linePos is 1-based within the YAML, which starts on the file's line 2.
    const line = error.linePos ? error.linePos[0].line + 1 : 1;
    return {
      body,
      lineOffset,
      data: undefined,
      diagnostics: [
        diagnostic({
          severity: 'warning',
          code: 'front-matter-invalid',
          file,
          line,
          expected: '有效的 YAML 前置元数据',
          found: error.message.split('\n')[0],
          message: '前置元数据不是有效的 YAML，已忽略',
        }),
      ],
    };
  }
  return { body, lineOffset, data: doc.toJS(), diagnostics: [] };
}
