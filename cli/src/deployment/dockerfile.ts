import { MissingAnchor, type Added, type DeployedPartner } from './deployedPartner';

const PARTNER_COPY = /^COPY subgraphs\/[^/\s]+\/package\.json subgraphs\/[^/\s]+\/$/;

/**
 * Adds the COPY of the partner's package.json (`npm ci` needs every workspace's manifest) after the
 * last partner's, and its port to the runtime stage's EXPOSE line when there is one.
 */
export function addToDockerfile(text: string, { name, port }: DeployedPartner): Added {
  const lines = text.split('\n');
  const added: string[] = [];
  const copy = `COPY subgraphs/${name}/package.json subgraphs/${name}/`;
  if (!lines.includes(copy)) {
    const last = lines.findLastIndex((line) => PARTNER_COPY.test(line));
    if (last < 0) {
      throw new MissingAnchor(
        'no "COPY subgraphs/<partner>/package.json subgraphs/<partner>/" line; the new partner\'s goes after the last one.',
      );
    }
    lines.splice(last + 1, 0, copy);
    added.push('COPY of its package.json');
  }
  const expose = lines.findLastIndex((line) => /^EXPOSE\s/.test(line));
  // EXPOSE only documents the ports: a Dockerfile without it needs none.
  if (expose >= 0 && !lines[expose].split(/\s+/).some((word) => word.split('/')[0] === String(port))) {
    lines[expose] = `${lines[expose].trimEnd()} ${port}`;
    added.push(`EXPOSE ${port}`);
  }
  return { text: lines.join('\n'), added };
}
