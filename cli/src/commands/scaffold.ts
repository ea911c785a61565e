import { mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { WORKSPACE_ROOT, auditFieldPrefix, type PartnerBlock } from '@hub/core';
import { shown } from './compose';

/** `cli/templates/`: shipped with the CLI, beside its dist/. */
export const TEMPLATES_DIR = path.resolve(__dirname, '..', '..', 'templates');

export type TemplateValues = Readonly<Record<string, string>>;

/** Fills every `{{name}}` of `text`; a name without a value is a bug in the templates. */
export function render(text: string, values: TemplateValues): string {
  return text.replace(/\{\{(\w+)\}\}/g, (_match, name: string) => {
    const value = values[name];
    if (value === undefined) throw new Error(`Template placeholder {{${name}}} has no value.`);
    return value;
  });
}

/**
 * Renders every `*.tmpl` file under `templateDir` into `targetDir` (created), names included,
 * without the `.tmpl` suffix. Returns the files written, relative to `targetDir`.
 */
export function renderTree(templateDir: string, targetDir: string, values: TemplateValues): string[] {
  const written: string[] = [];
  const files = readdirSync(templateDir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.tmpl'))
    .map((entry) => path.relative(templateDir, path.join(entry.parentPath, entry.name)))
    .sort();
  for (const file of files) {
    const target = render(file.slice(0, -'.tmpl'.length), values);
    mkdirSync(path.dirname(path.join(targetDir, target)), { recursive: true });
    // 'wx': never overwrite a file that is there already.
    writeFileSync(path.join(targetDir, target), render(readFileSync(path.join(templateDir, file), 'utf8'), values), {
      flag: 'wx',
    });
    written.push(target);
  }
  return written;
}

/**
 * Writes a whole new folder at once: rendered into a staging folder beside it, then renamed into
 * place, so a failure halfway leaves no half-written package for discovery to trip over.
 */
export function writeFolder(target: string, write: (dir: string) => void): void {
  const staging = mkdtempSync(path.join(path.dirname(target), '.hub-new-'));
  try {
    write(staging);
    renameSync(staging, target);
  } catch (error) {
    rmSync(staging, { recursive: true, force: true });
    throw error;
  }
}

interface TsConfig {
  references?: { path: string }[];
}

/** A change to a file that exists: its whole new text, and what the change adds, in words. */
export interface FileEdit {
  file: string;
  text: string;
  added: string;
}

/**
 * A tsconfig.json's text with one more project reference (`tsc -b` builds only what is
 * referenced): as a line of its own after the last subgraph's, so the file keeps its layout; or,
 * for another layout, as formatted JSON. Undefined when the reference is there already.
 */
export function withProjectReference(text: string, reference: string): string | undefined {
  const config = JSON.parse(text) as TsConfig;
  if (config.references?.some((existing) => existing.path === reference)) return undefined;
  const lines = text.split('\n');
  const last = lines.findLastIndex((line) => /^\s*\{\s*"path":\s*"subgraphs\/[^"]*"\s*\},?\s*$/.test(line));
  if (last < 0) return `${JSON.stringify({ ...config, references: [...(config.references ?? []), { path: reference }] }, null, 2)}\n`;
  const indent = /^\s*/.exec(lines[last])![0];
  const hasComma = lines[last].trimEnd().endsWith(',');
  if (!hasComma) lines[last] = `${lines[last].trimEnd()},`;
  lines.splice(last + 1, 0, `${indent}{ "path": "${reference}" }${hasComma ? ',' : ''}`);
  return lines.join('\n');
}

/** The root tsconfig.json's project reference to the new subgraph, unless it has it already. */
export function projectReferenceEdit(block: PartnerBlock, root: string = WORKSPACE_ROOT): FileEdit[] {
  const file = path.join(root, 'tsconfig.json');
  const text = withProjectReference(readFileSync(file, 'utf8'), `subgraphs/${block.partner}`);
  return text === undefined ? [] : [{ file, text, added: 'project reference' }];
}

function packageJson(block: PartnerBlock): string {
  const manifest = {
    name: `@hub/subgraph-${block.partner}`,
    version: '0.1.0',
    private: true,
    main: 'dist/index.js',
    types: 'dist/index.d.ts',
    hub: block,
    dependencies: {
      '@hub/core': '0.1.0',
      graphql: '^16.12.0',
      'reflect-metadata': '^0.2.2',
      'type-graphql': '2.0.0-rc.4',
      typeorm: '1.1.1',
    },
  };
  return `${JSON.stringify(manifest, null, 2)}\n`;
}

/**
 * Writes the subgraph and its test, then the edits of files that exist (planned beforehand, so
 * that a file that cannot be edited stops everything before anything is written). Returns the
 * lines to print.
 */
export function scaffoldPartner(block: PartnerBlock, edits: FileEdit[], root: string = WORKSPACE_ROOT): string[] {
  const camel = auditFieldPrefix(block.partner);
  const values = {
    partner: block.partner,
    camel,
    Pascal: camel[0].toUpperCase() + camel.slice(1),
    // TypeORM orders migrations by this timestamp: after core's shared tables (1767225600000).
    migrationTimestamp: String(Date.now()),
  };
  const folder = path.join(root, 'subgraphs', block.partner);
  writeFolder(folder, (dir) => {
    writeFileSync(path.join(dir, 'package.json'), packageJson(block));
    renderTree(path.join(TEMPLATES_DIR, 'subgraph'), dir, values);
  });
  const lines = [`created ${shown(folder)}/ (package.json with the "hub" block, tsconfig.json, src/)`];
  for (const file of renderTree(path.join(TEMPLATES_DIR, 'test'), path.join(root, 'test', 'src', 'subgraphs'), values)) {
    lines.push(`created ${shown(path.join(root, 'test', 'src', 'subgraphs', file))}`);
  }
  for (const edit of edits) {
    writeFileSync(edit.file, edit.text);
    lines.push(`updated ${shown(edit.file)} (${edit.added})`);
  }
  return lines;
}
