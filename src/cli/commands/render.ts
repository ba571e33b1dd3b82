import { mkdirSync, writeFileSync } from 'node:fs';
import { basename, dirname, extname, join, relative, resolve, sep } from 'node:path';
import { type Diagnostic, toJsonDiagnostic } from '../../index.js';
import { BrowserNotFoundError, documentDocx, documentHtml, documentMarkdown, planDocument, printPdf } from '../../render/index.js';
import { checkPlanArgument } from '../check-plan-argument.js';
import type { CliCommand } from '../command.js';
import { formatDiagnosticsText } from '../diagnostic-output.js';
import { EXIT_FAILED, EXIT_OK, EXIT_USAGE } from '../exit-codes.js';

const FORMATS = ['html', 'md', 'docx', 'pdf'] as const;
type RenderFormat = (typeof FORMATS)[number];
/** Formats that are binary and so need `-o`. */
const BINARY: ReadonlySet<RenderFormat> = new Set(['docx', 'pdf']);

interface WrittenFile {
  file: string;
  bytes: number;
}

/** `planwright render <plan> --format html|md|docx|pdf`: the plan as the document a public body files. */
export const renderCommand: CliCommand = {
  name: 'render',
  summary: 'write a plan as the document that is approved and filed (HTML, Markdown, DOCX or PDF)',
  usage: 'render <plan> [--format html|md|docx|pdf] [-o <file>] [--locale zh-CN|en] [--json]',
  description: [
    'Writes the plan file as a document, so the executable plan and the filed text cannot disagree:',
    'purpose and scope, organisation and duties, severity levels, triggers and impacts, the response',
    'procedure (state diagram, swimlane, who may do what in each stage), time limits by level,',
    'resources, announcement templates, evaluation, training and drills.',
    'Headings in the --locale given, else the plan\'s first locale. html and md print to stdout without -o;',
    'md with -o writes the diagrams as SVG files beside it. docx and pdf need -o. pdf prints the HTML',
    'in headless Chromium (set PLANWRIGHT_CHROMIUM to choose the browser).',
    'Exit code: 0 written, 1 the plan has errors, 2 bad arguments, a file that cannot be read or written, or no browser for pdf.',
  ].join('\n'),
  options: {
    format: { type: 'string' },
    output: { type: 'string', short: 'o' },
  },
  optionHelp: [
    ['--format <html|md|docx|pdf>', 'document format (default html)'],
    ['-o, --output <file>', 'where to write it (required for docx and pdf)'],
  ],
  translations: {
    'zh-CN': {
      summary: '将预案输出为报批、备案用的预案文本（HTML、Markdown、DOCX 或 PDF）',
      usage: 'render <预案文件> [--format html|md|docx|pdf] [-o <文件>] [--locale zh-CN|en] [--json]',
      description: [
        '根据预案文件生成预案文本，可执行预案与备案文本始终一致：总则、组织体系与职责、分级标准、',
        '风险分析与影响评估、应急响应程序（状态图、泳道图、各阶段谁可以做什么）、各级别时限要求、',
        '物资与资源保障、信息发布模板、评估与改进、培训与演练。',
        '标题语言取 --locale，未给出时取预案的第一种语言。html 与 md 未给 -o 时输出到标准输出；',
        'md 给出 -o 时图以 SVG 文件写在旁边。docx 与 pdf 必须给出 -o。pdf 由无界面 Chromium 打印 HTML 生成',
        '（可用环境变量 PLANWRIGHT_CHROMIUM 指定浏览器）。',
        '退出码：0 已写出，1 预案有错误，2 参数错误、文件无法读写，或生成 pdf 时找不到浏览器。',
      ].join('\n'),
      optionHelp: [
        ['--format <html|md|docx|pdf>', '文本格式（默认 html）'],
        ['-o, --output <文件>', '输出文件（docx 与 pdf 必须给出）'],
      ],
    },
  },
  async run(context) {
    const { io, positionals, values } = context;
    const fail = (message: string): number => {
      io.stderr(`planwright render: ${message}\nRun "planwright render --help" for its options.\n`);
      return EXIT_USAGE;
    };
    if (positionals.length !== 1) return fail('give exactly one plan file, e.g. planwright render plans/my.plan.yaml --format docx -o my-plan.docx');
    const format = values['format'] ?? 'html';
    if (typeof format !== 'string' || !(FORMATS as readonly string[]).includes(format)) return fail(`unknown format "${String(format)}"; use ${FORMATS.join(', ')}`);
    const output = values['output'];
    if (output !== undefined && (typeof output !== 'string' || output === '')) return fail('-o needs a file name');
    if (output === undefined && BINARY.has(format as RenderFormat)) return fail(`--format ${format} writes a binary file: give it with -o, e.g. -o plan.${format}`);
    const json = values['json'] === true;

    const checked = checkPlanArgument(context, positionals[0] as string);
    const { result } = checked;
    const report = (ok: boolean, diagnostics: readonly Diagnostic[], extra: Record<string, unknown> = {}): void => {
      io.stdout(`${JSON.stringify({ ok, format, ...extra, diagnostics: diagnostics.map(toJsonDiagnostic) }, null, 2)}\n`);
    };
    if (!result.ok || result.plan === undefined) {
      if (json) report(false, result.diagnostics);
      else io.stderr(formatDiagnosticsText(result.diagnostics, { sources: result.sources, frames: io.isTTY === true, color: io.isTTY === true }));
      return checked.readable ? EXIT_FAILED : EXIT_USAGE;
    }
    const requested = typeof values['locale'] === 'string' ? values['locale'] : undefined;
    const document = planDocument(result.plan, { ...(requested === undefined ? {} : { locale: requested }), file: basename(checked.file) });
    const target = output === undefined ? undefined : resolve(context.cwd, output);
    const written: WrittenFile[] = [];
    const write = (file: string, content: string | Uint8Array): void => {
      mkdirSync(dirname(file), { recursive: true });
      writeFileSync(file, content);
      written.push({ file: relative(context.cwd, file).split(sep).join('/'), bytes: typeof content === 'string' ? Buffer.byteLength(content) : content.byteLength });
    };

    let text: string | undefined;
    try {
      switch (format as RenderFormat) {
        case 'html':
          text = documentHtml(document);
          break;
        case 'md': {
          const prefix = target === undefined ? undefined : basename(target, extname(target));
          const { markdown, assets } = documentMarkdown(document, prefix === undefined ? {} : { assetPrefix: prefix });
          text = markdown;
          if (target !== undefined) for (const asset of assets) write(join(dirname(target), asset.name), asset.content);
          break;
        }
        case 'docx':
          // documentDocx loads the DOCX writer (the docx package, a native PNG renderer) on its first call.
          write(target as string, await documentDocx(document));
          break;
        case 'pdf':
          write(target as string, await printPdf(documentHtml(document)));
          break;
      }
      if (text !== undefined && target !== undefined) write(target, text);
    } catch (error) {
      if (error instanceof BrowserNotFoundError) return fail(error.message);
      const message = error instanceof Error ? error.message : String(error);
      if ((error as NodeJS.ErrnoException).code !== undefined) return fail(`cannot write ${output ?? ''}: ${message}`);
      throw error;
    }

    const files = written.map((w) => ({ file: w.file, bytes: w.bytes }));
    if (json) report(true, result.diagnostics, { locale: document.locale, files, ...(target === undefined ? { content: text } : {}) });
    else if (target === undefined) io.stdout(text ?? '');
    else for (const w of written) io.stdout(`${w.file}: ${w.bytes} bytes (${document.title}, ${format}, ${document.locale})\n`);
    return EXIT_OK;
  },
};
