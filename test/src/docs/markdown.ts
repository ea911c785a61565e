import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import MarkdownIt from 'markdown-it';
import { REPO_ROOT } from '../support/processes';

/** One fenced code block of a documentation file, with the HTML comments written right above it. */
export interface CodeBlock {
  /** Relative to the repository, e.g. `docs/secretariat.md`. */
  file: string;
  /** 1-based line of the opening fence. */
  line: number;
  /** The fence's language (`graphql`, `sh`, `json`, or `` for none). */
  lang: string;
  content: string;
  /** The comments right above the fence, without `<!--` and `-->`, e.g. `answer`, `not-run: …`. */
  markers: string[];
}

export interface MarkdownDoc {
  file: string;
  blocks: CodeBlock[];
  /** Every link target as written (`docs/x.md#y`, `#z`, `https://…`). */
  links: { href: string; line: number }[];
  /** The anchors its headings get on GitHub. */
  anchors: Set<string>;
}

const markdown = new MarkdownIt({ html: true });

/** README.md and every Markdown file under docs/, relative to the repository. */
export function documentationFiles(): string[] {
  const docs = readdirSync(path.join(REPO_ROOT, 'docs'), { recursive: true, encoding: 'utf8' })
    .filter((name) => name.endsWith('.md'))
    .map((name) => path.join('docs', name))
    .sort();
  return ['README.md', ...docs];
}

/** GitHub's heading anchor: lower case, punctuation dropped, spaces as hyphens, repeats numbered. */
export function githubSlug(text: string, seen: Map<string, number>): string {
  const base = text
    .toLowerCase()
    .replace(/[^\p{L}\p{M}\p{N}\p{Pc} -]/gu, '')
    .replace(/ /g, '-');
  const count = seen.get(base) ?? 0;
  seen.set(base, count + 1);
  return count ? `${base}-${count}` : base;
}

const commentText = (token: MarkdownIt.Token) =>
  [...token.content.matchAll(/<!--([\s\S]*?)-->/g)].map((match) => match[1].trim().replace(/\s+/g, ' '));

function headingText(inline: MarkdownIt.Token): string {
  return (inline.children ?? [])
    .filter((child) => child.type === 'text' || child.type === 'code_inline')
    .map((child) => child.content)
    .join('');
}

export function parseDoc(file: string): MarkdownDoc {
  const tokens = markdown.parse(readFileSync(path.join(REPO_ROOT, file), 'utf8'), {});
  const doc: MarkdownDoc = { file, blocks: [], links: [], anchors: new Set() };
  const seen = new Map<string, number>();
  let markers: string[] = [];
  tokens.forEach((token, index) => {
    if (token.type === 'html_block') {
      markers.push(...commentText(token));
      return;
    }
    if (token.type === 'fence') {
      const line = (token.map?.[0] ?? 0) + 1;
      doc.blocks.push({ file, line, lang: token.info.trim().split(/\s+/)[0], content: token.content, markers });
    } else if (token.type === 'heading_open') {
      doc.anchors.add(githubSlug(headingText(tokens[index + 1]), seen));
    } else if (token.type === 'inline') {
      for (const child of token.children ?? []) {
        const href = child.type === 'link_open' ? child.attrGet('href') : null;
        if (typeof href === 'string') doc.links.push({ href, line: (token.map?.[0] ?? 0) + 1 });
      }
    }
    // Markers apply to the next block only; list and paragraph wrappers do not end them.
    if (!token.type.endsWith('_open') && !token.type.endsWith('_close') && token.type !== 'html_block') markers = [];
  });
  return doc;
}
