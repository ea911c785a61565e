import { HorizontalPodAutoscaler } from 'kubernetes-models/autoscaling/v2/HorizontalPodAutoscaler';
import { Ingress } from 'kubernetes-models/networking.k8s.io/v1/Ingress';
import { PodDisruptionBudget } from 'kubernetes-models/policy/v1/PodDisruptionBudget';
import type { DeployedPartner } from '../deployedPartner';
import { GATEWAY_PORT, IMAGE, metadataOf, selectorOf } from './labels';
import { telemetryEnv, type Manifest } from './manifest';
import { REDIS_URL } from './redisManifests';
import { SECRETS, secretFile, secretVolume } from './secrets';
import { deployment, httpProbe, service, serviceMonitor } from './workloads';

const NAME = 'gateway';
const COMPONENT = 'gateway';

/** Two workers per pod (docs/performance.md, "Results": 2 workers, peak RSS 485-498 MB in all). */
const WORKERS = 2;
const GATEWAY_RESOURCES = { requests: { cpu: '1', memory: '512Mi' }, limits: { cpu: '2', memory: '768Mi' } };

/** The host clients reach; the operator's DNS name goes here (or in a kustomize patch). */
const HOST = 'hub.example.org';

function gatewayDeployment(partners: readonly DeployedPartner[]) {
  const mounts = [SECRETS.gatewayPrivateKey, SECRETS.trustedIssuers].map(secretVolume);
  const partnerUrls = partners.map(({ name, port, envPrefix }) => ({ name: `${envPrefix}_URL`, value: `http://${name}:${port}/graphql` }));
  return deployment({
    name: NAME,
    component: COMPONENT,
    // The HorizontalPodAutoscaler takes over from here; this is the number before it first acts.
    replicas: 2,
    volumes: mounts.map((mount) => mount.volume),
    container: {
      name: NAME,
      image: IMAGE,
      command: ['node', 'gateway/dist/server.js'],
      ports: [{ name: 'http', containerPort: GATEWAY_PORT }],
      env: [
        { name: 'HUB_HOST', value: '0.0.0.0' },
        { name: 'GATEWAY_PORT', value: String(GATEWAY_PORT) },
        { name: 'HUB_GATEWAY_WORKERS', value: String(WORKERS) },
        { name: 'HUB_GATEWAY_PRIVATE_KEY_FILE', value: secretFile(SECRETS.gatewayPrivateKey) },
        { name: 'HUB_TRUSTED_ISSUERS_FILE', value: secretFile(SECRETS.trustedIssuers) },
        ...partnerUrls,
        { name: 'HUB_REDIS_URL', value: REDIS_URL },
        ...telemetryEnv('hub-gateway'),
      ],
      volumeMounts: mounts.map((mount) => mount.mount),
      // /healthz for both: the gateway's /readyz turns 503 when one partner is down, and a gateway
      // taken out of rotation then would fail every partner's fields instead of one's.
      readinessProbe: httpProbe('/healthz', GATEWAY_PORT, 3),
      livenessProbe: { ...httpProbe('/healthz', GATEWAY_PORT, 6), initialDelaySeconds: 20 },
      resources: GATEWAY_RESOURCES,
    },
  });
}

/** More replicas when planning and merging answers keep the CPU busy; never fewer than two. */
const autoscaler = () =>
  new HorizontalPodAutoscaler({
    metadata: metadataOf(NAME, COMPONENT),
    spec: {
      scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: NAME },
      minReplicas: 2,
      maxReplicas: 6,
      metrics: [{ type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 70 } } }],
    },
  });

/** A node drained for maintenance never takes the last gateway pod. */
const disruptionBudget = () =>
  new PodDisruptionBudget({
    metadata: metadataOf(NAME, COMPONENT),
    spec: { minAvailable: 1, selector: { matchLabels: selectorOf(NAME) } },
  });

const ingress = () =>
  new Ingress({
    metadata: metadataOf(NAME, COMPONENT),
    spec: {
      tls: [{ hosts: [HOST], secretName: SECRETS.ingressTls.name }],
      rules: [
        {
          host: HOST,
          http: { paths: [{ path: '/', pathType: 'Prefix', backend: { service: { name: NAME, port: { name: 'http' } } } }] },
        },
      ],
    },
  });

/** The gateway in front of `partners`: the only component clients reach. */
export function gatewayManifests(partners: readonly DeployedPartner[]): Manifest[] {
  return [
    gatewayDeployment(partners),
    service(NAME, COMPONENT, GATEWAY_PORT),
    autoscaler(),
    disruptionBudget(),
    ingress(),
    serviceMonitor(NAME, COMPONENT),
  ];
}
