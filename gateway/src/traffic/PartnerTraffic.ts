import { PartnerErrorCode, PartnerFailure } from './PartnerFailure';

/**
 * The bytes one client request has moved to and from one partner: the fetches' bodies sent and
 * the answers read. A query may ask for many cohorts at once, each fetch carrying every member's
 * pseudonym to the next partner; without a bound one request could fill the gateway's heap (a
 * municipality's cohorts are megabytes each) and stop it for every caller.
 */
export class PartnerTraffic {
  private moved = 0;

  constructor(
    readonly partner: string,
    /** Most bytes the request may move to and from the partner. */
    readonly max: number,
  ) {}

  /** Whether anything more may move. */
  get open(): boolean {
    return this.moved <= this.max;
  }

  /** Counts `bytes` more; throws the request's traffic failure once past the bound. */
  take(bytes: number): void {
    this.moved += bytes;
    if (!this.open) throw this.failure();
  }

  failure(): PartnerFailure {
    // The request's size, not the partner's health: the circuit does not count it, and no retry would help.
    return new PartnerFailure(PartnerErrorCode.TRAFFIC_LIMIT, `over ${this.max} bytes in one request`, { countsAgainstPartner: false });
  }
}

const perRequest = new WeakMap<object, Map<string, PartnerTraffic>>();

/** The traffic of the request whose context this is, with one partner; made at its first fetch there. */
export function partnerTrafficOf(context: object, partner: string, max: number): PartnerTraffic {
  let partners = perRequest.get(context);
  if (!partners) perRequest.set(context, (partners = new Map()));
  let traffic = partners.get(partner);
  if (!traffic) partners.set(partner, (traffic = new PartnerTraffic(partner, max)));
  return traffic;
}
