import { describe, expect, it } from 'vitest';
import { CorruptIncidentError, IncidentDocument, incidentIssues, parseIncidentDocument, parseIncidentJson } from '../../src/runtime/stores/incident-document.js';
import { deadline, effect, makeIncident, nextVersion } from '../stores/fixtures.js';

// Stored incident documents are checked with a zod/mini schema; these tests pin what a store
// reports for a bad document: where it came from, the path and what is wrong.
const good = () =>
  nextVersion(
    makeIncident('PO-1', {
      severity: 'II',
      data: { nested: { list: [1, 'two', null, true] } },
      deadlines: [deadline('d', '2024-05-01T09:00:00.000Z', { metAt: '2024-05-01T08:30:00.000Z', remindersSent: [1, 2] })],
      outbox: [effect('PO-1', 0)],
    }),
    {},
    3,
  );

describe('stored incident documents', () => {
  it('accepts valid documents, keeping unknown keys a newer engine may add', () => {
    expect(incidentIssues(good())).toBeUndefined();
    expect(incidentIssues(makeIncident('A'))).toBeUndefined();
    expect(IncidentDocument.safeParse({ ...good(), addedLater: { x: 1 } }).success).toBe(true);
  });

  it('names the path and the problem of each wrong field, the first five', () => {
    const doc = good() as unknown as Record<string, unknown>;
    expect(incidentIssues({ ...doc, stage: 3 })).toBe('stage: Invalid input: expected string, received number');
    expect(incidentIssues({ ...doc, version: 1.5 })).toBe('version: Invalid input: expected int, received number');
    expect(incidentIssues({ ...doc, version: 0 })).toBe('version: Too small: expected number to be >=1');
    expect(incidentIssues({ ...doc, id: '../etc' })).toBe('id: a valid incident id');
    const deadlines = structuredClone(doc['deadlines']) as Array<Record<string, unknown>>;
    (deadlines[0] as Record<string, unknown>)['dueAt'] = 'next tuesday';
    (deadlines[0] as Record<string, unknown>)['status'] = 'late';
    expect(incidentIssues({ ...doc, deadlines })).toBe(
      'deadlines.0.dueAt: an ISO 8601 time; deadlines.0.status: Invalid option: expected one of "pending"|"met"|"breached"|"cancelled"',
    );
    const timeline = structuredClone(doc['timeline']) as Array<Record<string, unknown>>;
    delete (timeline[0] as Record<string, unknown>)['hash'];
    expect(incidentIssues({ ...doc, timeline })).toBe('timeline.0.hash: Invalid input: expected string, received undefined');
    expect(incidentIssues(null)).toBe('(root): Invalid input: expected object, received null');
    const many = { ...doc, planId: 1, planVersion: 1, planHash: 1, title: 1, category: 1, stage: 1 };
    expect(incidentIssues(many)?.split('; ')).toHaveLength(5);
  });

  it('accepts a time exactly when Date.parse reads it', () => {
    for (const at of ['2024-05-01T08:00:00.000Z', '2024-05-01T08:00:00+08:00', '2024-02-30T08:00:00.000Z', '2024-13-01T08:00:00.000Z', '2024-05-01', 'soon'])
      expect(incidentIssues({ ...good(), openedAt: at }) === undefined, at).toBe(!Number.isNaN(Date.parse(at)));
  });

  it('throws CorruptIncidentError naming the file or row', () => {
    expect(() => parseIncidentDocument({ ...good(), closed: 'no' }, '/data/PO-1.json')).toThrow(
      new CorruptIncidentError('/data/PO-1.json', 'closed: Invalid input: expected boolean, received string'),
    );
    expect(() => parseIncidentJson('{"id":', 'row PO-1')).toThrow(/^corrupt incident document row PO-1: not valid JSON/);
    expect(parseIncidentJson(JSON.stringify(good()), 'x').id).toBe('PO-1');
  });
});
