// Relative links in the guides point at files that exist, and `#anchors` at headings that exist
// (GitHub's heading ids: lower case, punctuation dropped, spaces as hyphens).
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { ROOT } from '../../scripts/doc-outputs.js';

const PAGES = [
  'docs/planner-guide.md',
  'docs/planner-guide.zh-CN.md',
  'docs/host-guide.md',
  'docs/testing-guide.md',
  'docs/dsl-reference.md',
  'examples/host-http/README.md',
];

function slug(heading: string): string {
  return heading
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s_-]/gu, '')
    .replace(/\s/g, '-');
}

function anchors(markdown: string): Set<string> {
  const out = new Set<string>();
  let fenced = false;
  for (const line of markdown.split('\n')) {
    if (line.startsWith('```')) fenced = !fenced;
    const heading = !fenced ? /^#{1,6} (.+)$/.exec(line) : null;
    if (heading) out.add(slug(heading[1] as string));
  }
  return out;
}

/** Markdown links outside code blocks: [text](target). */
function links(markdown: string): string[] {
  const prose = markdown.replace(/```[\s\S]*?```/g, '').replace(/`[^`\n]*`/g, '');
  return [...prose.matchAll(/\]\(([^)\s]+)\)/g)].map((m) => m[1] as string);
}

describe.each(PAGES)('%s', (page) => {
  const text = readFileSync(join(ROOT, page), 'utf8');

  test('relative links point at existing files and headings', () => {
    const broken: string[] = [];
    const targets = links(text).filter((l) => !/^[a-z]+:/.test(l));
    expect(targets.length).toBeGreaterThan(0);
    for (const target of targets) {
      const [path, anchor] = target.split('#') as [string, string | undefined];
      const file = path === '' ? join(ROOT, page) : join(ROOT, dirname(page), path);
      if (!existsSync(file)) {
        broken.push(`${target}: no such file`);
        continue;
      }
      if (anchor !== undefined && statSync(file).isFile() && file.endsWith('.md') && !anchors(readFileSync(file, 'utf8')).has(decodeURIComponent(anchor))) {
        broken.push(`${target}: no such heading`);
      }
    }
    expect(broken).toEqual([]);
  });
});
