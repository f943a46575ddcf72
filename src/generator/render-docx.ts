/**
 * Writes a report's flow (src/generator/render-html.ts) as a Word document with the `docx` library: headings and
 * paragraphs, and tables whose merged cells are Word's own (vertical merge for rowspan, grid span for colspan).
 */
import { AlignmentType, Document, HeadingLevel, Packer, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';
import type { FlowBlock } from './render-html';

function table(block: Extract<FlowBlock, { kind: 'table' }>): Table {
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: block.rows.map(
      (row, i) =>
        new TableRow({
          tableHeader: i < block.repeatHeaderRows,
          children: row.map(
            (cell) =>
              new TableCell({
                rowSpan: cell.rowspan,
                columnSpan: cell.colspan,
                children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ text: cell.text, size: 18 })] })],
              }),
          ),
        }),
    ),
  });
}

function block(b: FlowBlock): (Paragraph | Table)[] {
  switch (b.kind) {
    case 'title':
      return b.lines.map((line) => new Paragraph({ heading: HeadingLevel.TITLE, alignment: AlignmentType.CENTER, children: [new TextRun(line)] }));
    case 'heading':
      return [new Paragraph({ heading: HeadingLevel.HEADING_2, children: [new TextRun(b.text)] })];
    case 'subheading':
      return [new Paragraph({ children: [new TextRun({ text: b.text, bold: true })] })];
    case 'paragraph':
      return [new Paragraph({ indent: { firstLine: 480 }, children: [new TextRun(b.text)] })];
    case 'signature':
      return [new Paragraph({ alignment: AlignmentType.RIGHT, children: [new TextRun(b.text)] })];
    case 'table':
      return [table(b), new Paragraph('')];
  }
}

export function flowToDocx(flow: FlowBlock[]): Promise<Buffer> {
  return Packer.toBuffer(new Document({ sections: [{ children: flow.flatMap(block) }] }));
}
