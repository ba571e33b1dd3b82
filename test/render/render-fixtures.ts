import { checkPlan } from '../../src/dsl/check-plan.js';
import type { PlanDefinition } from '../../src/dsl/schema/plan.js';
import type { PlanDocument, TableBlock } from '../../src/render/plan-document-model.js';

/** The seed plan file and a second plan of another domain (the planner guide's water-main burst). */
export const SEED_FILE = 'plans/public-opinion.plan.yaml';
export const WATER_FILE = 'docs/tutorial/water-outage.plan.yaml';

/** Words of the seed plan's domain that a document of another plan must not contain. */
export const SEED_WORDS = ['舆情', '公众态度', '声明', '信息员', 'public-opinion', 'public opinion', 'sentiment', 'first-statement', 'statement', 'negativeShare'];

/** A plan file checked and loaded (with its includes). */
export function loadPlan(file: string): PlanDefinition {
  const result = checkPlan({ file });
  if (!result.ok || result.plan === undefined) throw new Error(`${file} does not load: ${result.diagnostics.map((d) => d.message).join('; ')}`);
  return result.plan;
}

/** A named table of a document. */
export function tableOf(document: PlanDocument, name: string): TableBlock {
  const table = document.blocks.find((b): b is TableBlock => b.kind === 'table' && b.name === name);
  if (table === undefined) throw new Error(`no table ${name}`);
  return table;
}

/** The texts of the headings of a level. */
export function headings(document: PlanDocument, level: 1 | 2 | 3): string[] {
  return document.blocks.flatMap((b) => (b.kind === 'heading' && b.level === level ? [b.text] : []));
}

/** Paragraphs and tables of a DOCX `word/document.xml`, in order, as plain text. */
export interface DocxContent {
  paragraphs: Array<{ style: string | undefined; text: string }>;
  tables: string[][][];
}

function decode(xml: string): string {
  return xml.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');
}

function paragraphText(xml: string): string {
  let text = '';
  for (const match of xml.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>|<w:br\/>/g)) text += match[1] === undefined ? '\n' : decode(match[1]);
  return text;
}

/**
 * Reads the body of a DOCX document.xml: top-level paragraphs with their style, and tables as rows of
 * cell texts (the paragraphs of a cell joined by newlines).
 */
export function readDocxXml(xml: string): DocxContent {
  const body = xml.slice(xml.indexOf('<w:body>'));
  const paragraphs: DocxContent['paragraphs'] = [];
  const tables: string[][][] = [];
  const outside = body.replace(/<w:tbl>[\s\S]*?<\/w:tbl>/g, (table) => {
    const rows = [...table.matchAll(/<w:tr>[\s\S]*?<\/w:tr>|<w:tr [\s\S]*?<\/w:tr>/g)].map((row) =>
      [...row[0].matchAll(/<w:tc>[\s\S]*?<\/w:tc>/g)].map((cell) => [...cell[0].matchAll(/<w:p>[\s\S]*?<\/w:p>|<w:p [\s\S]*?<\/w:p>/g)].map((p) => paragraphText(p[0])).join('\n')),
    );
    tables.push(rows);
    return '';
  });
  for (const match of outside.matchAll(/<w:p>[\s\S]*?<\/w:p>|<w:p [\s\S]*?<\/w:p>/g)) {
    const style = /<w:pStyle w:val="([^"]+)"\/>/.exec(match[0])?.[1];
    paragraphs.push({ style, text: paragraphText(match[0]) });
  }
  return { paragraphs, tables };
}
