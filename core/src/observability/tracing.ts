import type { IncomingHttpHeaders } from 'node:http';
import {
  ROOT_CONTEXT,
  SpanKind,
  SpanStatusCode,
  context,
  createContextKey,
  defaultTextMapGetter,
  defaultTextMapSetter,
  trace,
  type Attributes,
  type Context,
  type Span,
  type Tracer,
} from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import { W3CTraceContextPropagator } from '@opentelemetry/core';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { BasicTracerProvider, BatchSpanProcessor } from '@opentelemetry/sdk-trace-base';

/** One server's traces: its tracer, and the flush that must run when it stops. */
export interface ServiceTracing {
  readonly tracer: Tracer;
  /** Sends the spans still buffered and stops exporting. */
  shutdown(): Promise<void>;
}

/** A span in progress, and the context its children start under. */
export interface TracedSpan {
  readonly span: Span;
  readonly context: Context;
}

/** Each span's tracer travels in its context, so a span's children belong to the same service. */
const TRACER = createContextKey('hub tracer');
const propagator = new W3CTraceContextPropagator();
let contextManagerSet = false;

/** Whether spans are exported: only when an OTLP endpoint is configured. */
export function tracesExported(env: NodeJS.ProcessEnv = process.env): boolean {
  return Boolean(env.OTEL_EXPORTER_OTLP_ENDPOINT?.trim() || env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT?.trim());
}

/**
 * Starts one server's traces, named `OTEL_SERVICE_NAME` or `defaultService`, or nothing when no
 * endpoint is set. A provider of its own, not the global one: in production a process is one
 * server, but the tests run all six in one process and each span must still name its service.
 */
export function startTracing(defaultService: string, env: NodeJS.ProcessEnv = process.env): ServiceTracing | undefined {
  if (!tracesExported(env)) return undefined;
  if (!contextManagerSet) {
    // Returns false if another copy of this module registered one first: that one serves as well.
    context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable());
    contextManagerSet = true;
  }
  const provider = new BasicTracerProvider({
    resource: resourceFromAttributes({ 'service.name': env.OTEL_SERVICE_NAME?.trim() || defaultService }),
    spanProcessors: [new BatchSpanProcessor(new OTLPTraceExporter())],
  });
  return { tracer: provider.getTracer('@hub/core'), shutdown: () => provider.shutdown() };
}

/** A server span for an incoming request, child of the caller's `traceparent` if it sent one. */
export function startRequestSpan(
  tracing: ServiceTracing | undefined,
  name: string,
  headers: IncomingHttpHeaders,
): TracedSpan | undefined {
  if (!tracing) return undefined;
  const parent = propagator.extract(ROOT_CONTEXT, headers, defaultTextMapGetter).setValue(TRACER, tracing.tracer);
  return startIn(parent, name, SpanKind.SERVER, {});
}

/** A child of `parent`'s span; nothing when the request is not traced. */
export function startChildSpan(
  parent: TracedSpan | undefined,
  name: string,
  kind: 'client' | 'internal',
  attributes: Attributes = {},
): TracedSpan | undefined {
  if (!parent) return undefined;
  return startIn(parent.context, name, kind === 'client' ? SpanKind.CLIENT : SpanKind.INTERNAL, attributes);
}

function startIn(parent: Context, name: string, kind: SpanKind, attributes: Attributes): TracedSpan {
  const tracer = parent.getValue(TRACER) as Tracer;
  const span = tracer.startSpan(name, { kind, attributes }, parent);
  return { span, context: trace.setSpan(parent, span) };
}

/** Adds `traceparent` (only it) for a call made on behalf of `traced`. */
export function injectTraceparent(traced: TracedSpan | undefined, headers: Record<string, string>): void {
  if (traced) propagator.inject(traced.context, headers, defaultTextMapSetter);
}

/**
 * Marks a span failed with a code (an SQLSTATE, a partner error code), never a message: messages
 * can quote the data (the value a parser refused).
 */
export function failSpan(traced: TracedSpan | undefined, errorType: string): void {
  if (!traced) return;
  traced.span.setAttribute('error.type', errorType);
  traced.span.setStatus({ code: SpanStatusCode.ERROR });
}

export function endSpan(traced: TracedSpan | undefined): void {
  traced?.span.end();
}

/** Runs `fn` (and what it starts asynchronously) inside `traced`, so SQL spans find their request. */
export function runInSpan<T>(traced: TracedSpan | undefined, fn: () => T): T {
  return traced ? context.with(traced.context, fn) : fn();
}

/** The trace id of `traced`, for a request's log line. */
export function traceIdOf(traced: TracedSpan | undefined): string | undefined {
  return traced?.span.spanContext().traceId;
}

/** The span of the traced request the caller runs in (`runInSpan`), if any. */
export function currentSpan(): TracedSpan | undefined {
  const active = context.active();
  const span = active.getValue(TRACER) === undefined ? undefined : trace.getSpan(active);
  return span && { span, context: active };
}
