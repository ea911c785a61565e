/**
 * Static checks of the Kubernetes manifests in infra/kubernetes/, against the subgraphs listed in
 * schema/supergraph.graphql. There is no cluster: every object is validated against its API
 * schema (kubernetes-models, by apiVersion and kind) and the wiring is compared. The files are the
 * repository's, or those of the workspace at HUB_ROOT, like dockerCompose.test.ts.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse, parseAllDocuments } from 'yaml';
import { InvalidManifest, kubernetesFiles, yamlFile } from '@hub/cli/dist/deployment/kubernetes/kubernetesFiles';
import { modelOf } from '@hub/cli/dist/deployment/kubernetes/models';

const REPO_ROOT = path.resolve(__dirname, '../../..');
const ROOT = path.resolve(process.env.HUB_ROOT || REPO_ROOT);
const DIR = path.join(ROOT, 'infra', 'kubernetes');

// Plain data read back from YAML: the fields looked at here, loosely typed.
/* eslint-disable @typescript-eslint/no-explicit-any */
type K8sObject = { apiVersion: string; kind: string; metadata: { name: string; labels?: Record<string, string> }; spec: any };

const resources: string[] = parse(readFileSync(path.join(DIR, 'kustomization.yaml'), 'utf8')).resources;
const objects: { file: string; object: K8sObject }[] = resources.flatMap((file) =>
  parseAllDocuments(readFileSync(path.join(DIR, file), 'utf8')).map((document) => ({ file, object: document.toJS() as K8sObject })),
);

function find(kind: string, name: string): K8sObject {
  const found = objects.find(({ object }) => object.kind === kind && object.metadata.name === name);
  if (!found) throw new Error(`No ${kind} named ${name} in ${DIR}.`);
  return found.object;
}
const ofKind = (kind: string) => objects.filter(({ object }) => object.kind === kind).map(({ object }) => object);
const containerOf = (deployment: K8sObject) => deployment.spec.template.spec.containers[0];
const envOf = (deployment: K8sObject): Record<string, any> =>
  Object.fromEntries(containerOf(deployment).env.map((entry: any) => [entry.name, entry]));

/** Name and port of every subgraph, from the supergraph's join__Graph enum. */
const subgraphs = [
  ...readFileSync(path.join(ROOT, 'schema', 'supergraph.graphql'), 'utf8').matchAll(/@join__graph\(\s*name:\s*"([^"]+)",\s*url:\s*"([^"]+)"/g),
].map(([, name, url]) => ({ name, port: Number(new URL(url).port), prefix: name.toUpperCase().replace(/-/g, '_') }));

const gateway = find('Deployment', 'gateway');
const gatewayLabels = gateway.spec.selector.matchLabels;

describe('infra/kubernetes/', () => {
  it('lists the subgraphs of the supergraph and the generated files', () => {
    expect(subgraphs.length).toBeGreaterThanOrEqual(5);
    expect(resources).toEqual(expect.arrayContaining(['namespace.yaml', 'gateway.yaml', 'redis.yaml', ...subgraphs.map(({ name }) => `${name}.yaml`)]));
  });

  it.each(objects.map(({ file, object }) => [file, object.kind, object.metadata.name, object]))(
    '%s: %s %s validates against its API schema',
    (_file, _kind, _name, object) => {
      expect(() => modelOf(object).validate()).not.toThrow();
    },
  );

  it('has every file exactly as `hub deploy kubernetes` generates it (--check exits 0)', () => {
    const result = spawnSync(process.execPath, [path.join(REPO_ROOT, 'cli', 'dist', 'bin.js'), 'deploy', 'kubernetes', '--check'], {
      env: { ...process.env, HUB_ROOT: ROOT },
      encoding: 'utf8',
    });
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
  });
});

describe.each(subgraphs)('the $name subgraph', ({ name, port, prefix }) => {
  const deployment = find('Deployment', name);
  const container = containerOf(deployment);

  it('runs 2 or more replicas, with /readyz and /healthz probes on its port and resources set', () => {
    expect(deployment.spec.replicas).toBeGreaterThanOrEqual(2);
    expect(container.command).toEqual(['node', `subgraphs/${name}/dist/server.js`]);
    expect(container.readinessProbe.httpGet).toEqual({ path: '/readyz', port });
    expect(container.livenessProbe.httpGet).toEqual({ path: '/healthz', port });
    expect(container.resources).toEqual({ requests: expect.objectContaining({ cpu: expect.anything(), memory: expect.anything() }), limits: expect.objectContaining({ memory: expect.anything() }) });
    expect(envOf(deployment)[`${prefix}_PORT`]).toEqual({ name: `${prefix}_PORT`, value: String(port) });
  });

  it('reads its database URL from the Secret of its own CloudNativePG cluster', () => {
    const cluster = find('Cluster', `${name}-db`);
    const role = `hub_${name.replace(/-/g, '_')}`;
    expect(cluster.spec.instances).toBe(3);
    expect(cluster.spec.bootstrap.initdb).toEqual({ database: role, owner: role });
    expect(cluster.spec.backup.barmanObjectStore.s3Credentials.secretAccessKey.name).toEqual(expect.any(String));
    expect(envOf(deployment)[`${prefix}_DATABASE_URL`].valueFrom).toEqual({ secretKeyRef: { name: `${name}-db-app`, key: 'uri' } });
  });

  it('has a Service on its port, which the gateway is pointed at, and a ServiceMonitor scraping /metrics', () => {
    const service = find('Service', name);
    expect(service.spec.selector).toEqual(deployment.spec.selector.matchLabels);
    expect(service.spec.ports).toEqual([expect.objectContaining({ name: 'http', port })]);
    expect(envOf(gateway)[`${prefix}_URL`].value).toBe(`http://${name}:${port}/graphql`);
    const monitor = find('ServiceMonitor', name);
    expect(monitor.spec.selector.matchLabels).toEqual(deployment.spec.selector.matchLabels);
    expect(monitor.spec.endpoints).toEqual([expect.objectContaining({ port: 'http', path: '/metrics' })]);
  });

  it("takes connections on its port from the gateway's pods only", () => {
    const policy = find('NetworkPolicy', `${name}-from-gateway-only`);
    expect(policy.spec.podSelector.matchLabels).toEqual(deployment.spec.selector.matchLabels);
    expect(policy.spec.ingress).toEqual([{ from: [{ podSelector: { matchLabels: gatewayLabels } }], ports: [{ protocol: 'TCP', port }] }]);
  });
});

describe('every NetworkPolicy', () => {
  it.each(ofKind('NetworkPolicy').map((policy) => [policy.metadata.name, policy]))(
    '%s admits exactly one peer, the pods with the gateway\'s labels, in its own namespace',
    (_name, policy) => {
      expect(policy.spec.policyTypes).toEqual(['Ingress']);
      const peers = policy.spec.ingress.flatMap((rule: any) => rule.from ?? [{}]);
      expect(peers).toEqual([{ podSelector: { matchLabels: gatewayLabels } }]);
      expect(gateway.spec.template.metadata.labels).toMatchObject(gatewayLabels);
    },
  );
});

describe('the gateway', () => {
  it('runs 2 or more replicas, scaled on CPU by a HorizontalPodAutoscaler that keeps 2 or more', () => {
    expect(gateway.spec.replicas).toBeGreaterThanOrEqual(2);
    const autoscaler = find('HorizontalPodAutoscaler', 'gateway');
    expect(autoscaler.spec.scaleTargetRef).toEqual({ apiVersion: 'apps/v1', kind: 'Deployment', name: 'gateway' });
    expect(autoscaler.spec.minReplicas).toBeGreaterThanOrEqual(2);
    expect(autoscaler.spec.metrics).toEqual([expect.objectContaining({ resource: expect.objectContaining({ name: 'cpu' }) })]);
  });

  it('keeps one pod through a voluntary disruption, and is reached through its Service and Ingress', () => {
    expect(find('PodDisruptionBudget', 'gateway').spec).toEqual({ minAvailable: 1, selector: { matchLabels: gatewayLabels } });
    expect(find('Service', 'gateway').spec.selector).toEqual(gatewayLabels);
    expect(find('Ingress', 'gateway').spec.rules[0].http.paths[0].backend.service.name).toBe('gateway');
  });

  it('shares its kept answers through HUB_REDIS_URL, at the Redis Service', () => {
    const url = new URL(envOf(gateway).HUB_REDIS_URL.value);
    const redis = find('Service', url.hostname);
    expect(redis.spec.ports.map((entry: any) => entry.port)).toContain(Number(url.port));
    expect(find('Deployment', url.hostname).spec.selector.matchLabels).toEqual(redis.spec.selector);
  });
});

describe('secrets', () => {
  const deployments = ofKind('Deployment');
  const SECRET_NAME = /PASSWORD|SECRET|TOKEN|KEY/i;
  const SECRET_VALUE = /-----BEGIN|\w+:\/\/[^/\s:@]+:[^@\s]*@|password|token/i;

  it.each(deployments.map((deployment) => [deployment.metadata.name, deployment]))(
    '%s has no secret in a literal env value: secrets come from secretKeyRef or files of mounted Secrets',
    (_name, deployment) => {
      const container = containerOf(deployment);
      const secretMounts = container.volumeMounts
        ?.filter((mount: any) => deployment.spec.template.spec.volumes.find((volume: any) => volume.name === mount.name)?.secret)
        .map((mount: any) => `${mount.mountPath}/`) ?? [];
      for (const entry of container.env ?? []) {
        if (entry.value === undefined) {
          expect([entry.name, Object.keys(entry.valueFrom)]).toEqual([entry.name, ['secretKeyRef']]);
        } else if (entry.name.endsWith('_FILE')) {
          expect([entry.name, secretMounts.some((mount: string) => entry.value.startsWith(mount))]).toEqual([entry.name, true]);
        } else {
          expect([entry.name, SECRET_NAME.test(entry.name) || SECRET_VALUE.test(entry.value)]).toEqual([entry.name, false]);
        }
      }
    },
  );

  it('no Secret is generated: they are only referenced', () => {
    expect(ofKind('Secret')).toEqual([]);
  });
});

describe('the generator', () => {
  const partners = [{ name: 'museum', port: 4006, envPrefix: 'MUSEUM', role: 'hub_museum' }];

  it('gives the same bytes for the same partners, whatever their order', () => {
    const other = { name: 'business-esbjerg', port: 4007, envPrefix: 'BUSINESS_ESBJERG', role: 'hub_business_esbjerg' };
    expect(kubernetesFiles([other, ...partners])).toEqual(kubernetesFiles([...partners, other]));
  });

  it('refuses an object that breaks its API schema, naming it and the rule', () => {
    const broken = modelOf({ apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'broken' }, spec: { replicas: 'two', selector: {}, template: {} } });
    expect(() => yamlFile([broken])).toThrow(InvalidManifest);
    expect(() => yamlFile([broken])).toThrow(/^Deployment broken breaks the apps\/v1 schema: .*replicas must be integer/);
  });
});
