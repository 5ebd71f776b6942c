import type { Code } from 'mdast';
import type { Atom } from './atoms.js';
import { countTokens } from './token-counter.js';

/** How a code block is opened and closed when it is cut into pieces. */
export interface Fence {
  /** Opening line: the fence marker and the original info string. */
  open: string;
  /** Closing line: the same marker. */
  close: string;
}

/**
 * The fence of a code block as written in the source: same marker character and length,
 * same info string. Indented code gets a backtick fence. The marker is lengthened when
 * the code itself contains a line that would close it.
 */
export function fenceOf(node: Code, source: string): Fence {
  const firstLine = source.split(/\r?\n/, 1)[0];
  // The slice may start at its line's beginning inside a container: skip quote and list markers.
  const match = /^(?:[ \t]*(?:>|[-*+]|\d{1,9}[.)])(?=[ \t>]|$))*[ \t]*(`{3,}|~{3,})(.*)$/.exec(firstLine);
  let marker = match ? match[1] : '```';
  const info = match ? match[2].trim() : '';
  const char = marker[0];
  for (const line of node.value.split('\n')) {
    const run = /^[ \t]*(`+|~+)/.exec(line)?.[1];
    if (run && run[0] === char && run.length >= marker.length) marker = char.repeat(run.length + 1);
  }
  return { open: info ? `${marker}${info}` : marker, close: marker };
}

function render(fence: Fence, lines: readonly string[]): string {
  return `${fence.open}\n${lines.join('\n')}\n${fence.close}`;
}

function trimBlankLines(lines: string[]): string[] {
  let a = 0;
  let b = lines.length;
  while (a < b && lines[a].trim() === '') a += 1;
  while (b > a && lines[b - 1].trim() === '') b -= 1;
  return lines.slice(a, b);
}

/** Groups lines into runs separated by blank lines; each run keeps the blank lines before it. */
function blankLineGroups(lines: readonly string[]): string[][] {
  const groups: string[][] = [];
  let group: string[] = [];
  let sawText = false;
  for (const line of lines) {
    if (line.trim() === '' && sawText) {
      groups.push(group);
      group = [];
      sawText = false;
    }
    group.push(line);
    if (line.trim() !== '') sawText = true;
  }
  if (group.length > 0) groups.push(group);
  return groups;
}

/**
 * Splits code that does not fit in `limit` tokens into fenced pieces: at blank lines
 * first, then at lines. Every piece is a complete fence with the original marker and info
 * string, marked `split: 'code-lines'`. A single line above the limit stays whole and is
 * marked `oversized: 'unsplittable-line'`.
 */
export function splitCodeLines(fence: Fence, lines: readonly string[], limit: number, join: string): Atom[] {
  const overhead = countTokens(render(fence, []));
  const lineTokens = (line: string): number => countTokens(line) + 1;
  const pieces: string[][] = [];
  let current: string[] = [];
  let currentTokens = overhead;

  const flush = (): void => {
    let body = trimBlankLines(current);
    const carry: string[] = [];
    // Token counts are not exactly additive across line joins: check the real piece.
    while (body.length > 1 && countTokens(render(fence, body)) > limit) carry.unshift(body.pop() as string);
    if (body.length > 0) pieces.push(body);
    body = carry;
    current = body;
    currentTokens = overhead + body.reduce((n, l) => n + lineTokens(l), 0);
  };
  const add = (line: string): void => {
    const n = lineTokens(line);
    if (currentTokens + n > limit && current.some((l) => l.trim() !== '')) flush();
    current.push(line);
    currentTokens += n;
  };

  for (const group of blankLineGroups(lines)) {
    const groupTokens = group.reduce((n, l) => n + lineTokens(l), 0);
    if (currentTokens + groupTokens <= limit) {
      current.push(...group);
      currentTokens += groupTokens;
      continue;
    }
    if (current.some((l) => l.trim() !== '')) flush();
    for (const line of group) add(line);
  }
  while (current.some((l) => l.trim() !== '')) flush();

  return pieces.map((body, i) => {
    const text = render(fence, body);
    const tokens = countTokens(text);
    const atom: Atom = {
      text,
      kind: 'code',
      join: i === 0 ? join : '\n\n',
      tokens,
      split: 'code-lines',
      resplit: (l) => splitCodeLines(fence, body, l, i === 0 ? join : '\n\n'),
    };
    if (body.length === 1 && tokens > limit) atom.oversized = 'unsplittable-line';
    return atom;
  });
}

/** Splits a code block node whose fence does not fit in `limit` tokens. */
export function splitCode(node: Code, source: string, limit: number, join: string): Atom[] {
  return splitCodeLines(fenceOf(node, source), node.value.split(/\r?\n/), limit, join);
}
