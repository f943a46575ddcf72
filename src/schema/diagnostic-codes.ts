/**
 * Every diagnostic code the pipeline records, each with a Chinese explanation for readers (/quality/, report pages,
 * the data dictionary). The closed list is the schema of `Diagnostic.code`: a code spelled anywhere else fails the
 * type check. Imports nothing, so any layer can use it.
 */
export const DIAGNOSTIC_CODES = {
  // Reading the file
  'file-empty': '文件为空，没有可读取的内容',
  'file-binary': '文件不是文本（看起来是二进制数据），无法读取',
  'encoding-unknown': '无法识别文件的字符编码',
  'encoding-invalid-bytes': '文件中有不符合所识别编码的字节，相应字符可能显示为替换符',
  'html-charset-mismatch': '网页声明的字符编码与实际内容不符，已按实际编码读取',
  'unsupported-format': '不支持的文件格式，已跳过',
  'doc-unsupported': '旧版 Word（.doc）文件无法直接读取，请转换为 .docx 或 PDF',
  'docx-unreadable': 'Word（.docx）文件已损坏或无法打开',
  'pdf-encrypted': 'PDF 文件已加密，无法提取文字',
  'pdf-unreadable': 'PDF 文件已损坏或无法打开',
  'pdf-no-text': 'PDF 中没有可提取的文字（可能是扫描件），本站不做文字识别',
  'pdf-read-by-pdfjs': 'PDFium 无法打开此 PDF，改用 pdf.js 读取',
  // Metadata set by the publisher (front matter, sidecar files)
  'front-matter-unclosed': '文件开头的元数据（前置元数据）没有结束标记',
  'front-matter-invalid': '文件开头的元数据（前置元数据）格式有误',
  'meta-invalid': '元数据中的某个字段取值无效，已忽略该字段',
  'meta-unknown-field': '元数据中有无法识别的字段，已忽略',
  'meta-conflict': '前置元数据与旁置元数据文件对同一字段给出了不同的值，以旁置文件为准',
  'meta-sidecar-extra': '同一报告有多个旁置元数据文件，只使用了其中一个',
  // Parsing the report
  'parser-exception': '解析时发生内部错误，该文件未能生成报告',
  'title-missing': '未找到报告标题',
  'agency-missing': '未能从标题中识别出机关名称',
  'year-missing': '未能从标题中识别出报告年度',
  'section-missing': '未找到模板规定的某个部分的标题',
  'table-b-missing': '未找到表三（收到和处理政府信息公开申请情况），该文件未能生成报告',
  'table-b-unplaced-values': '表三中有一行数字无法对应到行标签，未采用',
  'table-c-missing': '未找到表四（行政复议、行政诉讼情况）的数字，记为空值',
  'table-c-count': '表四的数字个数与模板不符，无法逐格对应，记为空值',
  'table-c-unproved': '表四的数字被不属于其表头的文字隔开，无法证明各数字所在的列，记为空值',
  'row-missing': '表格缺少模板规定的某一行，该行记为空值',
  'row-no-values': '表格中某一行没有数字，记为空值',
  'row-short': '表格中某一行的数字少于模板的列数，无法确定空格位置，记为空值',
  'row-extra-values': '表格中某一行的数字多于模板的列数，多出的数字未采用',
  'cell-blank': '原文中该单元格为空，记为空值（不是 0）',
  'cell-unreadable': '单元格内容不是可识别的数字，记为空值',
  'digits-ambiguous': '连在一起的数字有多种拆分方式，无法确定，记为空值',
  'row-order-ambiguous': '表三某一行按文字顺序读出的总计与各项之和不符，而最后两格对调后相符：提取文字时两格的顺序可能颠倒，无法确定，记为空值',
  'column-order-unproved': '表三的数字逐列成块印出，无法证明哪一块属于哪一类申请人（任何顺序都满足勾稽关系），各类申请人数字不同的单元格记为空值',
  'row-digits-wrapped': '表三某一行的数字在窄列中折行，折到下一行的数字按行总计接回；无法唯一接回时该行记为空值',
  'row-cells-ambiguous': '表三某一行的空单元格多于列数，有多种读法，按行总计也无法确定，记为空值',
  'table-b-ambiguous': '表三中一组数字没有紧挨的行标签，按勾稽关系可有多种对应方式，相关各行记为空值',
  'table-b-unproved': '表三中一组数字没有紧挨的行标签，无法用行标签或勾稽关系证明其所在行，相关各行记为空值',
  'table-a-unproved': '表二中某一行的行标签旁没有能证明属于该行的数字（数字与标签分开排列，且前后数字个数对不上或行标签不全），该行记为空值',
  'pdf-columns-unproved': 'PDF 中的表格没有边框，按表头确定的列无法用勾稽关系核实，相关数字记为空值',
  'pdf-cells-unplaced': 'PDF 中的表格没有边框，部分数字无法确定所在列，记为空值',
  'group-without-subrows': '报告只给出了该组的合计行，没有分项，分项记为空值',
  // Identifying the report
  'report-identity-missing': '未能确定报告的机关或年度，该文件未能生成报告',
  'region-unknown': '未能从机关名称推断所在地区',
  'region-ambiguous': '机关名称中的地名可对应多个地区，未推断所在地区',
  'region-inconsistent': '机关名称中的地名互相矛盾，未推断所在地区',
  'schema-invalid': '读取结果不符合数据结构定义，该文件未能生成报告',
  'duplicate-report': '同一机关同一年度有多份报告，只保留了一份',
} as const satisfies Record<string, string>;

export type DiagnosticCode = keyof typeof DIAGNOSTIC_CODES;
export const DIAGNOSTIC_CODE_LIST = Object.keys(DIAGNOSTIC_CODES) as [DiagnosticCode, ...DiagnosticCode[]];

/** The Chinese explanation of a code (for readers; the code itself stays in the JSON for machines). */
export const diagnosticExplanation = (code: DiagnosticCode): string => DIAGNOSTIC_CODES[code];
