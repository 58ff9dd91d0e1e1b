// Validates a lecture file's frontmatter against the schema, reporting each problem at its line with a fix.
import { LineCounter, parseDocument, isMap, isScalar, type Node as YamlNode } from 'yaml';
import type { z } from 'zod';
import { lectureSchema } from './lecture-schema.ts';

export interface FrontmatterProblem {
  file: string;
  line: number;
  message: string;
}

const FIELDS = Object.keys(lectureSchema.shape);

/** The line (1-based, in the whole file) of the YAML node at `path`, or of the nearest parent that exists. */
function lineOf(
  doc: ReturnType<typeof parseDocument>,
  counter: LineCounter,
  path: PropertyKey[],
  offsetLines: number,
  key = false,
): number {
  let node: unknown = doc.contents;
  let line = offsetLines;
  for (const step of path) {
    if (!node || typeof node !== 'object' || !('items' in node)) break;
    const items = (node as { items: unknown[] }).items;
    const pair = isMap(node)
      ? (items as { key: YamlNode; value: YamlNode }[]).find((p) => isScalar(p.key) && p.key.value === step)
      : undefined;
    const next = isMap(node) ? pair?.value : (items[Number(step)] as YamlNode | undefined);
    const at = key && pair ? pair.key : (next ?? pair?.key);
    if (!at?.range) break;
    line = counter.linePos(at.range[0]).line + offsetLines;
    node = next;
  }
  return line;
}

function describe(issue: z.core.$ZodIssue, data: unknown): string {
  const field = issue.path.map(String).join('.');
  if (issue.code === 'unrecognized_keys') {
    return `unknown field${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `"${k}"`).join(', ')}: remove ${issue.keys.length > 1 ? 'them' : 'it'} or fix the spelling (allowed: ${FIELDS.join(', ')})`;
  }
  let value: unknown = data;
  for (const step of issue.path) value = (value as Record<PropertyKey, unknown> | undefined)?.[step];
  if (issue.code === 'invalid_type' && value === undefined) {
    return `missing field "${field}": add it (${issue.expected}), e.g. ${field}: ${issue.expected === 'number' ? '1' : '"…"'}`;
  }
  if (issue.code === 'invalid_type') {
    return `field "${field}" must be a ${issue.expected}, but is ${JSON.stringify(value)}`;
  }
  return `field "${field}": ${issue.message}`;
}

/**
 * Checks one lecture file's frontmatter.
 * @param file path shown in messages (relative to the project)
 * @param source the whole .mdx text
 */
export function checkLectureFrontmatter(file: string, source: string): FrontmatterProblem[] {
  const match = source.match(/^---\r?\n([\s\S]*?)\r?\n---\s*(\r?\n|$)/);
  if (!match) {
    return [{ file, line: 1, message: 'no frontmatter: start the file with a --- block giving title, description, order and updated' }];
  }
  const counter = new LineCounter();
  const doc = parseDocument(match[1]!, { lineCounter: counter });
  if (doc.errors.length) {
    return doc.errors.map((e) => ({
      file,
      line: (e.linePos?.[0].line ?? 0) + 1,
      message: `frontmatter is not valid YAML: ${e.message.split('\n')[0]}`,
    }));
  }
  const data: unknown = doc.toJS();
  const parsed = lectureSchema.safeParse(data ?? {});
  if (parsed.success) return [];
  return parsed.error.issues.map((issue) => {
    const isUnknown = issue.code === 'unrecognized_keys';
    const path = isUnknown ? [...issue.path, issue.keys[0]!] : issue.path;
    return { file, line: lineOf(doc, counter, path, 1, isUnknown), message: describe(issue, data) };
  });
}

export function formatFrontmatterProblems(problems: FrontmatterProblem[]): string {
  return problems.map((p) => `${p.file}:${p.line}: ${p.message}`).join('\n');
}
