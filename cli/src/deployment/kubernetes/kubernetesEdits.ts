import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { discoverPartners, type PartnerBlock, type PartnerSpec } from '@hub/core';
import type { FileEdit } from '../../commands/scaffold';
import { deployedPartner, type DeployedPartner } from '../deployedPartner';
import { KUBERNETES_DIR, kubernetesFiles } from './kubernetesFiles';

/** The registry's partners as the deployment files name them. */
export const deployedPartners = (specs: readonly PartnerSpec[]): DeployedPartner[] =>
  specs.map((spec) => deployedPartner({ partner: spec.name, title: spec.title, organisation: spec.organisation, port: spec.defaultPort }));

/**
 * infra/kubernetes/ regenerated with the new partner beside those of the workspace at `root`:
 * the files that change. None when the workspace has no infra/kubernetes/ (it does not run on
 * Kubernetes, and hub new does not start it).
 */
export function kubernetesEdits(block: PartnerBlock, root: string): FileEdit[] {
  const dir = path.join(root, KUBERNETES_DIR);
  if (!existsSync(dir)) return [];
  const others = deployedPartners(discoverPartners(root)).filter((partner) => partner.name !== block.partner);
  const edits: FileEdit[] = [];
  for (const [name, text] of kubernetesFiles([...others, deployedPartner(block)])) {
    const file = path.join(dir, name);
    const before = existsSync(file) ? readFileSync(file, 'utf8') : undefined;
    if (before === text) continue;
    const added = before === undefined ? `${block.partner}'s Deployment, Service, NetworkPolicy, database Cluster and ServiceMonitor` : `regenerated with ${block.partner}`;
    edits.push({ file, text, added });
  }
  return edits;
}
