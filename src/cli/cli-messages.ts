import type { MessageTable } from '../index.js';

/**
 * What the `planwright` binary itself prints: program help, help headings, argument errors and
 * the summary lines of the commands. Command help texts live with each command (`translations`).
 */
export const CLI_MESSAGES = {
  usageHeading: { en: 'Usage:', 'zh-CN': '用法：' },
  optionsHeading: { en: 'Options:', 'zh-CN': '选项：' },
  commandsHeading: { en: 'Commands:', 'zh-CN': '命令：' },
  programUsage: { en: 'planwright <command> [options]', 'zh-CN': 'planwright <命令> [选项]' },
  programTagline: { en: 'Emergency response plans as executable software.', 'zh-CN': '把应急预案变成可执行的软件。' },
  programMore: {
    en: 'Run "planwright <command> --help" for a command\'s options.',
    'zh-CN': '运行“planwright <命令> --help”查看某个命令的选项。',
  },
  programStdin: {
    en: 'A plan argument - reads the plan from standard input.',
    'zh-CN': '预案参数写 - 时，从标准输入读取预案。',
  },
  exitCodes: {
    en: 'Exit codes: 0 done, 1 problems found, 2 could not run as asked.',
    'zh-CN': '退出码：0 完成，1 发现问题，2 无法按要求运行。',
  },
  optionJson: { en: 'print one JSON document on stdout instead of text', 'zh-CN': '在标准输出打印一个 JSON 文档，而不是文字' },
  optionLocaleName: { en: '--locale <en|zh-CN>', 'zh-CN': '--locale <en|zh-CN>' },
  optionLocale: {
    en: "language of the messages (default: the plan's first locale, else LANG, else en)",
    'zh-CN': '消息的语言（默认：预案的第一个语言，其次是环境变量 LANG，再次为 en）',
  },
  optionHelp: { en: 'show this help', 'zh-CN': '显示本帮助' },
  unknownCommand: {
    en: (p: { name: string; hint: string }) => `planwright: unknown command "${p.name}".${p.hint} Run "planwright --help" for the list.`,
    'zh-CN': (p: { name: string; hint: string }) => `planwright：未知命令“${p.name}”。${p.hint}运行“planwright --help”查看命令列表。`,
  },
  didYouMeanCommand: {
    en: (p: { name: string }) => ` Did you mean "${p.name}"?`,
    'zh-CN': (p: { name: string }) => `是否想输入“${p.name}”？`,
  },
  badArguments: {
    en: (p: { command: string; reason: string }) => `planwright ${p.command}: ${p.reason}`,
    'zh-CN': (p: { command: string; reason: string }) => `planwright ${p.command}：${p.reason}`,
  },
  seeCommandHelp: {
    en: (p: { command: string }) => `Run "planwright ${p.command} --help" for its options.`,
    'zh-CN': (p: { command: string }) => `运行“planwright ${p.command} --help”查看它的选项。`,
  },
  unknownOption: {
    en: (p: { option: string }) => `unknown option "${p.option}"`,
    'zh-CN': (p: { option: string }) => `未知选项“${p.option}”`,
  },
  optionNeedsValue: {
    en: (p: { option: string }) => `option "${p.option}" needs a value`,
    'zh-CN': (p: { option: string }) => `选项“${p.option}”需要一个值`,
  },
  optionTakesNoValue: {
    en: (p: { option: string }) => `option "${p.option}" takes no value`,
    'zh-CN': (p: { option: string }) => `选项“${p.option}”不接受值`,
  },
  unknownLocale: {
    en: (p: { locale: string; locales: string }) => `unknown locale "${p.locale}"; use ${p.locales}.`,
    'zh-CN': (p: { locale: string; locales: string }) => `未知的语言“${p.locale}”；请用 ${p.locales}。`,
  },
  unexpectedFailure: {
    en: (p: { command: string; detail: string }) => `planwright ${p.command}: unexpected failure, please report it:\n${p.detail}`,
    'zh-CN': (p: { command: string; detail: string }) => `planwright ${p.command}：意外故障，请报告：\n${p.detail}`,
  },
  summaryLine: {
    en: (p: { errors: number; warnings: number }) =>
      `Found ${p.errors} error${p.errors === 1 ? '' : 's'} and ${p.warnings} warning${p.warnings === 1 ? '' : 's'}.`,
    'zh-CN': (p: { errors: number; warnings: number }) => `发现 ${p.errors} 个错误、${p.warnings} 个警告。`,
  },
  planValid: {
    en: (p: { file: string; id: string; version: string }) => `${p.file}: valid (plan ${p.id} ${p.version})`,
    'zh-CN': (p: { file: string; id: string; version: string }) => `${p.file}：有效（预案 ${p.id} ${p.version}）`,
  },
  planNoProblems: {
    en: (p: { file: string; id: string; version: string; rules: number }) => `${p.file}: no problems (plan ${p.id} ${p.version}, ${p.rules} rules)`,
    'zh-CN': (p: { file: string; id: string; version: string; rules: number }) => `${p.file}：未发现问题（预案 ${p.id} ${p.version}，${p.rules} 条规则）`,
  },
  validateNeedsPlan: {
    en: 'give the plan file to check, e.g. planwright validate plans/my.plan.yaml',
    'zh-CN': '请给出要检查的预案文件，例如 planwright validate plans/my.plan.yaml',
  },
  lintNeedsPlan: {
    en: 'give the plan file to lint, e.g. planwright lint plans/my.plan.yaml',
    'zh-CN': '请给出要分析的预案文件，例如 planwright lint plans/my.plan.yaml',
  },
  needOnePlanFile: {
    en: (p: { command: string }) => `give exactly one plan file, e.g. planwright ${p.command} plans/my.plan.yaml`,
    'zh-CN': (p: { command: string }) => `请给出且只给出一个预案文件，例如 planwright ${p.command} plans/my.plan.yaml`,
  },
  unknownFormat: {
    en: (p: { format: string; formats: string }) => `unknown format "${p.format}"; use ${p.formats}`,
    'zh-CN': (p: { format: string; formats: string }) => `未知格式“${p.format}”；请用 ${p.formats}`,
  },
  unknownView: {
    en: (p: { view: string; views: string }) => `unknown view "${p.view}"; use ${p.views}`,
    'zh-CN': (p: { view: string; views: string }) => `未知视图“${p.view}”；请用 ${p.views}`,
  },
  jsonContradictsFormat: {
    en: (p: { format: string }) => `--json and --format ${p.format} contradict each other`,
    'zh-CN': (p: { format: string }) => `--json 与 --format ${p.format} 互相矛盾`,
  },
  compileProblem: {
    en: (p: { file: string; code: string; path: string; message: string }) => `${p.file}: error ${p.code} ${p.path}: ${p.message}`,
    'zh-CN': (p: { file: string; code: string; path: string; message: string }) => `${p.file}：错误 ${p.code} ${p.path}：${p.message}`,
  },
  cannotWrite: {
    en: (p: { target: string; reason: string }) => `cannot write ${p.target}: ${p.reason}`,
    'zh-CN': (p: { target: string; reason: string }) => `无法写入 ${p.target}：${p.reason}`,
  },
  bundleNeedsArguments: {
    en: 'give one plan and the output file, e.g. planwright bundle plans/my.plan.yaml -o my-plan.json',
    'zh-CN': '请给出一个预案和输出文件，例如 planwright bundle plans/my.plan.yaml -o my-plan.json',
  },
  bundleWritten: {
    en: (p: { file: string; id: string; version: string; hash: string }) => `${p.file}: bundle of plan ${p.id} ${p.version} (sha256 ${p.hash}…)`,
    'zh-CN': (p: { file: string; id: string; version: string; hash: string }) => `${p.file}：预案 ${p.id} ${p.version} 的打包文件（sha256 ${p.hash}…）`,
  },
  typesNeedsArguments: {
    en: 'give one plan or bundle and the output file, e.g. planwright types plans/my.plan.yaml -o plan-types.d.ts',
    'zh-CN': '请给出一个预案或打包文件，以及输出文件，例如 planwright types plans/my.plan.yaml -o plan-types.d.ts',
  },
  typesBadName: {
    en: (p: { name: string }) => `--name "${p.name}" is not a TypeScript type name (letters, digits, _ and $, not starting with a digit, not a reserved word)`,
    'zh-CN': (p: { name: string }) => `--name “${p.name}”不能用作类型名（只能用字母、数字、下划线和美元符号，不能以数字开头，也不能是保留字）`,
  },
  typesBadBundle: {
    en: (p: { file: string; code: string; message: string }) => `${p.file}: error ${p.code}: ${p.message}`,
    'zh-CN': (p: { file: string; code: string; message: string }) => `${p.file}：错误 ${p.code}：${p.message}`,
  },
  typesWritten: {
    en: (p: { file: string; id: string; version: string; name: string }) => `${p.file}: types of plan ${p.id} ${p.version} (interface ${p.name})`,
    'zh-CN': (p: { file: string; id: string; version: string; name: string }) => `${p.file}：预案 ${p.id} ${p.version} 的类型（接口 ${p.name}）`,
  },
  drillNeedsArguments: {
    en: 'give the plan and at least one scenario, e.g. planwright drill plans/my.plan.yaml drills/*.drill.yaml',
    'zh-CN': '请给出预案和至少一个演练文件，例如 planwright drill plans/my.plan.yaml drills/*.drill.yaml',
  },
  reportNeedsFolder: { en: '--report needs a folder', 'zh-CN': '--report 需要一个文件夹' },
  cannotWriteReports: {
    en: (p: { dir: string; reason: string }) => `cannot write reports to ${p.dir}: ${p.reason}`,
    'zh-CN': (p: { dir: string; reason: string }) => `无法把报告写入 ${p.dir}：${p.reason}`,
  },
  drillPlanLine: {
    en: (p: { id: string; version: string }) => `plan ${p.id} ${p.version}`,
    'zh-CN': (p: { id: string; version: string }) => `预案 ${p.id} ${p.version}`,
  },
  reportsWritten: {
    en: (p: { dir: string; count: number }) => `reports: ${p.dir}/index.html (${p.count} files)`,
    'zh-CN': (p: { dir: string; count: number }) => `报告：${p.dir}/index.html（${p.count} 个文件）`,
  },
  evaluateNeedsArguments: {
    en: 'give the plan and incidents, e.g. planwright evaluate plans/my.plan.yaml reports/',
    'zh-CN': '请给出预案和事件，例如 planwright evaluate plans/my.plan.yaml reports/',
  },
  cannotRead: {
    en: (p: { input: string; reason: string }) => `cannot read ${p.input}: ${p.reason}`,
    'zh-CN': (p: { input: string; reason: string }) => `无法读取 ${p.input}：${p.reason}`,
  },
  notJson: {
    en: (p: { file: string; reason: string }) => `${p.file} is not JSON: ${p.reason}`,
    'zh-CN': (p: { file: string; reason: string }) => `${p.file} 不是 JSON：${p.reason}`,
  },
  holdsNoIncidents: {
    en: (p: { file: string; reason: string }) => `${p.file} does not hold incidents: ${p.reason}`,
    'zh-CN': (p: { file: string; reason: string }) => `${p.file} 中没有事件记录：${p.reason}`,
  },
  noIncidents: {
    en: (p: { inputs: string }) => `no incidents found in ${p.inputs}`,
    'zh-CN': (p: { inputs: string }) => `在 ${p.inputs} 中没有找到事件记录`,
  },
  skippedFiles: {
    en: (p: { count: number }) => `skipped ${p.count} file(s) that hold no incidents`,
    'zh-CN': (p: { count: number }) => `跳过了 ${p.count} 个不含事件记录的文件`,
  },
  readinessNeedsRoster: { en: 'give the roster with --roster <file>', 'zh-CN': '请用 --roster <文件> 给出人员名册' },
  readinessNeedsPlan: {
    en: 'give exactly one plan file, e.g. planwright readiness plans/my.plan.yaml --roster roster.yaml',
    'zh-CN': '请给出且只给出一个预案文件，例如 planwright readiness plans/my.plan.yaml --roster roster.yaml',
  },
  readinessRoles: {
    en: (p: { staffed: number; total: number }) => `roles ${p.staffed}/${p.total} staffed`,
    'zh-CN': (p: { staffed: number; total: number }) => `角色 ${p.staffed}/${p.total} 有人担任`,
  },
  readinessPositions: {
    en: (p: { backedUp: number; total: number }) => `positions ${p.backedUp}/${p.total} backed up`,
    'zh-CN': (p: { backedUp: number; total: number }) => `岗位 ${p.backedUp}/${p.total} 有替补`,
  },
  readinessResourcesUnchecked: { en: 'resources not checked (no --inventory)', 'zh-CN': '未检查资源（未给出 --inventory）' },
  readinessResources: {
    en: (p: { available: number; total: number }) => `resources ${p.available}/${p.total} available`,
    'zh-CN': (p: { available: number; total: number }) => `资源 ${p.available}/${p.total} 可用`,
  },
  readinessSeparator: { en: ', ', 'zh-CN': '，' },
  readinessVerdict: {
    en: (p: { file: string; ready: string; id: string; version: string; summary: string }) => `${p.file}: ${p.ready} (plan ${p.id} ${p.version}): ${p.summary}`,
    'zh-CN': (p: { file: string; ready: string; id: string; version: string; summary: string }) => `${p.file}：${p.ready}（预案 ${p.id} ${p.version}）：${p.summary}`,
  },
  ready: { en: 'ready', 'zh-CN': '已就绪' },
  notReady: { en: 'NOT ready', 'zh-CN': '未就绪' },
} as const satisfies MessageTable;
