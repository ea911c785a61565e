import { trace } from '@opentelemetry/api';
import { startRequestSpan, startTracing, tracesExported } from '@hub/core';

describe('traces without an OTLP endpoint', () => {
  const env = { OTEL_SERVICE_NAME: 'hub-test' };

  it('are off: no tracing is started and no request gets a span', () => {
    expect(tracesExported(env)).toBe(false);
    const tracing = startTracing('hub-test', env);
    expect(tracing).toBeUndefined();
    expect(startRequestSpan(tracing, 'POST /graphql', { traceparent: '00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01' })).toBeUndefined();
  });

  it('leave the global tracer the no-op one', () => {
    startTracing('hub-test', env);
    const span = trace.getTracer('probe').startSpan('probe');
    expect(span.isRecording()).toBe(false);
    expect(trace.isSpanContextValid(span.spanContext())).toBe(false);
  });
});
