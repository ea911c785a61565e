import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { PartnerBlock } from '@hub/core';
import type { FileEdit } from '../commands/scaffold';
import { addToCompose } from './composeFile';
import { MissingAnchor, deployedPartner, type Added, type DeployedPartner } from './deployedPartner';
import { addToDockerfile } from './dockerfile';
import { addToInitSql } from './initSql';
import { kubernetesEdits } from './kubernetes/kubernetesEdits';

/** Adds the partner to a file's text; the text as it was when the partner is in it already. */
export type Editor = (text: string, partner: DeployedPartner) => Added;

/** The files that run the hub in containers, from the workspace root, and how each is edited. */
export const DEPLOYMENT_FILES: readonly (readonly [string, Editor])[] = [
  ['docker-compose.yml', addToCompose],
  ['infra/postgres/init.sql', addToInitSql],
  ['infra/Dockerfile', addToDockerfile],
];

/**
 * Every change that makes the partner deployable, computed and not written: a file that is
 * missing or lacks the entry the new one goes beside is a problem, and then nothing is written.
 * infra/kubernetes/ is generated, not edited: it is regenerated with the new partner.
 */
export function planDeployment(block: PartnerBlock, root: string): { edits: FileEdit[]; problems: string[] } {
  const partner = deployedPartner(block);
  const edits: FileEdit[] = [];
  const problems: string[] = [];
  for (const [relative, edit] of DEPLOYMENT_FILES) {
    const file = path.join(root, relative);
    if (!existsSync(file)) {
      problems.push(`${relative} is missing from ${root}: hub new adds ${partner.name}'s container setup to it.`);
      continue;
    }
    const text = readFileSync(file, 'utf8');
    try {
      const result = edit(text, partner);
      if (result.text !== text) edits.push({ file, text: result.text, added: result.added.join(', ') });
    } catch (error) {
      if (!(error instanceof MissingAnchor)) throw error;
      problems.push(`${relative}: ${error.message} Restore that, or add ${partner.name} to this file by hand first (hub new leaves what is there).`);
    }
  }
  return { edits: [...edits, ...kubernetesEdits(block, root)], problems };
}
