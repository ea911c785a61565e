import { Cluster } from '@kubernetes-models/cloudnative-pg/postgresql.cnpg.io/v1/Cluster';
import { ServiceMonitor } from '@kubernetes-models/prometheus-operator/monitoring.coreos.com/v1/ServiceMonitor';
import { Deployment } from 'kubernetes-models/apps/v1/Deployment';
import { HorizontalPodAutoscaler } from 'kubernetes-models/autoscaling/v2/HorizontalPodAutoscaler';
import { Ingress } from 'kubernetes-models/networking.k8s.io/v1/Ingress';
import { NetworkPolicy } from 'kubernetes-models/networking.k8s.io/v1/NetworkPolicy';
import { PodDisruptionBudget } from 'kubernetes-models/policy/v1/PodDisruptionBudget';
import { Namespace } from 'kubernetes-models/v1/Namespace';
import { Service } from 'kubernetes-models/v1/Service';
import type { Manifest } from './manifest';

/** Every kind the generator writes, by `apiVersion/kind`. */
const MODELS = new Map<string, new (data: never) => Manifest>(
  [Cluster, ServiceMonitor, Deployment, HorizontalPodAutoscaler, Ingress, NetworkPolicy, PodDisruptionBudget, Namespace, Service].map(
    (model) => [`${model.apiVersion}/${model.kind}`, model as unknown as new (data: never) => Manifest],
  ),
);

/**
 * The model of an object read back from YAML, so it can be validated again: a checked-in file
 * edited by hand, or an object of a kind the generator does not write, is caught.
 */
export function modelOf(object: { readonly apiVersion?: unknown; readonly kind?: unknown; readonly [field: string]: unknown }): Manifest {
  const model = MODELS.get(`${String(object.apiVersion)}/${String(object.kind)}`);
  if (!model) throw new Error(`No model for apiVersion ${String(object.apiVersion)}, kind ${String(object.kind)}; expected one of ${[...MODELS.keys()].join(', ')}.`);
  return new model(object as never);
}
