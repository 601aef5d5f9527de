// Blocks → a DOCX as Word or WPS writes one: the full package (content types, relationships,
// styles, settings, font table, document properties), runs split where the script changes
// (Word gives Latin digits their own run), tabs as <w:tab/>, rsid attributes, a _GoBack
// bookmark and proofing marks, A4 section properties. Headings use the built-in "heading N"
// styles (Word's style ids Heading1…, or WPS's numeric ids 2…); tables are real <w:tbl>.
// Test-only.
import { strToU8, zipSync } from 'fflate';
import { type Block, type Run } from './blocks';

export type DocxFlavour = 'word' | 'wps';

const W_NS =
  'xmlns:wpc="http://schemas.microsoft.com/office/word/2010/wordprocessingCanvas" ' +
  'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" ' +
  'xmlns:o="urn:schemas-microsoft-com:office:office" ' +
  'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" ' +
  'xmlns:m="http://schemas.openxmlformats.org/officeDocument/2006/math" ' +
  'xmlns:v="urn:schemas-microsoft-com:vml" ' +
  'xmlns:w10="urn:schemas-microsoft-com:office:word" ' +
  'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" ' +
  'xmlns:w14="http://schemas.microsoft.com/office/word/2010/wordml" ' +
  'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" ' +
  'mc:Ignorable="w14"';

const esc = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

const RSID = '00B4C2A1';

function styleId(level: number, flavour: DocxFlavour): string {
  return flavour === 'word' ? `Heading${level}` : String(level + 1);
}

/** Runs split by script, as Word writes them: CJK text carries the eastAsia font hint. */
function wRuns(runs: readonly Run[]): string {
  const out: string[] = [];
  for (const run of runs) {
    for (const m of run.text.matchAll(/[\x20-\x7e]+|[^\x20-\x7e]+/g)) {
      const piece = m[0];
      const latin = /^[\x20-\x7e]+$/.test(piece) && /[A-Za-z0-9]/.test(piece);
      const rPr = `<w:rPr>${latin ? '' : '<w:rFonts w:hint="eastAsia"/>'}${run.bold ? '<w:b/><w:bCs/>' : ''}</w:rPr>`;
      // Tabs are <w:tab/> elements between text pieces, never characters inside <w:t>.
      const parts = piece.split('\t').map((t) => (t ? `<w:t xml:space="preserve">${esc(t)}</w:t>` : ''));
      const body = parts.join('<w:tab/>');
      const proof = latin && /[A-Za-z]{3,}/.test(piece);
      if (proof) out.push('<w:proofErr w:type="spellStart"/>');
      out.push(`<w:r w:rsidRPr="${RSID}">${rPr}${body}</w:r>`);
      if (proof) out.push('<w:proofErr w:type="spellEnd"/>');
    }
  }
  return out.join('');
}

function wParagraph(runs: readonly Run[], style: string | null, extra = ''): string {
  const pPr = `<w:pPr>${style ? `<w:pStyle w:val="${style}"/>` : ''}<w:rPr><w:rFonts w:hint="eastAsia"/></w:rPr></w:pPr>`;
  return `<w:p w:rsidR="${RSID}" w:rsidRDefault="${RSID}">${pPr}${extra}${wRuns(runs)}</w:p>`;
}

function wTable(rows: readonly Run[][][]): string {
  const cols = Math.max(1, ...rows.map((r) => r.length));
  const width = Math.floor(8306 / cols);
  const grid = `<w:tblGrid>${'<w:gridCol w:w="' + width + '"/>'.repeat(cols)}</w:tblGrid>`;
  const tblPr =
    '<w:tblPr><w:tblStyle w:val="TableGrid"/><w:tblW w:w="0" w:type="auto"/>' +
    '<w:tblLook w:val="04A0" w:firstRow="1" w:lastRow="0" w:firstColumn="1" w:lastColumn="0" w:noHBand="0" w:noVBand="1"/></w:tblPr>';
  const trs = rows.map((cells) => {
    const tcs = cells.map((cell, k) => {
      // A short row spans the missing columns with its last cell (as a merged cell does).
      const span = k === cells.length - 1 && cells.length < cols ? `<w:gridSpan w:val="${cols - cells.length + 1}"/>` : '';
      return `<w:tc><w:tcPr><w:tcW w:w="${width}" w:type="dxa"/>${span}</w:tcPr>${wParagraph(cell, null)}</w:tc>`;
    });
    return `<w:tr w:rsidR="${RSID}">${tcs.join('')}</w:tr>`;
  });
  return `<w:tbl>${tblPr}${grid}${trs.join('')}</w:tbl>`;
}

export function documentXmlOf(blocks: readonly Block[], flavour: DocxFlavour): string {
  const body: string[] = [];
  blocks.forEach((b, i) => {
    const goBack = i === 0 ? '<w:bookmarkStart w:id="0" w:name="_GoBack"/><w:bookmarkEnd w:id="0"/>' : '';
    if (b.kind === 'p') body.push(wParagraph(b.runs, null, goBack));
    else if (b.kind === 'h') body.push(wParagraph(b.runs, styleId(b.level, flavour), goBack));
    // Word always follows a table with a paragraph.
    else body.push(wTable(b.rows), i + 1 < blocks.length && blocks[i + 1].kind === 'table' ? wParagraph([], null) : '');
  });
  const sectPr =
    '<w:sectPr w:rsidR="' + RSID + '"><w:pgSz w:w="11906" w:h="16838"/>' +
    '<w:pgMar w:top="1440" w:right="1800" w:bottom="1440" w:left="1800" w:header="851" w:footer="992" w:gutter="0"/>' +
    '<w:cols w:space="425"/><w:docGrid w:type="lines" w:linePitch="312"/></w:sectPr>';
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<w:document ${W_NS}><w:body>${body.join('')}${sectPr}</w:body></w:document>`;
}

function stylesXml(flavour: DocxFlavour): string {
  const headings = Array.from({ length: 6 }, (_, k) => {
    const level = k + 1;
    const id = styleId(level, flavour);
    const size = [44, 32, 32, 28, 28, 24][k];
    return (
      `<w:style w:type="paragraph" w:styleId="${id}"><w:name w:val="heading ${level}"/><w:basedOn w:val="a"/><w:next w:val="a"/>` +
      `<w:link w:val="${id}Char"/><w:uiPriority w:val="9"/><w:qFormat/><w:pPr><w:keepNext/><w:keepLines/>` +
      `<w:spacing w:before="340" w:after="330" w:line="578" w:lineRule="auto"/><w:outlineLvl w:val="${k}"/></w:pPr>` +
      `<w:rPr><w:b/><w:bCs/><w:kern w:val="44"/><w:sz w:val="${size}"/><w:szCs w:val="${size}"/></w:rPr></w:style>`
    );
  }).join('');
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n' +
    `<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">` +
    '<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:asciiTheme="minorHAnsi" w:eastAsiaTheme="minorEastAsia" w:hAnsiTheme="minorHAnsi" w:cstheme="minorBidi"/>' +
    '<w:kern w:val="2"/><w:sz w:val="21"/><w:szCs w:val="22"/><w:lang w:val="en-US" w:eastAsia="zh-CN" w:bidi="ar-SA"/></w:rPr></w:rPrDefault>' +
    '<w:pPrDefault/></w:docDefaults>' +
    '<w:style w:type="paragraph" w:default="1" w:styleId="a"><w:name w:val="Normal"/><w:qFormat/><w:pPr><w:widowControl w:val="0"/><w:jc w:val="both"/></w:pPr></w:style>' +
    headings +
    '<w:style w:type="character" w:default="1" w:styleId="a0"><w:name w:val="Default Paragraph Font"/><w:uiPriority w:val="1"/><w:semiHidden/><w:unhideWhenUsed/></w:style>' +
    '<w:style w:type="table" w:default="1" w:styleId="a1"><w:name w:val="Normal Table"/><w:tblPr><w:tblInd w:w="0" w:type="dxa"/>' +
    '<w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="108" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/><w:right w:w="108" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>' +
    '<w:style w:type="table" w:styleId="TableGrid"><w:name w:val="Table Grid"/><w:basedOn w:val="a1"/><w:tblPr><w:tblBorders>' +
    '<w:top w:val="single" w:sz="4" w:space="0" w:color="auto"/><w:left w:val="single" w:sz="4" w:space="0" w:color="auto"/>' +
    '<w:bottom w:val="single" w:sz="4" w:space="0" w:color="auto"/><w:right w:val="single" w:sz="4" w:space="0" w:color="auto"/>' +
    '<w:insideH w:val="single" w:sz="4" w:space="0" w:color="auto"/><w:insideV w:val="single" w:sz="4" w:space="0" w:color="auto"/>' +
    '</w:tblBorders></w:tblPr></w:style>' +
    '</w:styles>'
  );
}

const XML = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n';

function packageParts(flavour: DocxFlavour, title: string): Record<string, string> {
  const app = flavour === 'word' ? 'Microsoft Office Word' : 'WPS Office_11.1.0.11664';
  return {
    '[Content_Types].xml':
      XML +
      '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
      '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
      '<Default Extension="xml" ContentType="application/xml"/>' +
      '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>' +
      '<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>' +
      '<Override PartName="/word/settings.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml"/>' +
      '<Override PartName="/word/fontTable.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.fontTable+xml"/>' +
      '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>' +
      '<Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/>' +
      '</Types>',
    '_rels/.rels':
      XML +
      '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
      '<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties" Target="docProps/app.xml"/>' +
      '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>' +
      '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>' +
      '</Relationships>',
    'word/_rels/document.xml.rels':
      XML +
      '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
      '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>' +
      '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/settings" Target="settings.xml"/>' +
      '<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/fontTable" Target="fontTable.xml"/>' +
      '</Relationships>',
    'word/settings.xml':
      XML +
      '<w:settings xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:zoom w:percent="100"/>' +
      '<w:bordersDoNotSurroundHeader/><w:bordersDoNotSurroundFooter/><w:defaultTabStop w:val="420"/>' +
      '<w:drawingGridVerticalSpacing w:val="156"/><w:characterSpacingControl w:val="compressPunctuation"/>' +
      `<w:rsids><w:rsidRoot w:val="${RSID}"/><w:rsid w:val="${RSID}"/></w:rsids>` +
      '<w:compat><w:spaceForUL/><w:balanceSingleByteDoubleByteWidth/><w:doNotLeaveBackslashAlone/><w:ulTrailSpace/>' +
      '<w:doNotExpandShiftReturn/><w:adjustLineHeightInTable/><w:useFELayout/></w:compat>' +
      '<w:themeFontLang w:val="en-US" w:eastAsia="zh-CN"/></w:settings>',
    'word/fontTable.xml':
      XML +
      '<w:fonts xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">' +
      '<w:font w:name="Calibri"><w:panose1 w:val="020F0502020204030204"/><w:charset w:val="00"/><w:family w:val="swiss"/><w:pitch w:val="variable"/></w:font>' +
      '<w:font w:name="宋体"><w:altName w:val="SimSun"/><w:panose1 w:val="02010600030101010101"/><w:charset w:val="86"/><w:family w:val="auto"/><w:pitch w:val="variable"/></w:font>' +
      '</w:fonts>',
    'docProps/core.xml':
      XML +
      '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" ' +
      'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" ' +
      'xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">' +
      `<dc:title>${esc(title)}</dc:title><dc:creator>admin</dc:creator><cp:lastModifiedBy>admin</cp:lastModifiedBy><cp:revision>2</cp:revision>` +
      '<dcterms:created xsi:type="dcterms:W3CDTF">2024-03-01T02:10:00Z</dcterms:created>' +
      '<dcterms:modified xsi:type="dcterms:W3CDTF">2024-03-01T02:12:00Z</dcterms:modified></cp:coreProperties>',
    'docProps/app.xml':
      XML +
      '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" ' +
      `xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"><Template>Normal.dotm</Template><Application>${app}</Application><DocSecurity>0</DocSecurity></Properties>`,
  };
}

/** A DOCX holding these blocks. */
export function docxOf(blocks: readonly Block[], opts: { flavour?: DocxFlavour; title?: string } = {}): Uint8Array {
  const flavour = opts.flavour ?? 'word';
  const parts = packageParts(flavour, opts.title ?? '');
  const files: Record<string, Uint8Array> = {};
  for (const [name, xml] of Object.entries(parts)) files[name] = strToU8(xml);
  files['word/document.xml'] = strToU8(documentXmlOf(blocks, flavour));
  files['word/styles.xml'] = strToU8(stylesXml(flavour));
  return zipSync(files, { level: 6 });
}
