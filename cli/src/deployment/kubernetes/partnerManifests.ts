import { Cluster } from '@kubernetes-models/cloudnative-pg/postgresql.cnpg.io/v1/Cluster';
import type { DeployedPartner } from '../deployedPartner';
import { IMAGE, metadataOf } from './labels';
import { telemetryEnv, type Manifest } from './manifest';
import { SECRETS, databaseSecretOf, secretEnv, secretFile, secretVolume } from './secrets';
import { deployment, gatewayOnly, httpProbe, service, serviceMonitor } from './workloads';

/**
 * Measured at Esbjerg's size (120,000 persons, PostgreSQL, 20 analysts at once over every example
 * query): each partner's peak RSS was 124-128 MB serving; 300-442 MB while generating the seed,
 * which production does not. The request leaves twice the serving peak; the limit holds a seed.
 */
const PARTNER_RESOURCES = { requests: { cpu: '250m', memory: '256Mi' }, limits: { cpu: '1', memory: '512Mi' } };

/**
 * Two replicas, because every replica reaches the same PostgreSQL database. Never more than one
 * on PGlite: an embedded database is one session inside one process, so a second replica would
 * have a database of its own.
 */
const PARTNER_REPLICAS = 2;

const clusterOf = (partner: DeployedPartner) => `${partner.name}-db`;

function partnerDeployment(partner: DeployedPartner) {
  const { name, port, envPrefix } = partner;
  const publicKey = secretVolume(SECRETS.gatewayPublicKey);
  return deployment({
    name,
    component: 'subgraph',
    replicas: PARTNER_REPLICAS,
    volumes: [publicKey.volume],
    container: {
      name,
      image: IMAGE,
      command: ['node', `subgraphs/${name}/dist/server.js`],
      ports: [{ name: 'http', containerPort: port }],
      env: [
        { name: 'HUB_HOST', value: '0.0.0.0' },
        { name: `${envPrefix}_PORT`, value: String(port) },
        secretEnv(`${envPrefix}_DATABASE_URL`, databaseSecretOf(clusterOf(partner))),
        { name: 'HUB_GATEWAY_PUBLIC_KEY_FILE', value: secretFile(SECRETS.gatewayPublicKey) },
        secretEnv('HUB_RECORD_KEY_SECRET', SECRETS.recordKey),
        ...telemetryEnv(`hub-${name}`),
      ],
      volumeMounts: [publicKey.mount],
      // /readyz: its database answers and its migrations are done; /healthz: the process is up.
      readinessProbe: httpProbe('/readyz', port, 3),
      livenessProbe: { ...httpProbe('/healthz', port, 6), initialDelaySeconds: 30 },
      resources: PARTNER_RESOURCES,
    },
  });
}

/**
 * The partner's own PostgreSQL (CloudNativePG): three instances, one database owned by one role
 * named as in infra/postgres/init.sql; CloudNativePG makes the role's password and its Secret.
 */
function partnerCluster(partner: DeployedPartner): Cluster {
  const name = clusterOf(partner);
  return new Cluster({
    metadata: metadataOf(name, 'database'),
    spec: {
      instances: 3,
      imageName: 'ghcr.io/cloudnative-pg/postgresql:15',
      storage: { size: '10Gi' },
      bootstrap: { initdb: { database: partner.role, owner: partner.role } },
      backup: {
        retentionPolicy: '30d',
        barmanObjectStore: {
          // Replace with the alliance's bucket; kept per partner so one partner's backups stay its own.
          destinationPath: `s3://CHANGE-ME-hub-backups/${partner.name}`,
          s3Credentials: {
            accessKeyId: { name: SECRETS.backup.name, key: 'ACCESS_KEY_ID' },
            secretAccessKey: { name: SECRETS.backup.name, key: 'ACCESS_SECRET_KEY' },
          },
        },
      },
    },
  });
}

/** Everything one partner runs on: its subgraph, who may reach it, its database and its scrape. */
export function partnerManifests(partner: DeployedPartner): Manifest[] {
  return [
    partnerDeployment(partner),
    service(partner.name, 'subgraph', partner.port),
    gatewayOnly(partner.name, 'subgraph', partner.port),
    partnerCluster(partner),
    serviceMonitor(partner.name, 'subgraph'),
  ];
}
