import { Deployment } from 'kubernetes-models/apps/v1/Deployment';
import type { IContainer } from 'kubernetes-models/v1/Container';
import type { IVolume } from 'kubernetes-models/v1/Volume';
import { Service } from 'kubernetes-models/v1/Service';
import { NetworkPolicy } from 'kubernetes-models/networking.k8s.io/v1/NetworkPolicy';
import { ServiceMonitor } from '@kubernetes-models/prometheus-operator/monitoring.coreos.com/v1/ServiceMonitor';
import { GATEWAY_SELECTOR, metadataOf, selectorOf } from './labels';

/** The image's `node` user (uid 1000): runAsNonRoot needs a number to check; fsGroup lets it read mounted Secrets. */
const POD_SECURITY = { runAsNonRoot: true, runAsUser: 1000, runAsGroup: 1000, fsGroup: 1000, seccompProfile: { type: 'RuntimeDefault' as const } };
const CONTAINER_SECURITY = { allowPrivilegeEscalation: false, capabilities: { drop: ['ALL'] } };

/** An HTTP probe of the container's port; liveness waits longer, so a slow start is not killed. */
export const httpProbe = (path: string, port: number, failureThreshold: number) => ({
  httpGet: { path, port },
  periodSeconds: 10,
  timeoutSeconds: 3,
  failureThreshold,
});

export interface WorkloadSpec {
  name: string;
  component: string;
  replicas: number;
  container: IContainer;
  volumes?: IVolume[];
}

/** A Deployment of one container, its pods labelled and hardened the same way for every component. */
export function deployment({ name, component, replicas, container, volumes }: WorkloadSpec): Deployment {
  return new Deployment({
    metadata: metadataOf(name, component),
    spec: {
      replicas,
      selector: { matchLabels: selectorOf(name) },
      template: {
        metadata: { labels: metadataOf(name, component).labels },
        spec: {
          securityContext: POD_SECURITY,
          containers: [{ ...container, securityContext: CONTAINER_SECURITY }],
          ...(volumes ? { volumes } : {}),
        },
      },
    },
  });
}

/** A ClusterIP Service named like the component: its DNS name is what the others are told. */
export function service(name: string, component: string, port: number, portName = 'http'): Service {
  return new Service({
    metadata: metadataOf(name, component),
    spec: { selector: selectorOf(name), ports: [{ name: portName, port, targetPort: port }] },
  });
}

/** Ingress to the component's pods from the gateway's pods on its port, and from nothing else. */
export function gatewayOnly(name: string, component: string, port: number): NetworkPolicy {
  return new NetworkPolicy({
    metadata: { ...metadataOf(name, component), name: `${name}-from-gateway-only` },
    spec: {
      podSelector: { matchLabels: selectorOf(name) },
      policyTypes: ['Ingress'],
      ingress: [{ from: [{ podSelector: { matchLabels: GATEWAY_SELECTOR } }], ports: [{ protocol: 'TCP', port }] }],
    },
  });
}

/** Prometheus (its operator) scrapes the component's `/metrics` through its Service's `http` port. */
export function serviceMonitor(name: string, component: string): ServiceMonitor {
  return new ServiceMonitor({
    metadata: metadataOf(name, component),
    spec: { selector: { matchLabels: selectorOf(name) }, endpoints: [{ port: 'http', path: '/metrics', interval: '30s' }] },
  });
}
