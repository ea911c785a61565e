import { MissingAnchor, type Added, type DeployedPartner } from './deployedPartner';

/** The end of a partner's block: each block forgets its password variable last. */
const BLOCK_END = /^\\unset \w+_password[ \t]*$/gm;
const HEADING = /^-- [a-z][a-z0-9-]* -{3,}$/m;
const DEFAULT_HEADING_WIDTH = 98;

/** A partner's block: its LOGIN role, its database, CONNECT for that role only; see the file's header. */
function block({ name, envPrefix, role }: DeployedPartner, headingWidth: number): string {
  const variable = `${role.replace(/^hub_/, '')}_password`;
  return [
    `-- ${name} `.padEnd(headingWidth, '-'),
    String.raw`\getenv ${variable} ${envPrefix}_DB_PASSWORD`,
    String.raw`\if :{?${variable}}`,
    String.raw`\else`,
    `DO $$ BEGIN RAISE EXCEPTION '${envPrefix}_DB_PASSWORD is not set in the postgres container'; END $$;`,
    String.raw`\endif`,
    `CREATE ROLE ${role} WITH LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS PASSWORD :'${variable}';`,
    `CREATE DATABASE ${role} WITH OWNER ${role};`,
    `REVOKE CONNECT, TEMPORARY ON DATABASE ${role} FROM PUBLIC;`,
    `GRANT CONNECT, TEMPORARY ON DATABASE ${role} TO ${role};`,
    String.raw`\unset ${variable}`,
  ].join('\n');
}

/** Adds the partner's role and database after the last partner's block of infra/postgres/init.sql. */
export function addToInitSql(text: string, partner: DeployedPartner): Added {
  if (new RegExp(`^CREATE ROLE ${partner.role}\\b`, 'm').test(text)) return { text, added: [] };
  const last = [...text.matchAll(BLOCK_END)].at(-1);
  if (last === undefined) {
    throw new MissingAnchor(
      String.raw`no partner block ends with "\unset <partner>_password"; the new role and database go after the last one.`,
    );
  }
  const at = last.index + last[0].length;
  const width = HEADING.exec(text)?.[0].length ?? DEFAULT_HEADING_WIDTH;
  return {
    text: `${text.slice(0, at)}\n\n${block(partner, width)}${text.slice(at)}`,
    added: [`role and database ${partner.role}`],
  };
}
