import type { LocalizedText } from '../dsl/schema/common.js';
import { formatWallClock } from './zoned-time.js';
import type { PlanDefinition } from '../dsl/schema/plan.js';
import type { TemplateValues } from './render-template.js';

/**
 * A time as `YYYY-MM-DD HH:mm` in an IANA time zone, or `undefined` when the text is not a time
 * or the zone is unknown.
 *
 * @example
 * formatZonedTime('2026-03-02T01:00:00.000Z', 'Asia/Shanghai'); // '2026-03-02 09:00'
 */
export function formatZonedTime(iso: string, timeZone: string): string | undefined {
  const ms = Date.parse(iso);
  if (!Number.isFinite(ms)) return undefined;
  try {
    return formatWallClock(ms, timeZone);
  } catch {
    return undefined;
  }
}

function textIn(text: LocalizedText, locale: string | undefined, fallback: string | undefined): string {
  if (typeof text === 'string') return text;
  return text[locale ?? ''] ?? text[fallback ?? ''] ?? Object.values(text)[0] ?? '';
}

/**
 * The built-in placeholders that depend on the plan and the template's language, laid over the
 * incident's values: `severityTitle` (the severity level's title in `locale`) and `openedAt` in the
 * plan's `timezone` (`YYYY-MM-DD HH:mm`; left as the ISO time when the plan names no zone).
 *
 * @example
 * localTemplateValues(plan, { severity: 'I', openedAt: '2026-03-02T01:00:00.000Z' }, 'zh-CN');
 * // { severity: 'I', severityTitle: '特别重大', openedAt: '2026-03-02 09:00' }
 */
export function localTemplateValues(definition: PlanDefinition, values: TemplateValues, locale: string | undefined): TemplateValues {
  const fallback = definition.locales?.[0];
  const level = definition.severity.find((s) => s.id === values['severity']);
  const openedAt = values['openedAt'];
  const zoned = typeof openedAt === 'string' && definition.timezone !== undefined ? formatZonedTime(openedAt, definition.timezone) : undefined;
  return {
    ...values,
    severityTitle: level === undefined ? '' : textIn(level.title, locale, fallback),
    ...(zoned === undefined ? {} : { openedAt: zoned }),
  };
}
