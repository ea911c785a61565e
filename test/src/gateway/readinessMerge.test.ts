import { mergeReadiness, type PartnerHealth } from '@hub/gateway';

const health = (state: PartnerHealth['state'], since: string): PartnerHealth => ({ state, since, lastError: null });

describe('/readyz of several gateway workers', () => {
  it('shows each partner as the worker that saw it worst, and is ready only when all are up everywhere', () => {
    const merged = mergeReadiness([
      { status: 'degraded', partners: { jobcentre: health('up', 'a'), foundation: health('degraded', 'b') } },
      { status: 'degraded', partners: { jobcentre: health('open', 'c'), foundation: health('up', 'd') } },
      { status: 'ready', partners: { jobcentre: health('degraded', 'e'), foundation: health('up', 'f') } },
    ]);
    expect(merged).toEqual({ status: 'degraded', partners: { jobcentre: health('open', 'c'), foundation: health('degraded', 'b') } });
    const allUp = mergeReadiness([{ status: 'ready', partners: { jobcentre: health('up', 'a') } }, { status: 'ready', partners: { jobcentre: health('up', 'b') } }]);
    expect(allUp.status).toBe('ready');
  });
});
