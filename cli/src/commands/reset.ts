import { prepareDatabase, subgraphOptionsFromEnv } from '@hub/core';
import { SUBGRAPHS } from '@hub/schema';
import { REPO_ROOT } from '../paths';

/** `hub reset`: every partner's database emptied, migrated and seeded again, one by one. */
export async function reset(options: { persons: number }): Promise<void> {
  process.chdir(REPO_ROOT);
  for (const definition of SUBGRAPHS) {
    const settings = subgraphOptionsFromEnv(definition.name);
    const started = Date.now();
    const database = await prepareDatabase(definition, {
      ...settings,
      reset: true,
      seedPersons: options.persons,
    });
    await database.close();
    const where = settings.databaseUrl ? 'PostgreSQL' : settings.dataDir;
    console.log(`${definition.name}: reseeded with ${options.persons} persons in ${Date.now() - started} ms (${where})`);
  }
}
