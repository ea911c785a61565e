import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { OPERATION_DIRS } from '@hub/gateway';
import { REPO_ROOT } from '../support/processes';
import { documentationFiles, parseDoc, type CodeBlock } from './markdown';

/**
 * The docs' examples and how each is checked, from the HTML comments written right above a block:
 * - `<!-- not-run: why; covered by <test file> -->`: not run here (it starts a server, needs Docker,
 *   runs for minutes); the named files must exist.
 * - `<!-- variables: {…} -->`: the variables of the GraphQL operation below.
 * - `<!-- role: dashboard -->`: run the GraphQL operation below with that role's token (default analyst).
 * - `<!-- exit: 1 -->`: the shell example below exits with that code (default 0).
 * - `<!-- answer -->`: the block below (```json, or plain text) is what the example above it
 *   answers or prints, in part (see expectations.ts).
 */
export interface Example {
  block: CodeBlock;
  answer?: CodeBlock;
  notRun?: string;
  variables?: Record<string, unknown>;
  role?: string;
  /** The exit code a shell example ends with. */
  exit: number;
  /**
   * Shell: the variables set by the file's earlier shell examples (`TOKEN=$(…)`, `export HUB_TOKEN=…`),
   * set again first, as in the one terminal a reader follows a guide in.
   */
  session: string[];
}

const RUNNABLE = new Set(['graphql', 'sh', 'bash']);

const marker = (block: CodeBlock, name: string) =>
  block.markers.find((text) => text.startsWith(`${name}:`))?.slice(name.length + 1).trim();

export const name = (example: Example) => `${example.block.file}:${example.block.line} (${example.block.lang})`;

/** Every GraphQL and shell block of README.md and docs/, with its shown answer. */
export function documentedExamples(): Example[] {
  return documentationFiles().flatMap((file) => {
    const examples: Example[] = [];
    const session: string[] = [];
    for (const block of parseDoc(file).blocks) {
      if (block.markers.includes('answer')) {
        const last = examples.at(-1);
        if (!last || last.answer) throw new Error(`${file}:${block.line}: an answer with no example right above it`);
        last.answer = block;
      } else if (RUNNABLE.has(block.lang)) {
        const variables = marker(block, 'variables');
        examples.push({
          block,
          notRun: marker(block, 'not-run'),
          variables: variables ? (JSON.parse(variables) as Record<string, unknown>) : undefined,
          role: marker(block, 'role'),
          exit: Number(marker(block, 'exit') ?? 0),
          session: [...session],
        });
        if (block.lang !== 'graphql' && !block.markers.some((text) => text.startsWith('not-run:'))) {
          session.push(...block.content.split('\n').filter((line) => /^(export\s+)?[A-Z_][A-Z0-9_]*=/.test(line)));
        }
      }
    }
    return examples;
  });
}

/** The repository files a `not-run` reason names, and whether each exists. */
export function coveringFiles(reason: string): { file: string; exists: boolean }[] {
  return [...reason.matchAll(/(?:[\w.-]+\/)+[\w.-]+/g)].map(([file]) => ({ file, exists: existsSync(path.join(REPO_ROOT, file)) }));
}

/** The registered `.graphql` file whose text is exactly `content`, if any. */
export function registeredFileWith(content: string): string | undefined {
  for (const dir of OPERATION_DIRS) {
    for (const entry of readdirSync(dir).filter((name) => name.endsWith('.graphql'))) {
      const file = path.join(dir, entry);
      if (readFileSync(file, 'utf8').trimEnd() === content.trimEnd()) return file;
    }
  }
  return undefined;
}
