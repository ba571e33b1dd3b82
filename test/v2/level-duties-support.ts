import { levelsPlan } from './support.js';

/** Teams for the level-duty fixtures: `desk` owns a stage at B, `hq` at A. */
export const teams = `
teams:
  - { id: desk, title: Desk, leader: clerk }
  - { id: hq, title: HQ, leader: boss, deputy: chief }
`;

/**
 * A plan whose stage `live` has a track `base` (every level) and a track `extra` present only at
 * level A; `live` is owned by desk, by hq at A; its enter notifies the owner's leader and records
 * a line only at A; `CHANGE` changes the level without leaving the stage.
 */
/**
 * The stages `live` (owned by desk, by hq at A; tracks `base` and, at A only, `extra`; its enter
 * notifies the owner's leader and records a line at A) and `end`, as YAML list items.
 */
export const liveStages = `  - id: live
    title: Live
    owner: desk
    ownerByLevel: { A: hq }
    enter:
      - { notify: [owner.leader] }
      - { record: severe, when: { field: severity, eq: A } }
    on:
      - { event: CHANGE, by: [any-role] }
    tracks:
      - id: base
        on: [{ event: REPORTED, by: [any-role] }]
      - id: extra
        levels: [A]
        on: [{ event: READING, by: [any-role] }]
    done: end
  - { id: end, title: End, final: true }
`;

export const levelDutiesPlan = levelsPlan(`${teams}
stages:
  - id: idle
    title: Idle
    on:
      - { event: START, by: [any-role], target: live }
${liveStages}`);
