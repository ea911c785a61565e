import type { Manifest } from './manifest';
import { deployment, gatewayOnly, service } from './workloads';

const NAME = 'redis';
const PORT = 6379;

/** What the gateway's HUB_REDIS_URL names: the Service below. */
export const REDIS_URL = `redis://${NAME}:${PORT}`;

/**
 * The gateway's kept answers, as in docker-compose.yml: bounded, least recently used out first,
 * nothing on disk. One replica and no volume: a lost entry costs one question to a partner, never
 * a wrong answer, so Redis needs neither persistence nor failover.
 */
function redisDeployment() {
  return deployment({
    name: NAME,
    component: 'cache',
    replicas: 1,
    container: {
      name: NAME,
      image: 'redis:7',
      args: ['--maxmemory', '256mb', '--maxmemory-policy', 'allkeys-lru', '--save', '', '--appendonly', 'no'],
      ports: [{ name: 'redis', containerPort: PORT }],
      readinessProbe: { exec: { command: ['redis-cli', 'ping'] }, periodSeconds: 10 },
      livenessProbe: { tcpSocket: { port: PORT }, periodSeconds: 10, failureThreshold: 6 },
      // 256 MB of data plus Redis's own overhead.
      resources: { requests: { cpu: '100m', memory: '320Mi' }, limits: { cpu: '500m', memory: '384Mi' } },
    },
  });
}

export function redisManifests(): Manifest[] {
  return [redisDeployment(), service(NAME, 'cache', PORT, 'redis'), gatewayOnly(NAME, 'cache', PORT)];
}
