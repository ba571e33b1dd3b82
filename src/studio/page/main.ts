import { autocompletion, type CompletionContext, type CompletionResult } from '@codemirror/autocomplete';
import { yaml, yamlLanguage } from '@codemirror/lang-yaml';
import { lintGutter, setDiagnostics, type Diagnostic as CmDiagnostic } from '@codemirror/lint';
import { Compartment, EditorSelection, EditorState, type Extension } from '@codemirror/state';
import { EditorView, keymap } from '@codemirror/view';
import { basicSetup } from 'codemirror';
import type { PlanAnalysis, StudioDiagnostic } from '../analyze-plan.js';
import type { IdCompletionResult } from '../complete-ids.js';
import type { DrillRunSummary, DrillRunView } from '../drill-runs.js';
import type { OfferedEvent, RehearsalView } from '../rehearsal.js';
import { drawDiagram, type DiagramView } from './diagram.js';
import { durationText, entryWord, word, type UiLocale, type WordKey } from './i18n.js';
import type { PlanSchema, SchemaSupport } from './schema-support.js';
import { appendAll, setChildren } from './set-children.js';

interface FileState {
  path: string;
  state: EditorState;
  /** Version of the text on disk this buffer started from; `null` for a file not yet on disk. */
  version: string | null;
  savedText: string;
}

interface Session {
  planFile: string;
  files: Array<{ path: string; text: string; version: string | null }>;
  /** The starter plan in each language, when the folder had no plan (the plan file is not on disk yet). */
  starter?: Record<UiLocale, string>;
  drills: string[];
  rosters: Array<{ file: string; people: Array<{ id: string; name?: string; roles: string[] }> }>;
  locales: string[];
  /** The language of the first view: the plan's first locale when the studio speaks it, else `en`. */
  locale: UiLocale;
  /** The check of `files` in `locale`, worked out by the server before the page asked. */
  analysis: PlanAnalysis;
}

const token = new URLSearchParams(location.search).get('token') ?? '';
const byId = <T extends HTMLElement>(id: string): T => document.getElementById(id) as T;

let locale: UiLocale = 'en';
let session: Session;
const files = new Map<string, FileState>();
let current = '';
let view: EditorView;
let analysis: PlanAnalysis | undefined;
let lastGood: PlanAnalysis | undefined;
let diagramView: DiagramView = 'state';
let checkTimer: ReturnType<typeof setTimeout> | undefined;
let checkSerial = 0;
let drillRun: DrillRunSummary | undefined;
let selectedDrill: DrillRunView | undefined;
let rehearsal: RehearsalView | undefined;

/** Calls the studio API with the run's token; throws the server's JSON error as an Error with `code`. */
function api<T>(route: string, body?: unknown): Promise<T> {
  return answer<T>(
    fetch(`/api/${route}`, {
      method: body === undefined ? 'GET' : 'POST',
      headers: { 'x-studio-token': token, 'content-type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    }),
  );
}

/** The JSON of an API response; the server's JSON error as an Error with `code`, `status` and `body`. */
async function answer<T>(request: Promise<Response>): Promise<T> {
  const response = await request;
  const json = (await response.json()) as T & { error?: { code: string; message: string } };
  if (!response.ok) {
    const error = new Error(json.error?.message ?? response.statusText) as Error & { code?: string; status?: number; body?: unknown };
    error.code = json.error?.code ?? 'error';
    error.status = response.status;
    error.body = json;
    throw error;
  }
  return json;
}

const t = (key: WordKey): string => word(locale, key);

function setStatus(text: string): void {
  byId('status').textContent = text;
}

function translatePage(): void {
  document.documentElement.lang = locale;
  for (const element of document.querySelectorAll<HTMLElement>('[data-word]')) element.textContent = t(element.dataset['word'] as WordKey);
}

/** Every buffer's text, for checks: the page's texts win over the files on disk. */
function texts(): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [path, file] of files) out[path] = path === current ? view.state.doc.toString() : file.state.doc.toString();
  return out;
}

function textOf(path: string): string {
  return path === current ? view.state.doc.toString() : (files.get(path)?.state.doc.toString() ?? '');
}

// ---------------------------------------------------------------- editor

async function idCompletions(context: CompletionContext): Promise<CompletionResult | null> {
  const word = context.matchBefore(/[A-Za-z0-9_.\-]*/);
  if (word === null) return null;
  // No ids in a comment: asking would cost the server a parse of the whole text for nothing.
  const line = context.state.doc.lineAt(context.pos);
  if (/(^|\s)#/.test(line.text.slice(0, context.pos - line.from))) return null;
  if (word.from === word.to && !context.explicit) {
    const before = context.state.sliceDoc(Math.max(0, context.pos - 2), context.pos);
    if (!/[[,]\s?$|:\s$|-\s$/.test(before)) return null;
  }
  let result: IdCompletionResult;
  try {
    result = await api<IdCompletionResult>('complete', { text: context.state.doc.toString(), offset: context.pos, locale });
  } catch {
    return null;
  }
  if (result.options.length === 0) return null;
  return {
    from: result.from,
    options: result.options.map((option) => ({ label: option.label, detail: option.detail, type: option.kind === 'stage' ? 'class' : 'variable', boost: 10 })),
    validFor: /^[A-Za-z0-9_.\-]*$/,
  };
}

/** Schema completion and hover, once their chunk is loaded (after the first view); until then the editor has neither. */
let schema: SchemaSupport | undefined;
/** Holds the schema's editor extensions in every file's editor state: empty until they are loaded. */
const schemaCompartment = new Compartment();

/** Keys and values from the shipped schema (codemirror-json-schema), as a CodeMirror completion source. */
function schemaCompletions(context: CompletionContext): CompletionResult | null {
  if (schema === undefined) return null;
  // The schema walk is the costly part of a keystroke: while typing, run it only where a key is
  // being started (indentation, an optional "- ", letters); Ctrl+Space runs it anywhere.
  const line = context.state.doc.lineAt(context.pos);
  if (!context.explicit && !/^\s*(-\s+)?[A-Za-z_$]*$/.test(line.text.slice(0, context.pos - line.from))) return null;
  return schema.complete(context);
}

/** Loads schema completion and hover (a chunk of its own, and the schema) and gives them to every open editor. */
async function loadSchemaSupport(): Promise<void> {
  const [module, planSchema] = await Promise.all([import('./schema-support.js'), api<PlanSchema>('schema')]);
  const support = module.schemaSupport(planSchema);
  schema = support;
  const effects = schemaCompartment.reconfigure(support.extensions);
  for (const [path, file] of files) if (path !== current) file.state = file.state.update({ effects }).state;
  view.dispatch({ effects });
  document.body.dataset['schema'] = 'ready';
}

function extensions(): Extension[] {
  return [
    basicSetup,
    yaml(),
    lintGutter(),
    autocompletion({ activateOnTyping: true, override: [idCompletions, schemaCompletions] }),
    yamlLanguage.data.of({}),
    schemaCompartment.of(schema?.extensions ?? []),
    keymap.of([
      {
        key: 'Mod-s',
        preventDefault: true,
        run: () => {
          void save(current);
          return true;
        },
      },
    ]),
    EditorView.updateListener.of((update) => {
      if (update.selectionSet || update.docChanged) showCursor(update.state);
      if (update.docChanged) {
        markDirty();
        scheduleCheck();
      }
    }),
  ];
}

/** Shows where the cursor is (file:line:column) under the editor. */
function showCursor(state: EditorState): void {
  const head = state.selection.main.head;
  const line = state.doc.lineAt(head);
  const element = byId('cursor');
  element.textContent = `${current}:${line.number}:${head - line.from + 1}`;
  element.dataset['line'] = String(line.number);
  element.dataset['column'] = String(head - line.from + 1);
  element.dataset['file'] = current;
}

function newState(text: string): EditorState {
  return EditorState.create({ doc: text, extensions: extensions() });
}

function renderFileTabs(): void {
  const nav = byId('file-tabs');
  setChildren(nav, [
    ...[...files.keys()].map((path) => {
      const button = document.createElement('button');
      button.type = 'button';
      button.textContent = path;
      button.dataset['file'] = path;
      button.dataset['version'] = files.get(path)?.version ?? '';
      button.setAttribute('role', 'tab');
      button.setAttribute('aria-selected', String(path === current));
      if (isDirty(path)) button.classList.add('dirty');
      button.addEventListener('click', () => switchTo(path));
      return button;
    }),
  ]);
}

/** Whether a buffer differs from the text last loaded or saved (lengths first: no copy of a long text while they differ). */
function isDirty(path: string): boolean {
  const file = files.get(path);
  if (file === undefined) return false;
  const doc = path === current ? view.state.doc : file.state.doc;
  return doc.length !== file.savedText.length || doc.toString() !== file.savedText;
}

function markDirty(): void {
  renderFileTabs();
}

function switchTo(path: string): void {
  if (path === current || !files.has(path)) return;
  const old = files.get(current);
  if (old !== undefined) old.state = view.state;
  current = path;
  view.setState(files.get(path)!.state);
  showCursor(view.state);
  applyDiagnostics();
  renderFileTabs();
}

/** Moves the cursor to 1-based line:column of a file, opening its tab. */
function goTo(path: string, line: number, column: number): void {
  if (!files.has(path)) return;
  switchTo(path);
  const doc = view.state.doc;
  const lineInfo = doc.line(Math.max(1, Math.min(line, doc.lines)));
  const pos = Math.min(lineInfo.from + Math.max(0, column - 1), lineInfo.to);
  view.dispatch({ selection: EditorSelection.cursor(pos), effects: EditorView.scrollIntoView(pos, { y: 'center' }) });
  view.focus();
}

// ---------------------------------------------------------------- checks

/**
 * Quiet time after a keystroke before the plan is checked. Short, because checks never pile up:
 * while one is on the server, edits only mark the texts as changed, and one check of the latest
 * texts follows when it returns. A burst of typing costs one check per round trip.
 */
const CHECK_DEBOUNCE_MS = 30;
/** A check is on the server. */
let checking = false;
/** The texts changed since the check on the server was sent: check again when it returns. */
let checkAgain = false;
/** Settles when no check is on the server and none is due. */
let checksIdle: Promise<void> = Promise.resolve();

function scheduleCheck(): void {
  if (checkTimer !== undefined) clearTimeout(checkTimer);
  checkTimer = setTimeout(() => {
    checkTimer = undefined;
    void check();
  }, CHECK_DEBOUNCE_MS);
}

/** Checks the current texts, or, while a check is on the server, once more when it returns; settles when the page shows the latest texts' check. */
function check(): Promise<void> {
  checkAgain = true;
  if (!checking) checksIdle = runChecks();
  return checksIdle;
}

async function runChecks(): Promise<void> {
  checking = true;
  try {
    while (checkAgain) {
      checkAgain = false;
      await checkOnce();
    }
  } finally {
    checking = false;
  }
}

async function checkOnce(): Promise<void> {
  const serial = ++checkSerial;
  setStatus(t('checking'));
  let result: PlanAnalysis;
  try {
    result = await api<PlanAnalysis>('check', { texts: texts(), locale });
  } catch (error) {
    setStatus((error as Error).message);
    return;
  }
  if (serial !== checkSerial) return;
  showCheck(result, serial);
}

/** Shows a check's result: markers, Problems list, diagram and deadline matrix; `serial` numbers the checks shown. */
function showCheck(result: PlanAnalysis, serial: number): void {
  analysis = result;
  if (result.graph !== undefined) lastGood = result;
  for (const name of result.files) if (!files.has(name)) void openFile(name);
  applyDiagnostics();
  renderProblems();
  renderDiagram();
  renderMatrix();
  setStatus(`${result.diagnostics.length === 0 ? t('noProblems') : `${result.diagnostics.length} ${t('problems')}`} · ${result.durationMs} ms`);
  document.body.dataset['checked'] = String(serial);
}

function offsetOf(doc: EditorState['doc'], line: number, column: number): number {
  const info = doc.line(Math.max(1, Math.min(line, doc.lines)));
  return Math.min(info.from + Math.max(0, column - 1), info.to);
}

function applyDiagnostics(): void {
  if (analysis === undefined) return;
  const doc = view.state.doc;
  const marks: CmDiagnostic[] = [];
  for (const d of analysis.diagnostics) {
    if (d.file !== current) continue;
    const start = d.range === undefined ? 0 : offsetOf(doc, d.range.start.line, d.range.start.column);
    let end = d.range === undefined ? Math.min(doc.length, 1) : offsetOf(doc, d.range.end.line, d.range.end.column);
    if (end <= start) end = Math.min(doc.length, start + 1);
    marks.push({ from: start, to: end, severity: d.severity === 'error' ? 'error' : d.severity === 'warning' ? 'warning' : 'info', message: `${d.message} [${d.code}]`, source: d.code });
  }
  view.dispatch(setDiagnostics(view.state, marks));
}

function renderProblems(): void {
  const list = byId('problems');
  const diagnostics = analysis?.diagnostics ?? [];
  byId('problem-count').textContent = `(${diagnostics.length})`;
  if (diagnostics.length === 0) {
    const li = document.createElement('li');
    li.textContent = t('noProblems');
    li.className = 'empty';
    list.replaceChildren(li);
    return;
  }
  setChildren(list, [
    ...diagnostics.map((d: StudioDiagnostic) => {
      const li = document.createElement('li');
      li.dataset['code'] = d.code;
      li.dataset['file'] = d.file;
      const line = d.range?.start.line ?? 1;
      const column = d.range?.start.column ?? 1;
      li.dataset['line'] = String(line);
      li.dataset['column'] = String(column);
      const sev = document.createElement('span');
      sev.className = `sev sev-${d.severity}`;
      sev.textContent = d.severity;
      const where = document.createElement('span');
      where.className = 'where';
      where.textContent = `${d.file}:${line}:${column}`;
      const code = document.createElement('code');
      code.textContent = d.code;
      li.append(sev, where, document.createTextNode(`${d.message} `), code);
      li.addEventListener('click', () => goTo(d.file, line, column));
      return li;
    }),
  ]);
}

// ---------------------------------------------------------------- diagram and matrix

function diagramWords(): { by: string; condition: string; noOwner: string; stays: string } {
  return { by: t('by'), condition: t('condition'), noOwner: t('noOwner'), stays: t('stays') };
}

function jumpToStage(stageId: string): void {
  const at = (analysis?.stageLocations ?? {})[stageId] ?? lastGood?.stageLocations[stageId];
  if (at !== undefined) goTo(at.file, at.line, at.column);
}

/** What the diagram shows now (graph, view, language), so that an edit that changes none of it redraws nothing. */
let drawnDiagram = '';

function renderDiagram(): void {
  const graph = analysis?.graph ?? lastGood?.graph;
  if (graph === undefined) return;
  const key = `${diagramView}\u0000${locale}\u0000${JSON.stringify(graph)}`;
  if (key === drawnDiagram) return;
  drawnDiagram = key;
  for (const button of document.querySelectorAll<HTMLElement>('[data-diagram]')) button.setAttribute('aria-pressed', String(button.dataset['diagram'] === diagramView));
  drawDiagram(byId('diagram'), graph, diagramView, { onStage: jumpToStage }, diagramWords());
}

let drawnMatrix = '';

function renderMatrix(): void {
  const rows = analysis?.matrix ?? lastGood?.matrix;
  const table = byId<HTMLTableElement>('matrix');
  if (rows === undefined) return;
  const key = `${locale}\u0000${JSON.stringify(rows)}`;
  if (key === drawnMatrix) return;
  drawnMatrix = key;
  const head = [t('deadline'), t('level'), t('due'), t('from'), t('metBy'), t('reminders'), t('onBreach')];
  const cell = (tag: 'td' | 'th', text: string): HTMLElement => {
    const el = document.createElement(tag);
    el.textContent = text;
    return el;
  };
  const header = document.createElement('tr');
  appendAll(header, [...head.map((h) => cell('th', h))]);
  setChildren(table, [
    header,
    ...rows.map((row) => {
      const tr = document.createElement('tr');
      tr.dataset['deadline'] = row.deadline;
      tr.dataset['level'] = row.level ?? '';
      const extras = [row.recurring ? t('recurring') : '', row.when === undefined ? '' : `${t('when')} ${row.when}`].filter((x) => x !== '');
      tr.append(
        cell('td', `${row.title} (${row.deadline})${extras.length > 0 ? ` · ${extras.join(' · ')}` : ''}`),
        cell('td', row.level ?? t('allLevels')),
        cell('td', `${row.dueWords} (${row.due})`),
        cell('td', row.from),
        cell('td', row.metBy.join(', ')),
        cell('td', row.reminders.join('; ') || '—'),
        cell('td', row.breach.join('; ') || '—'),
      );
      return tr;
    }),
  ]);
}

// ---------------------------------------------------------------- files: open, save, external edits

async function openFile(path: string): Promise<void> {
  if (files.has(path)) return;
  try {
    const file = await api<{ path: string; text: string; version: string }>('file', { path });
    if (files.has(file.path)) return;
    files.set(file.path, { path: file.path, state: newState(file.text), version: file.version, savedText: file.text });
    renderFileTabs();
  } catch {
    // The check reports a missing include.
  }
}

function showBanner(parts: Array<string | HTMLElement>): void {
  const banner = byId('banner');
  setChildren(banner, [...parts]);
  banner.hidden = false;
}

function hideBanner(): void {
  byId('banner').hidden = true;
}

function button(label: string, action: () => void, id?: string): HTMLButtonElement {
  const el = document.createElement('button');
  el.type = 'button';
  el.textContent = label;
  if (id !== undefined) el.id = id;
  el.addEventListener('click', action);
  return el;
}

function replaceText(path: string, text: string, version: string): void {
  const file = files.get(path);
  if (file === undefined) return;
  file.version = version;
  file.savedText = text;
  if (path === current) {
    view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: text } });
    file.state = view.state;
  } else {
    file.state = newState(text);
  }
  renderFileTabs();
  scheduleCheck();
}

async function save(path: string, force = false): Promise<void> {
  const file = files.get(path);
  if (file === undefined) return;
  const text = textOf(path);
  try {
    const saved = await api<{ path: string; version: string }>('save', { path, text, baseVersion: file.version, force });
    file.version = saved.version;
    file.savedText = text;
    hideBanner();
    setStatus(`${t('saved')} ${path}`);
    renderFileTabs();
  } catch (error) {
    const failure = error as Error & { code?: string; body?: { disk?: { text: string; version: string } } };
    if (failure.code === 'conflict' && failure.body?.disk !== undefined) {
      const disk = failure.body.disk;
      showBanner([
        `${path} ${t('conflictTitle')}`,
        button(t('reload'), () => {
          replaceText(path, disk.text, disk.version);
          hideBanner();
        }, 'conflict-reload'),
        button(t('overwrite'), () => void save(path, true), 'conflict-overwrite'),
      ]);
    } else setStatus(failure.message);
  }
}

function listenForChanges(): void {
  const source = new EventSource(`/api/events?token=${encodeURIComponent(token)}`);
  source.addEventListener('file-changed', (event) => {
    const changed = JSON.parse((event as MessageEvent<string>).data) as { path: string; text: string; version: string };
    const file = files.get(changed.path);
    if (file === undefined || changed.version === file.version) return;
    if (textOf(changed.path) === file.savedText) {
      // No unsaved edit here: take the disk's text.
      replaceText(changed.path, changed.text, changed.version);
      setStatus(`${changed.path} ${t('externalChange')}`);
    } else {
      showBanner([
        `${changed.path} ${t('conflictTitle')}`,
        button(t('reload'), () => {
          replaceText(changed.path, changed.text, changed.version);
          hideBanner();
        }, 'conflict-reload'),
        button(t('overwrite'), () => void save(changed.path, true), 'conflict-overwrite'),
      ]);
    }
  });
}

// ---------------------------------------------------------------- a folder without a plan

/** Whether the plan file is not on disk yet (the page holds the starter text). */
function planIsNew(): boolean {
  return files.get(session.planFile)?.version === null;
}

/** Tells the planner the plan is a starter not yet saved, with a button that saves it as the new plan file. */
function showStarterNotice(): void {
  if (!planIsNew()) return;
  const notice = document.createElement('span');
  notice.id = 'starter-notice';
  notice.textContent = t('starterNotice').replace('{file}', session.planFile);
  showBanner([notice, button(t('starterSave'), () => void save(session.planFile), 'starter-save')]);
}

/** An untouched starter text follows the language switch (an edited one is the planner's and stays). */
function switchStarterLanguage(previous: UiLocale): void {
  const starter = session.starter;
  if (starter === undefined || !planIsNew() || previous === locale) return;
  if (textOf(session.planFile) !== starter[previous]) {
    showStarterNotice();
    return;
  }
  const file = files.get(session.planFile);
  if (file === undefined) return;
  if (session.planFile === current) view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: starter[locale] } });
  else file.state = newState(starter[locale]);
  showStarterNotice();
}

// ---------------------------------------------------------------- drills

async function runDrills(): Promise<void> {
  try {
    drillRun = await api<DrillRunSummary>('drills/run', { texts: texts(), locale });
  } catch (error) {
    byId('drill-summary').textContent = (error as Error).message;
    return;
  }
  renderDrills();
}

function renderDrills(): void {
  const run = drillRun;
  if (run === undefined) return;
  byId('drill-summary').textContent = `${run.passed} ${t('passed')} · ${run.failed} ${t('failed')}`;
  byId('drill-summary').dataset['passed'] = String(run.passed);
  const table = byId<HTMLTableElement>('drill-table');
  setChildren(table, [
    ...run.drills.map((drill) => {
      const tr = document.createElement('tr');
      tr.className = drill.passed ? 'pass' : 'fail';
      if (drill === selectedDrill) tr.classList.add('selected');
      tr.dataset['drill'] = drill.file;
      const name = document.createElement('td');
      name.textContent = `${drill.name} — ${drill.file}`;
      const result = document.createElement('td');
      result.className = 'result';
      result.textContent = drill.passed ? t('passed') : t('failed');
      const details = document.createElement('td');
      details.textContent = [...drill.diagnostics.map((d) => `${d.file}:${d.range?.start.line ?? 1}: ${d.message}`), ...drill.failures.map((f) => `${f.line === undefined ? '' : `${t('line')} ${f.line}: `}${f.message}`)].join('\n') || `${t('stage')} ${drill.stage}${drill.breaches.length > 0 ? ` · ${t('breaches')} ${drill.breaches.join(', ')}` : ''}`;
      const step = document.createElement('td');
      if (drill.steps.length > 0) step.append(button(t('stepThrough'), () => selectDrill(drill)));
      tr.append(name, result, details, step);
      return tr;
    }),
  ]);
  const coverage = run.coverage;
  byId('coverage').textContent =
    coverage === undefined
      ? ''
      : `${t('coverage')}: ${coverage.total.percent}% — ${t('stage')} ${coverage.stages.percent}%, transitions ${coverage.transitions.percent}%, tracks ${coverage.tracks.percent}%, ${t('deadlines')} ${coverage.deadlines.percent}%`;
}

function selectDrill(drill: DrillRunView): void {
  selectedDrill = drill;
  const slider = byId<HTMLInputElement>('step-slider');
  slider.max = String(drill.steps.length - 1);
  slider.value = '0';
  byId('stepper').hidden = false;
  byId('stepper-name').textContent = drill.name;
  renderDrills();
  renderStep();
}

function stageTitle(id: string): string {
  return (analysis?.graph ?? lastGood?.graph)?.stages.find((s) => s.id === id)?.title ?? id;
}

function renderStep(): void {
  const drill = selectedDrill;
  if (drill === undefined) return;
  const index = Number(byId<HTMLInputElement>('step-slider').value);
  const step = drill.steps[index];
  if (step === undefined) return;
  const info = byId('step-info');
  info.dataset['step'] = String(index);
  const lines: Array<[string, string, (string | undefined)?]> = [
    [t('step'), `${index + 1} / ${drill.steps.length} · +${durationText(step.offsetMs, locale)}${step.send === undefined ? '' : ` · ${step.by ?? ''} → ${step.send}`}`],
    [t('stage'), `${stageTitle(step.stage)} (${step.stage})${step.severity === null ? '' : ` · ${t('severity')} ${step.severity}`}`],
    [t('pending'), step.pending.map((p) => `${p.deadline}: ${p.leftMs >= 0 ? `${durationText(p.leftMs, locale)} ${t('timeLeft')}` : `${durationText(-p.leftMs, locale)} ${t('overdue')}`}`).join('; ') || t('none')],
    [t('breaches'), step.breaches.join(', ') || t('none'), step.breaches.length > 0 ? 'breach' : undefined],
    [t('notified'), step.notifications.map((n) => `${n.roles.join(', ')} (${n.reason}${n.deadline === undefined ? '' : ` ${n.deadline}`})`).join('; ') || t('none')],
  ];
  if (step.refusal !== undefined) lines.push([t('refused'), `${step.refusal.code}: ${step.refusal.message}`, 'refusal']);
  if (step.failures.length > 0) lines.push([t('failures'), step.failures.join('; '), 'breach']);
  setChildren(info, [
    ...lines.map(([label, text, cls]) => {
      const div = document.createElement('div');
      const strong = document.createElement('strong');
      strong.textContent = `${label}: `;
      const span = document.createElement('span');
      span.textContent = text;
      if (cls !== undefined) span.className = cls;
      span.dataset['field'] = label;
      div.append(strong, span);
      return div;
    }),
  ]);
  const graph = analysis?.graph ?? lastGood?.graph;
  if (graph !== undefined) drawDiagram(byId('step-diagram'), graph, 'state', { onStage: jumpToStage }, diagramWords(), step.stage);
}

// ---------------------------------------------------------------- rehearsal

function fillRehearsalForm(): void {
  const graph = lastGood;
  const form = byId<HTMLFormElement>('rehearsal-open');
  const category = form.elements.namedItem('category') as HTMLSelectElement;
  const severity = form.elements.namedItem('severity') as HTMLSelectElement;
  const plan = planDefinitionHints();
  setChildren(category, [...plan.categories.map((c) => new Option(c, c))]);
  setChildren(severity, [new Option('—', ''), ...plan.severity.map((s) => new Option(s, s))]);
  const roles = byId('actor-roles');
  setChildren(roles, [
    ...plan.roles.map((role) => {
      const label = document.createElement('label');
      const box = document.createElement('input');
      box.type = 'checkbox';
      box.value = role.id;
      box.dataset['role'] = role.id;
      box.addEventListener('change', () => void refreshAvailable());
      label.append(box, document.createTextNode(` ${role.title}`));
      label.title = role.id;
      return label;
    }),
  ]);
  const pick = byId<HTMLSelectElement>('roster-pick');
  setChildren(pick, [new Option('', ''), ...session.rosters.flatMap((r) => r.people.map((p) => new Option(`${p.name ?? p.id} (${p.roles.join(', ')})`, `${p.id}|${p.roles.join(',')}`)))]);
  void graph;
}

/** Roles, categories and severity levels for the rehearsal forms, from the plan text (parsed by the last check). */
function planDefinitionHints(): { roles: Array<{ id: string; title: string }>; categories: string[]; severity: string[] } {
  return lastGood?.hints ?? { roles: [], categories: [], severity: [] };
}

function actor(): { id: string; roles: string[] } {
  const roles = [...document.querySelectorAll<HTMLInputElement>('#actor-roles input:checked')].map((box) => box.value);
  return { id: byId<HTMLInputElement>('actor-id').value.trim() || 'me', roles };
}

async function refreshAvailable(): Promise<void> {
  if (rehearsal === undefined) return;
  const container = byId('available');
  let events: OfferedEvent[];
  try {
    events = (await api<{ events: OfferedEvent[] }>('rehearsal/available', { id: rehearsal.id, actor: actor(), locale })).events;
  } catch (error) {
    container.textContent = (error as Error).message;
    return;
  }
  if (events.length === 0) {
    const p = document.createElement('p');
    p.textContent = t('nothingToSend');
    p.className = 'nothing';
    container.replaceChildren(p);
    return;
  }
  setChildren(container, [
    ...events.map((event) => {
      const box = document.createElement('div');
      box.className = 'event';
      box.dataset['event'] = event.event;
      const form = document.createElement('form');
      const title = document.createElement('strong');
      title.textContent = `${event.title} (${event.event})`;
      form.append(title);
      for (const field of event.fields) {
        const label = document.createElement('label');
        label.append(document.createTextNode(`${field.title}${field.required ? ' *' : ''} `));
        let input: HTMLInputElement | HTMLSelectElement;
        if (field.values !== undefined) {
          input = document.createElement('select');
          appendAll(input, [...(field.required ? [] : [new Option('', '')]), ...field.values.map((v) => new Option(v, v))]);
        } else {
          input = document.createElement('input');
          input.type = field.type === 'number' ? 'number' : field.type === 'boolean' ? 'checkbox' : field.type === 'datetime' ? 'datetime-local' : 'text';
          if (field.type === 'number') input.step = 'any';
          if (field.min !== undefined) input.min = String(field.min);
          if (field.max !== undefined) input.max = String(field.max);
          if (field.required && field.type !== 'boolean') input.required = true;
        }
        input.name = field.id;
        input.dataset['type'] = field.type;
        label.append(input);
        form.append(label);
      }
      const send = document.createElement('button');
      send.type = 'submit';
      send.textContent = t('send');
      form.append(send);
      const message = document.createElement('span');
      message.className = 'error-text';
      form.append(message);
      form.addEventListener('submit', (submit) => {
        submit.preventDefault();
        const data: Record<string, unknown> = {};
        for (const input of form.querySelectorAll<HTMLInputElement | HTMLSelectElement>('input, select')) {
          const type = input.dataset['type'];
          if (type === 'boolean') data[input.name] = (input as HTMLInputElement).checked;
          else if (input.value === '') continue;
          else if (type === 'number') data[input.name] = Number(input.value);
          else if (type === 'datetime') data[input.name] = new Date(input.value).toISOString();
          else data[input.name] = input.value;
        }
        void (async () => {
          const sent = await api<{ ok: boolean; error?: { code: string; message: string }; view: RehearsalView }>('rehearsal/send', { id: rehearsal?.id, actor: actor(), event: event.event, data, locale });
          rehearsal = sent.view;
          renderRehearsal();
          if (!sent.ok) message.textContent = `${sent.error?.code}: ${sent.error?.message}`;
          else await refreshAvailable();
        })();
      });
      box.append(form);
      return box;
    }),
  ]);
}

function renderRehearsal(): void {
  const state = rehearsal;
  if (state === undefined) return;
  byId('rehearsal-live').hidden = false;
  const box = byId('rehearsal-state');
  box.dataset['stage'] = state.stage;
  const line = (label: string, text: string, cls?: string): HTMLElement => {
    const div = document.createElement('div');
    const strong = document.createElement('strong');
    strong.textContent = `${label}: `;
    const span = document.createElement('span');
    span.textContent = text;
    if (cls !== undefined) span.className = cls;
    div.append(strong, span);
    return div;
  };
  box.replaceChildren(
    line(t('now'), `${new Date(state.now).toLocaleString(locale)} (${t('elapsed')} ${durationText(state.elapsedMs, locale)})`),
    line(t('stage'), `${stageTitle(state.stage)} (${state.stage})${state.severity === null ? '' : ` · ${t('severity')} ${state.severity}`}`, 'rehearsal-stage'),
    line(t('pending'), state.pending.map((p) => `${p.deadline}: ${p.leftMs >= 0 ? `${durationText(p.leftMs, locale)} ${t('timeLeft')}` : t('overdue')}`).join('; ') || t('none')),
    line(t('breaches'), state.breaches.join(', ') || t('none'), state.breaches.length > 0 ? 'rehearsal-breach' : undefined),
    line(t('notified'), state.notifications.map((n) => `${n.roles.join(', ')} (${n.reason})`).join('; ') || t('none')),
  );
  setChildren(byId('rehearsal-log'), [
    ...state.log.map((entry) => {
      const li = document.createElement('li');
      li.textContent = `${new Date(entry.at).toLocaleString(locale)} · ${entryWord(locale, entry.type)}${entry.event === undefined ? '' : ` ${entry.event}`}${entry.by === undefined ? '' : ` · ${entry.by}`} · ${entryWord(locale, entry.result)}${entry.refusal === undefined ? '' : ` (${entry.refusal.code}: ${entry.refusal.message})`}`;
      return li;
    }),
  ]);
}

function download(name: string, text: string, type: string): void {
  const link = document.createElement('a');
  link.href = URL.createObjectURL(new Blob([text], { type }));
  link.download = name;
  link.click();
  setTimeout(() => URL.revokeObjectURL(link.href), 1000);
}

function wireRehearsal(): void {
  byId<HTMLFormElement>('rehearsal-open').addEventListener('submit', (event) => {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    const value = (name: string): string => (form.elements.namedItem(name) as HTMLInputElement).value;
    void (async () => {
      try {
        const start = value('start');
        rehearsal = await api<RehearsalView>('rehearsal/open', {
          texts: texts(),
          locale,
          title: value('title'),
          category: value('category'),
          severity: value('severity'),
          ...(start === '' ? {} : { start: new Date(start).toISOString() }),
          by: actor(),
        });
        renderRehearsal();
        await refreshAvailable();
      } catch (error) {
        byId('available').textContent = (error as Error).message;
      }
    })();
  });
  byId('actor-id').addEventListener('change', () => void refreshAvailable());
  byId<HTMLSelectElement>('roster-pick').addEventListener('change', (event) => {
    const [id, roles] = (event.target as HTMLSelectElement).value.split('|');
    if (id === undefined || id === '') return;
    byId<HTMLInputElement>('actor-id').value = id;
    const held = new Set((roles ?? '').split(','));
    for (const box of document.querySelectorAll<HTMLInputElement>('#actor-roles input')) box.checked = held.has(box.value);
    void refreshAvailable();
  });
  byId('advance').addEventListener('click', () => {
    void (async () => {
      if (rehearsal === undefined) return;
      try {
        rehearsal = await api<RehearsalView>('rehearsal/advance', { id: rehearsal.id, by: byId<HTMLInputElement>('advance-by').value });
        renderRehearsal();
        await refreshAvailable();
      } catch (error) {
        setStatus((error as Error).message);
      }
    })();
  });
  byId('export-report').addEventListener('click', () => {
    void (async () => {
      if (rehearsal === undefined) return;
      const exported = await api<{ html: string; markdown: string; drill: string }>('rehearsal/export', { id: rehearsal.id, locale });
      download('after-action.html', exported.html, 'text/html');
    })();
  });
  byId('export-drill').addEventListener('click', () => {
    void (async () => {
      if (rehearsal === undefined) return;
      const exported = await api<{ drill: string }>('rehearsal/export', { id: rehearsal.id, locale });
      const name = prompt(t('newDrill'), `rehearsal-${new Date().toISOString().slice(0, 16).replace(/[:T]/g, '-')}.drill.yaml`);
      if (name === null || name === '') return;
      try {
        const saved = await api<{ path: string }>('save', { path: name, text: exported.drill, baseVersion: null });
        setStatus(`${t('drillSaved')} ${saved.path}`);
      } catch (error) {
        setStatus((error as Error).message);
      }
    })();
  });
}

// ---------------------------------------------------------------- start

function showView(name: string): void {
  for (const el of document.querySelectorAll<HTMLElement>('.view')) el.hidden = el.id !== `view-${name}`;
  for (const el of document.querySelectorAll<HTMLElement>('[data-view]')) el.setAttribute('aria-selected', String(el.dataset['view'] === name));
  if (name === 'rehearsal') fillRehearsalForm();
}

async function start(): Promise<void> {
  // The boot script (boot.ts) sent the session request before this bundle was loaded.
  const sent = window.studioSession;
  delete window.studioSession;
  session = await (sent === undefined ? api<Session>('session') : answer<Session>(sent));
  performance.mark('studio-session');
  locale = session.locale;
  byId<HTMLSelectElement>('locale').value = locale;
  translatePage();
  byId('plan-name').textContent = session.planFile;
  for (const file of session.files) files.set(file.path, { path: file.path, state: EditorState.create({ doc: '' }), version: file.version, savedText: file.version === null ? '' : file.text });
  current = session.planFile;
  for (const file of session.files) files.get(file.path)!.state = newState(file.text);
  view = new EditorView({ state: files.get(current)!.state, parent: byId('editor') });
  performance.mark('studio-editor');
  renderFileTabs();
  byId<HTMLSelectElement>('locale').addEventListener('change', (event) => {
    const previous = locale;
    locale = (event.target as HTMLSelectElement).value === 'zh-CN' ? 'zh-CN' : 'en';
    translatePage();
    switchStarterLanguage(previous);
    void check().then(() => {
      renderDrills();
      renderStep();
      renderRehearsal();
    });
  });
  byId('save').addEventListener('click', () => void save(current));
  for (const el of document.querySelectorAll<HTMLElement>('[data-view]')) el.addEventListener('click', () => showView(el.dataset['view'] ?? 'diagram'));
  for (const el of document.querySelectorAll<HTMLElement>('[data-diagram]'))
    el.addEventListener('click', () => {
      diagramView = el.dataset['diagram'] === 'swimlane' ? 'swimlane' : 'state';
      renderDiagram();
    });
  byId('run-drills').addEventListener('click', () => void runDrills());
  byId('step-slider').addEventListener('input', renderStep);
  wireRehearsal();
  showView('diagram');
  showStarterNotice();
  listenForChanges();
  // The server checked the opened texts already, in this language: show that check (no request).
  showCheck(session.analysis, ++checkSerial);
  document.body.dataset['ready'] = 'true';
  performance.mark('studio-ready');
  // Once the first view is on screen (the frame after this one), load what it did not need.
  requestAnimationFrame(() =>
    setTimeout(() => {
      performance.mark('studio-painted');
      void loadSchemaSupport().catch((error: unknown) => setStatus(error instanceof Error ? error.message : String(error)));
    }),
  );
}

void start().catch((error: unknown) => {
  setStatus(error instanceof Error ? error.message : String(error));
  document.body.dataset['ready'] = 'error';
});
