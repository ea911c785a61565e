import { Client } from 'pg';
import { PARTNER_NAMES, PARTNERS, type PartnerName } from '@hub/core';

let counter = 0;

/**
 * When CI gives a PostgreSQL URL per partner (`<PREFIX>_DATABASE_URL`), each test hub gets
 * fresh databases on that server, named after the partner's, and drops them afterwards. Without
 * URLs the subgraphs run on embedded PGlite and nothing is created here.
 */
export async function createTestDatabases(
  partners: readonly PartnerName[] = PARTNER_NAMES,
): Promise<{
  urls: Partial<Record<PartnerName, string>>;
  drop(): Promise<void>;
}> {
  const urls: Partial<Record<PartnerName, string>> = {};
  const created: { admin: string; name: string }[] = [];
  for (const partner of PARTNERS.filter((p) => partners.includes(p.name))) {
    const base = process.env[`${partner.envPrefix}_DATABASE_URL`];
    if (!base) continue;
    const url = new URL(base);
    const name = `${url.pathname.slice(1)}_t${process.pid}_${(counter += 1)}`;
    await withClient(base, (client) => client.query(`CREATE DATABASE "${name}"`));
    created.push({ admin: base, name });
    url.pathname = `/${name}`;
    urls[partner.name] = url.toString();
  }
  return {
    urls,
    async drop() {
      for (const { admin, name } of created) {
        await withClient(admin, (client) => client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
      }
    },
  };
}

async function withClient<T>(url: string, fn: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}
