import { CircuitState } from 'cockatiel';
import type { AnswerStore } from './answers/AnswerStore';
import { PartnerLink, type PartnerObserver } from './PartnerLink';
import { DEFAULT_TRAFFIC, type TrafficSettings } from './trafficSettings';

export interface PartnerLinksOptions {
  /** Subgraph URL by subgraph name; overrides the URL recorded in the supergraph. */
  urls?: Partial<Record<string, string>>;
  /** Settings by subgraph name (`trafficSettingsFromEnv`); a partner not named gets the defaults. */
  settings?: Partial<Record<string, TrafficSettings>>;
  observer?: PartnerObserver;
  /** Where partners' shareable answers are kept across callers; without it, none are. */
  answers?: AnswerStore;
}

/**
 * One PartnerLink per subgraph, shared by the gateway's audiences: a partner has one connection
 * pool and one circuit, whichever supergraph a request was planned on.
 */
export class PartnerLinks {
  private readonly links = new Map<string, PartnerLink>();

  constructor(private readonly options: PartnerLinksOptions = {}) {}

  linkFor(name: string, supergraphUrl: string): PartnerLink {
    let link = this.links.get(name);
    if (!link) {
      const url = this.options.urls?.[name] ?? supergraphUrl;
      const settings = this.options.settings?.[name] ?? DEFAULT_TRAFFIC;
      link = new PartnerLink(name, url, settings, this.options.observer, this.options.answers);
      this.options.observer?.circuitChanged(name, CircuitState.Closed);
      this.links.set(name, link);
    }
    return link;
  }

  /** A partner's current data version (`PartnerLink.currentVersion`); undefined for a partner not linked. */
  currentVersion(name: string, authorization: string): Promise<string | undefined> {
    return this.links.get(name)?.currentVersion(authorization) ?? Promise.resolve(undefined);
  }

  /** Where shareable answers are kept, if anywhere. */
  get answers(): AnswerStore | undefined {
    return this.options.answers;
  }

  get all(): PartnerLink[] {
    return [...this.links.values()];
  }

  async close(): Promise<void> {
    for (const link of this.links.values()) link.close();
    await this.options.answers?.close();
  }
}
