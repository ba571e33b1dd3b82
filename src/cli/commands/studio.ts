import { spawn } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { STARTER_PATHS } from '../../index.js';
import { startStudio, type StudioServer } from '../../studio/studio-server.js';
import type { CliCommand } from '../command.js';
import { EXIT_OK, EXIT_USAGE } from '../exit-codes.js';

/** Opens `url` in the system browser (xdg-open, open or start); failures are only reported. */
function openBrowser(url: string, report: (line: string) => void): void {
  const [command, args] = process.platform === 'darwin' ? ['open', [url]] : process.platform === 'win32' ? ['cmd', ['/c', 'start', '""', url]] : ['xdg-open', [url]];
  try {
    const child = spawn(command, args, { stdio: 'ignore', detached: true });
    child.on('error', () => report(`could not start ${command}; open the URL yourself\n`));
    child.unref();
  } catch {
    report(`could not start ${command}; open the URL yourself\n`);
  }
}

/**
 * `planwright studio [plan.yaml] [--port N] [--open] [--drills <dir>]... [--roster <file>]...`:
 * the planner studio, a local web page to edit, check, see, drill and rehearse a plan.
 */
export const studioCommand: CliCommand = {
  name: 'studio',
  summary: 'open the plan in the planner studio: a local web page to edit, check, see, drill and rehearse it',
  usage: 'studio [plan.yaml] [--port N] [--open] [--drills <dir>]... [--roster <file>]...',
  description: [
    'Starts a web server on 127.0.0.1 (a free port unless --port) and prints its URL with a per-run token.',
    'The page edits the plan (and the files it includes) with checks as you type, draws the state and',
    'swimlane diagrams, shows the deadline matrix, runs and steps through drills, and rehearses incidents',
    'on a manual clock. Without a plan argument, the only *.plan.yaml of the current folder is opened;',
    `with none there, the page offers a starter plan (as "planwright init" writes it) that saving turns into ${STARTER_PATHS.plan}.`,
    'Files are read and written only inside the plan\'s folder, its drills/ folder and --drills folders.',
    'Drill files are the *.drill.yaml files in those folders; without --drills, examples/drills/<plan name>/',
    'of the current folder is used when it exists. Stop with Ctrl+C.',
  ].join('\n'),
  translations: {
    'zh-CN': {
      summary: '在预案工作台中打开预案：在本机网页中编辑、检查、查看、演练和推演',
      usage: 'studio [预案.yaml] [--port N] [--open] [--drills <文件夹>]... [--roster <文件>]...',
      description: [
        '在 127.0.0.1 上启动网页服务（未给 --port 时用空闲端口），并打印带本次运行令牌的网址。',
        '网页中可编辑预案（及其包含的文件）并随输入检查，绘制状态图和泳道图，显示时限矩阵，',
        '运行和逐步回放演练，并在手动时钟上推演事件。未给预案参数时，打开当前文件夹中唯一的 *.plan.yaml；',
        `若没有，网页中给出入门预案（与 planwright init 生成的相同），保存即新建 ${STARTER_PATHS.plan}。`,
        '只读写预案所在文件夹、其 drills/ 文件夹和 --drills 所给文件夹中的文件。',
        '演练文件是这些文件夹中的 *.drill.yaml；未给 --drills 时，若当前文件夹有 examples/drills/<预案名>/ 则使用它。',
        '按下 Ctrl 和 C 两键停止。',
      ].join('\n'),
      optionHelp: [
        ['--port <N>', '监听这个端口（默认：空闲端口）'],
        ['--open', '在系统浏览器中打开网页'],
        ['--drills <文件夹>', '另一个演练文件夹（可重复），例如 examples/drills/<预案标识>'],
        ['--roster <文件>', '推演时从中选择人员的值班名册文件（可重复）'],
      ],
    },
  },
  options: {
    port: { type: 'string' },
    open: { type: 'boolean' },
    drills: { type: 'string', multiple: true },
    roster: { type: 'string', multiple: true },
  },
  optionHelp: [
    ['--port <N>', 'listen on this port (default: a free one)'],
    ['--open', 'open the page in the system browser'],
    ['--drills <dir>', 'another folder of drill files (repeatable), e.g. examples/drills/<plan-id>'],
    ['--roster <file>', 'a roster file to pick acting people from in rehearsals (repeatable)'],
  ],
  async run(context) {
    const { io, positionals, values, cwd } = context;
    const fail = (message: string): number => {
      io.stderr(`planwright studio: ${message}\nRun "planwright studio --help" for its options.\n`);
      return EXIT_USAGE;
    };
    if (positionals.length > 1) return fail('give at most one plan file');
    let planFile = positionals[0];
    if (planFile === undefined) {
      const candidates = readdirSync(cwd).filter((name) => name.endsWith('.plan.yaml'));
      if (candidates.length > 1) return fail(`several plans here (${candidates.join(', ')}); give one`);
      // None: the page offers the starter plan (as planwright init writes it) to save as the new plan.
      planFile = candidates[0];
    }
    let port = 0;
    if (values['port'] !== undefined) {
      port = Number(values['port']);
      if (!Number.isInteger(port) || port < 0 || port > 65535) return fail(`--port must be a port number, not "${String(values['port'])}"`);
    }
    const list = (value: unknown): string[] => (Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : []);
    const drillFolders = list(values['drills']);
    // The project convention (examples/drills/<plan>/ under the current folder) is granted when no --drills is given.
    const conventional = join('examples', 'drills', basename(planFile ?? STARTER_PATHS.plan).replace(/\.plan\.(ya?ml|json)$/, ''));
    if (drillFolders.length === 0 && existsSync(resolve(cwd, conventional))) drillFolders.push(conventional);
    let studio: StudioServer;
    try {
      studio = await startStudio({ ...(planFile === undefined ? { starterLocale: context.locale === 'zh-CN' ? 'zh-CN' : 'en' } : { planFile }), port, cwd, drillFolders, rosterFiles: list(values['roster']) });
    } catch (error) {
      return fail(error instanceof Error ? error.message : String(error));
    }
    const zh = context.locale === 'zh-CN';
    const opened =
      planFile !== undefined
        ? planFile
        : zh
          ? `此文件夹中没有 *.plan.yaml；网页中给出入门预案，保存即新建 ${STARTER_PATHS.plan}`
          : `no *.plan.yaml here; the page offers a starter plan, and saving it creates ${STARTER_PATHS.plan}`;
    io.stdout(`planwright studio: ${opened}${drillFolders.length > 0 ? ` (drills: ${drillFolders.join(', ')})` : ''}\n  ${studio.url}\n${zh ? '按下 Ctrl 和 C 两键停止。' : 'Press Ctrl+C to stop.'}\n`);
    if (values['open'] === true) openBrowser(studio.url, (line) => io.stderr(line));
    await new Promise<void>((resolve) => {
      const stop = (): void => {
        process.off('SIGINT', stop);
        process.off('SIGTERM', stop);
        void studio.close().then(resolve);
      };
      process.on('SIGINT', stop);
      process.on('SIGTERM', stop);
    });
    io.stdout('planwright studio: stopped\n');
    return EXIT_OK;
  },
};
