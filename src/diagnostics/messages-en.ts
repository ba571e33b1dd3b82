import type { IdKind, InvalidValueParams, UnknownRefParams, ValueKind } from './codes.js';
import { inputMistakeMessagesEn } from './input-mistake-messages.js';
import { listOf, quote, type MessageTable } from './message-table.js';

const KIND: Record<ValueKind, string> = {
  string: 'text',
  number: 'a number',
  integer: 'a whole number',
  boolean: 'true or false',
  array: 'a list',
  object: 'a mapping (key: value)',
  null: 'nothing',
};

const ID_KIND: Record<IdKind, string> = {
  severity: 'severity level',
  category: 'trigger category',
  impact: 'impact',
  role: 'role',
  team: 'team',
  field: 'field',
  resource: 'resource',
  template: 'template',
  effect: 'effect',
  event: 'event',
  stage: 'stage',
  track: 'track',
  deadline: 'deadline',
  evaluation: 'evaluation criterion',
  migration: 'migration',
  'enum-value': 'enum value',
  measure: 'measure',
  threshold: 'threshold',
  suggestion: 'suggestion',
};

const FORMAT: Record<string, string> = {
  id: 'write an id: a letter, then letters, digits, "-" or "_" (at most 64 characters), e.g. "info-officer"',
  version: 'write a version such as 1.0.0',
  locale: 'write a locale such as "zh-CN" or "en"',
  timezone: 'write an IANA time zone such as "Asia/Shanghai" or "Europe/Berlin"',
};

/** `expected` entries are value kinds, or JSON literals such as `"*"`. */
function expectedText(expected: readonly string[]): string {
  const parts = expected.map((e) => (e in KIND ? KIND[e as ValueKind] : e));
  if (parts.length <= 1) return parts[0] ?? 'something else';
  return `${parts.slice(0, -1).join(', ')} or ${parts[parts.length - 1]}`;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

function unknownRef(noun: string, section: string) {
  return (p: UnknownRefParams): string => {
    const hint = p.suggestion === undefined ? '' : ` Did you mean ${quote(p.suggestion)}?`;
    const known = p.known.length === 0 ? '' : ` or write one of: ${listOf(p.known)}`;
    return `unknown ${noun} ${quote(p.id)}.${hint} Declare it under ${section}${known}.`;
  };
}

function invalidValue(p: InvalidValueParams): string {
  switch (p.kind) {
    case 'one-of': {
      const hint = p.suggestion === undefined ? '' : ` Did you mean ${quote(p.suggestion)}?`;
      return `${quote(p.value)} is not allowed here.${hint} Write one of: ${listOf(p.values, 20)}.`;
    }
    case 'format':
      return `${quote(p.value)} is not valid here; ${FORMAT[p.format] ?? `write ${p.hint ?? 'a value of the right form'}`}.`;
    case 'too-small':
      if (p.origin === 'array') return `the list needs at least ${plural(p.limit, 'item')}; add ${p.limit === 1 ? 'one' : 'more'}.`;
      if (p.origin === 'string') return p.limit <= 1 ? 'the text is empty; write something or remove the key.' : `the text needs at least ${plural(p.limit, 'character')}.`;
      return `the number must be ${p.inclusive ? 'at least' : 'greater than'} ${p.limit}.`;
    case 'too-big':
      if (p.origin === 'array') return `the list may hold at most ${plural(p.limit, 'item')}; remove some.`;
      if (p.origin === 'string') return `the text may be at most ${plural(p.limit, 'character')} long; shorten it.`;
      return `the number must be ${p.inclusive ? 'at most' : 'less than'} ${p.limit}.`;
    case 'min-max':
      return `min (${p.min}) is greater than max (${p.max}); swap them.`;
    case 'custom':
      return p.text;
  }
}

const NOT_A_FILE = { directory: 'a folder', fifo: 'a named pipe (FIFO)', socket: 'a socket', device: 'a device', other: 'not a regular file' } as const;

/** English diagnostic messages. Each says what is wrong and what to write instead. */
export const messagesEn: MessageTable = {
  'file-not-found': (p) => `file ${quote(p.file)} does not exist; check the path.`,
  'file-unreadable': (p) => `cannot read ${quote(p.file)}: ${p.detail}.`,
  'file-too-large': (p) =>
    `the file is ${(p.size / 1048576).toFixed(1)} MB; a plan file may be at most ${(p.limit / 1048576).toFixed(0)} MB. Split it into several files with include.`,
  'yaml-syntax': (p) => `YAML syntax error: ${p.detail}.`,
  'yaml-warning': (p) => `YAML: ${p.detail}.`,
  'duplicate-key': (p) => `the key ${quote(p.key)} appears more than once in this mapping; keep only one.`,
  'alias-limit': (p) =>
    `YAML aliases expand to more than ${p.limit} nodes; write the content out instead of repeating aliases.`,
  'too-deep': (p) => `the document is nested more than ${p.limit} levels deep; a plan never needs that, flatten it.`,
  'forbidden-key': (p) => `${quote(p.key)} is not allowed as a key; rename or remove it.`,
  'include-not-found': (p) => `the included file ${quote(p.file)} does not exist; check the path (it is relative to the including file).`,
  'include-outside-plan': (p) =>
    `the included file ${quote(p.file)} is outside the plan's folder; move it beside the plan or into a subfolder.`,
  'include-cycle': (p) => `${quote(p.file)} ends up including itself (${p.chain.join(' → ')}); remove one of these includes.`,
  'too-many-includes': (p) => `a plan may include at most ${p.limit} files; merge some of them.`,
  'not-includable': (p) => `${quote(p.key)} cannot come from an included file. An included file may hold: ${listOf(p.allowed, 20)}.`,
  'unknown-key': (p) =>
    p.suggestion === undefined
      ? `unknown key ${quote(p.key)}. Allowed here: ${listOf(p.allowed, 30)}.`
      : `unknown key ${quote(p.key)}. Did you mean ${quote(p.suggestion)}?`,
  'missing-key': (p) =>
    p.alternatives === undefined || p.alternatives.length === 0
      ? `the key ${quote(p.key)} is missing; add it${p.values === undefined ? '' : ` (one of: ${listOf(p.values, 20)})`}.`
      : `a key is missing; write one of: ${listOf(p.alternatives)}.`,
  'wrong-type': (p) => {
    const quoteHint =
      p.expected.includes('string') && (p.received === 'number' || p.received === 'boolean' || p.received === 'null')
        ? ' Put the value in quotes to make it text.'
        : '';
    return `expected ${expectedText(p.expected)}, found ${KIND[p.received]}.${quoteHint}`;
  },
  'invalid-value': invalidValue,
  'bad-duration': (p) =>
    p.zero === true
      ? `${quote(p.value)} is zero; write a duration longer than zero, such as 30m.`
      : p.suggestion !== undefined
        ? `${quote(p.value)} is not a duration; write ${p.suggestion} instead.`
        : `${quote(p.value)} is not a duration; write one such as 30m, 2h, 1h30m, 7d or PT30M.`,
  'unknown-role': unknownRef('role', 'roles'),
  'unknown-team': unknownRef('team', 'teams'),
  'unknown-position': (p) =>
    `${quote(p.id)} is not a team position; write ${p.team}.leader, ${p.team}.deputy or ${p.team}.members (or ${p.team} for the whole team).`,
  'vacant-position': (p) =>
    p.position === 'members'
      ? `team ${quote(p.team)} has no members; add members to the team or write ${p.team}.leader.`
      : `team ${quote(p.team)} has no ${p.position}; add a ${p.position} to the team or write ${p.position === 'deputy' ? `${p.team}.leader` : `${p.team}.members`}.`,
  'unknown-stage': unknownRef('stage', 'stages'),
  'unknown-event': unknownRef('event', 'events'),
  'unknown-field': unknownRef('field', 'fields'),
  'unknown-resource': unknownRef('resource', 'resources'),
  'unknown-template': unknownRef('template', 'templates'),
  'unknown-severity': unknownRef('severity level', 'severity'),
  'unknown-category': unknownRef('trigger category', 'categories'),
  'unknown-deadline': unknownRef('deadline', 'deadlines'),
  'unknown-effect': unknownRef('effect', 'effects'),
  'unknown-placeholder': (p) => {
    const hint = p.suggestion === undefined ? '' : ` Did you mean {{${p.suggestion}}}?`;
    return `unknown placeholder {{${p.id}}}.${hint} Use a field id or one of: ${listOf(p.known, 40)}.`;
  },
  'duplicate-id': (p) => `the ${ID_KIND[p.kind]} id ${quote(p.id)} is declared more than once; ids must be unique, rename one.`,
  'ambiguous-id': (p) =>
    p.id === 'any-role'
      ? `"any-role" is reserved (it means anyone holding a role of the plan); pick another id.`
      : `${quote(p.id)} is both a role id and a team id, so by: [${p.id}] would be ambiguous; rename one of them.`,
  'missing-severity-level': (p) =>
    `this map has no duration for severity level ${listOf(p.missing)}; give every severity level of the plan a duration.`,
  'duplicate-severity-field': (p) =>
    `only one field may have type severity, and ${quote(p.first)} already does; give ${quote(p.id)} another type.`,
  'condition-type-mismatch': (p) => {
    switch (p.expected) {
      case 'none':
        return `${p.operator} does not apply to the ${p.fieldType} field ${quote(p.field)}; use eq, ne, in or exists.`;
      case 'one-of': {
        const hint = p.suggestion === undefined ? '' : ` Did you mean ${quote(p.suggestion)}?`;
        return `${p.value} is not a value of the ${p.fieldType} field ${quote(p.field)}.${hint} Write one of: ${listOf(p.allowed ?? [], 20)}.`;
      }
      default:
        return `the ${p.fieldType} field ${quote(p.field)} is compared with ${p.value}; ${p.operator} needs ${KIND[p.expected]} here.`;
    }
  },
  'condition-operator': (p) =>
    p.operators.length === 0
      ? `the condition on ${quote(p.field)} has no operator; add one of eq, ne, in, lt, lte, gt, gte, exists.`
      : `the condition on ${quote(p.field)} has several operators (${p.operators.join(', ')}); write one per condition and combine them with all: [...].`,
  'missing-done': (p) =>
    `stage ${quote(p.stage)} has tracks but no done; add done: <stage id> (the stage entered once every track is done).`,
  'done-without-tracks': (p) =>
    `stage ${quote(p.stage)} has done but no tracks; remove done, or move on with a transition that has a target.`,
  'target-in-track': (p) =>
    `a transition of track ${quote(p.track)} cannot have a target: taking it completes the track. Remove target/targets; the stage's done says where to go next.`,
  'deadline-needs-stage': (p) =>
    `deadline ${quote(p.deadline)} is measured from entering a stage (from: enter) but names none; add stage: <stage id>.`,
  'too-many-diagnostics': (p) => `more than ${p.limit} problems; fix these first.`,
  'internal-error': (p) => `planwright failed while checking this plan (${p.detail}); please report this.`,
  'not-a-file': (p) => `${quote(p.file)} is ${NOT_A_FILE[p.kind]}, not a plan file; give the path of a plan file (YAML or JSON).`,
  'unsupported-encoding': (p) =>
    `the file is encoded as ${p.encoding} (it starts with a ${p.encoding} byte order mark); save it as UTF-8 and check it again.`,
  'includes-too-large': (p) =>
    `including ${quote(p.file)} (${mb(p.size)} MB) brings the plan and its included files to ${mb(p.total)} MB; together they may be at most ${mb(p.limit)} MB. Make the files smaller.`,
  'include-repeated': (p) => `${quote(p.file)} is already included; its items are read once, so remove this include.`,
  ...inputMistakeMessagesEn,
  'unknown-measure': unknownRef('measure', 'measures'),
  'measure-field-not-number': (p) =>
    `measure ${quote(p.measure)} follows field ${quote(p.field)}, which is a ${p.fieldType} field; field-change needs a number field.`,
  'immediately-undefined': (p) =>
    `deadline ${quote(p.deadline)} is due "immediately", but the plan does not say what that means; add timing: { immediately: 15m } (or the plan's own limit for “immediately”).`,
  'deadline-event-missing': (p) =>
    `deadline ${quote(p.deadline)} is measured from an event (from: event) but names none; add event: <event id>.`,
  'deadline-condition-missing': (p) =>
    `deadline ${quote(p.deadline)} is measured from when a condition becomes true (from: condition) but has no when; add when: { field: …, eq: … }.`,
  'deadline-at-not-datetime': (p) =>
    `deadline ${quote(p.deadline)} is measured from field ${quote(p.field)}, which is ${p.fieldType}, not datetime; name a datetime field (the time something happened).`,
  'deadline-match-without-each': (p) =>
    `deadline ${quote(p.deadline)} has match but not each: true; match pairs each triggering event with its meeting event, so add each: true or remove match.`,
  'unknown-timezone': (p) =>
    `${quote(p.timezone)} is not a time zone; write an IANA time zone such as "Asia/Shanghai" or "Europe/Berlin" (times in notices and clock-time deadlines are read in it).`,
  'band-field-not-number': (p) => `the bands are chosen by field ${quote(p.field)}, which is ${p.fieldType}; name a number field (a measured value).`,
  'bands-unordered': (p) =>
    `band ${p.index + 1} is out of order: list bands with increasing below bounds, and leave below off the last band only (it takes every larger value).`,
  'unknown-threshold': unknownRef('threshold', 'thresholds'),
  'threshold-value-or-field': (p) =>
    p.given === 'none'
      ? `threshold ${quote(p.threshold)} has no value; give value: <number> (declared once, in its unit) or field: <number field> (read at run time).`
      : `threshold ${quote(p.threshold)} gives both value and field; keep one: value (a fixed number) or field (read at run time).`,
  'threshold-field-not-number': (p) =>
    `threshold ${quote(p.threshold)} reads field ${quote(p.field)}, which is ${p.fieldType}; name a number field.`,
  'suggestion-field-type': (p) =>
    p.expected === 'enum'
      ? `suggestion ${quote(p.rule)} reads field ${quote(p.field)}, which is ${p.fieldType}; from must name an enum field (e.g. the warning colour).`
      : `suggestion ${quote(p.rule)} proposes a level in field ${quote(p.field)}, which is ${p.fieldType}; to must name the severity field.`,
  'suggestion-value-unknown': (p) => {
    const hint = p.suggestion === undefined ? '' : ` Did you mean ${quote(p.suggestion)}?`;
    return `${quote(p.id)} is not a value of field ${quote(p.field)}.${hint} Map its values: ${listOf(p.known)}.`;
  },
  'notify-owner-without-owner': (p) =>
    `${quote(p.entry)} notifies the team owning stage ${quote(p.stage)}, which has none; give the stage owner: <team> (and ownerByLevel for levels owned by another team), or name a role.`,
};

function mb(bytes: number): string {
  return (bytes / 1048576).toFixed(1);
}
