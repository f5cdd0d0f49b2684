/**
 * Health and metrics over HTTP: `/healthz`, `/readyz`, `/metrics` (prom-client). The core only emits
 * events through its observer; this adapter turns them, and the platforms' reports (sink.ts), into metrics.
 */
export { createMetrics, type Metrics } from './metrics.ts';
export { startHttpServer, type HttpServer } from './server.ts';
export { readinessOf, type Readiness } from './readiness.ts';
