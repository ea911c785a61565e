/** The namespace every generated object lives in. */
export const NAMESPACE = 'partner-data-hub';

/** The one image of every hub process (infra/Dockerfile); kustomize's `images:` sets the registry and tag. */
export const IMAGE = 'partner-data-hub:local';

export const GATEWAY_PORT = 4000;

/** What selects a component's pods: its name alone, so that a change of the other labels never orphans them. */
export const selectorOf = (name: string) => ({ 'app.kubernetes.io/name': name });

/** The recommended labels (kubernetes.io/docs/concepts/overview/working-with-objects/common-labels). */
export const labelsOf = (name: string, component: string) => ({
  ...selectorOf(name),
  'app.kubernetes.io/component': component,
  'app.kubernetes.io/part-of': NAMESPACE,
});

export const metadataOf = (name: string, component: string) => ({ name, namespace: NAMESPACE, labels: labelsOf(name, component) });

/** The gateway's pods: the only ones a partner's pods (and Redis) take connections from. */
export const GATEWAY_SELECTOR = selectorOf('gateway');
