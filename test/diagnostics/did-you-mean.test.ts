import { describe, expect, it } from 'vitest';
import { closestMatch, editDistance } from '../../src/diagnostics/did-you-mean.js';

describe('editDistance', () => {
  it.each<[string, string, number]>([
    ['', '', 0],
    ['title', 'title', 0],
    ['tittle', 'title', 1],
    ['tempate', 'template', 1],
    ['teh', 'the', 1],
    ['kitten', 'sitting', 3],
    ['', 'abc', 3],
  ])('%j → %j is %i', (a, b, d) => {
    expect(editDistance(a, b)).toBe(d);
    expect(editDistance(b, a)).toBe(d);
  });
});

describe('closestMatch', () => {
  const keys = ['id', 'title', 'description', 'owner', 'resources', 'enter', 'on', 'tracks', 'done', 'final'];
  it.each<[string, string | undefined]>([
    ['tittle', 'title'],
    ['Title', 'title'],
    ['descripton', 'description'],
    ['resource', 'resources'],
    ['track', 'tracks'],
    ['fnial', 'final'],
    ['xyz', undefined],
    ['when', undefined],
    ['o', 'on'],
  ])('%j → %j', (input, expected) => {
    expect(closestMatch(input, keys)).toBe(expected);
  });

  it('never suggests the input itself', () => {
    expect(closestMatch('title', ['title'])).toBeUndefined();
  });
});
