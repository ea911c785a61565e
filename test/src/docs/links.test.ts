import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { REPO_ROOT } from '../support/processes';
import { documentationFiles, parseDoc, type MarkdownDoc } from './markdown';

const docs = new Map(documentationFiles().map((file) => [file, parseDoc(file)]));

/** Where a relative link points, or why it does not resolve; null when it does. */
function brokenTarget(doc: MarkdownDoc, href: string): string | null {
  const [target, anchor] = href.split('#', 2);
  const file = target ? path.normalize(path.join(path.dirname(doc.file), decodeURI(target))) : doc.file;
  if (!existsSync(path.join(REPO_ROOT, file))) return `${file} does not exist`;
  if (anchor === undefined) return null;
  if (statSync(path.join(REPO_ROOT, file)).isDirectory() || !file.endsWith('.md')) return `#${anchor} on ${file}, which has no headings`;
  const anchors = docs.get(file)?.anchors ?? parseDoc(file).anchors;
  return anchors.has(decodeURIComponent(anchor)) ? null : `${file} has no heading #${anchor}`;
}

const relativeLinks = [...docs.values()].flatMap((doc) =>
  doc.links.filter(({ href }) => !/^[a-z]+:/i.test(href)).map((link) => ({ doc, ...link })),
);

describe('links in README.md and docs/', () => {
  it('finds the guides and their links', () => {
    expect(docs.size).toBeGreaterThan(5);
    expect(relativeLinks.length).toBeGreaterThan(20);
  });

  it('resolves every relative link and #anchor', () => {
    const broken = relativeLinks
      .map(({ doc, href, line }) => ({ where: `${doc.file}:${line}`, href, problem: brokenTarget(doc, href) }))
      .filter(({ problem }) => problem !== null);
    expect(broken).toEqual([]);
  });

  it('reaches every guide from the README, directly or through docs/README.md', () => {
    const linked = new Set(
      ['README.md', 'docs/README.md'].flatMap((file) =>
        (docs.get(file)?.links ?? []).map(({ href }) => path.normalize(path.join(path.dirname(file), href.split('#')[0]))),
      ),
    );
    expect([...docs.keys()].filter((file) => file !== 'README.md' && !linked.has(file))).toEqual([]);
  });
});
