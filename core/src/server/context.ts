import type { DataSource } from 'typeorm';
import type { AuditTrail } from '../audit/AuditTrail';
import type { Viewer } from '../auth/Viewer';

/**
 * What every resolver of a subgraph receives. Built fresh for each request, so loaders never
 * share a cache between callers.
 */
export interface RequestContext<TLoaders> {
  /** Travels from the gateway (`x-request-id`) so one request can be followed across partners. */
  requestId: string;
  /** The verified caller (the gateway vouched for it; the subgraph checked its token). */
  viewer: Viewer | null;
  /** Person-level reads of this request, written to the partner's audit log before it answers. */
  audit: AuditTrail;
  loaders: TLoaders;
  db: DataSource;
}
