import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { PARTNERS, WORKSPACE_ROOT } from '@hub/core';
import type { Command } from 'commander';
import { deployedPartners } from '../deployment/kubernetes/kubernetesEdits';
import { GENERATED_HEADER, KUBERNETES_DIR, kubernetesFiles } from '../deployment/kubernetes/kubernetesFiles';
import { shown } from './compose';

export interface DeployOptions {
  /** Where the files go; default infra/kubernetes/ of the workspace. */
  outDir?: string;
  /** Compare instead of writing. */
  check?: boolean;
}

type State = 'new' | 'updated' | 'unchanged' | 'stale';

/** Each file of `dir` against what is generated; a generated file no partner needs any more is stale. */
function compare(dir: string, files: Map<string, string>): [string, State][] {
  const states: [string, State][] = [...files].map(([name, text]) => {
    const file = path.join(dir, name);
    const before = existsSync(file) ? readFileSync(file, 'utf8') : undefined;
    return [file, before === undefined ? 'new' : before === text ? 'unchanged' : 'updated'];
  });
  const stale = (existsSync(dir) ? readdirSync(dir) : [])
    .filter((name) => name.endsWith('.yaml') && !files.has(name))
    .filter((name) => readFileSync(path.join(dir, name), 'utf8').includes(GENERATED_HEADER));
  return [...states, ...stale.map((name): [string, State] => [path.join(dir, name), 'stale'])];
}

/**
 * `hub deploy kubernetes`: the Kubernetes manifests of the registry's partners and the gateway,
 * each object validated against its API schema. Returns the exit code.
 */
export function deployKubernetes(options: DeployOptions = {}): number {
  const dir = options.outDir ? path.resolve(options.outDir) : path.join(WORKSPACE_ROOT, KUBERNETES_DIR);
  const files = kubernetesFiles(deployedPartners(PARTNERS));
  const states = compare(dir, files);
  if (options.check) {
    const differ = states.filter(([, state]) => state !== 'unchanged');
    for (const [file, state] of differ) console.error(`✖ ${shown(file)}: ${state === 'stale' ? 'generated for a partner there is no more' : state === 'new' ? 'missing' : 'not what hub deploy kubernetes generates'}`);
    if (differ.length > 0) console.error('Run hub deploy kubernetes and commit the result.');
    else console.log(`✔ ${shown(dir)} is what hub deploy kubernetes generates for ${PARTNERS.length} partners.`);
    return differ.length > 0 ? 1 : 0;
  }
  mkdirSync(dir, { recursive: true });
  for (const [file, state] of states) {
    if (state === 'stale') rmSync(file);
    else writeFileSync(file, files.get(path.basename(file))!);
    console.log(`  ${state === 'stale' ? 'removed' : 'wrote'} ${shown(file)}${state === 'stale' ? '' : ` (${state})`}`);
  }
  return 0;
}

export function registerDeploy(program: Command): void {
  program
    .command('deploy')
    .summary('Generate the deployment manifests of the partners and the gateway.')
    .description('Generate the files that run the hub on a platform from the partner registry.')
    .command('kubernetes')
    .summary('Write infra/kubernetes/: the Kubernetes manifests of every partner, the gateway and Redis.')
    .description(
      'Write infra/kubernetes/ from the partner registry (the "hub" blocks of subgraphs/*/package.json): ' +
        'per partner a Deployment, Service, NetworkPolicy (the gateway only), CloudNativePG Cluster and ' +
        'ServiceMonitor; the gateway\'s Deployment, Service, HorizontalPodAutoscaler, PodDisruptionBudget, ' +
        'Ingress and ServiceMonitor; Redis; the namespace; a kustomization.yaml. Every object is validated ' +
        'against its API schema before anything is written. Secrets are named, never generated: see ' +
        'docs/kubernetes.md.',
    )
    .option('--out-dir <dir>', 'write to this folder instead of infra/kubernetes/')
    .option('--check', 'write nothing; exit 1 when the files differ from what would be generated')
    .addHelpText(
      'after',
      `
Examples:
  $ hub deploy kubernetes                  # regenerate the checked-in manifests
  $ hub deploy kubernetes --check          # CI: are they in step with the partners?
  $ hub deploy kubernetes --out-dir /tmp/k8s

Exit codes: 0 written (or in step with --check), 1 with --check: a file differs, is missing or is stale.`,
    )
    .action((options: DeployOptions) => {
      process.exitCode = deployKubernetes(options);
    });
}
