/** A kubernetes-models object: what the generator writes, once `validate()` has accepted it. */
export interface Manifest {
  apiVersion: string;
  kind: string;
  metadata?: { name?: string };
  validate(): void;
  toJSON(): unknown;
}

/**
 * Where traces go: an OpenTelemetry collector's OTLP/HTTP endpoint, in its own namespace (the
 * collector is the operator's; this is its usual in-cluster address). Every process reads the
 * standard OTEL_* variables.
 */
const OTLP_ENDPOINT = 'http://otel-collector.observability.svc:4318';

export const telemetryEnv = (serviceName: string) => [
  { name: 'OTEL_EXPORTER_OTLP_ENDPOINT', value: OTLP_ENDPOINT },
  { name: 'OTEL_SERVICE_NAME', value: serviceName },
];
