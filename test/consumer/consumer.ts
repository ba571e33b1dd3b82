import { createEngine, memoryStore } from 'planwright/runtime';
import { simulate } from 'planwright/testing';
import { postgresStore } from 'planwright/postgres';
import { checkPlan } from 'planwright';
export const all = [createEngine, memoryStore, simulate, postgresStore, checkPlan];
