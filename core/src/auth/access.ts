import { MapperKind, getDirective, mapSchema } from '@graphql-tools/utils';
import { defaultFieldResolver, type GraphQLSchema } from 'graphql';
import { Directive } from 'type-graphql';
import { isPseudonym } from '../audit/AuditTrail';
import { partnerSpec, type PartnerName } from '../partners';
import { forbidden } from './errors';
import { Role, type Viewer } from './Viewer';

/**
 * Rights are scopes in the spirit of Federation's `@requiresScopes`, declared with the hub's
 * `@hubScopes` in each subgraph's schema (composed into the supergraph for everyone to read) and
 * enforced by each subgraph itself, so a misconfigured gateway cannot leak a partner's data.
 */
export const Scope = {
  aggregate: 'aggregate',
  /** Finding a person by pseudonym: any partner's staff with a purpose; the fields need more. */
  personLookup: 'person-lookup',
  person: (organisation: string) => `person:${organisation}`,
  audit: (organisation: string) => `audit:${organisation}`,
  /** Changing the alliance's registry (indicators, initiatives): the secretariat only. */
  registry: 'registry',
};

/** The secretariat: analysts of the backbone organisation, the one that runs the foundation's subgraph. */
const isSecretariat = (viewer: Viewer) =>
  viewer.roles.includes(Role.ANALYST) && viewer.partner === partnerSpec('foundation').organisation;

/** What a verified caller may read: derived from roles, organisation and purpose only. */
export function scopesOf(viewer: Viewer | null): Set<string> {
  const scopes = new Set<string>();
  if (!viewer) return scopes;
  if (viewer.roles.length) scopes.add(Scope.aggregate);
  if (viewer.roles.includes(Role.PARTNER_STAFF) && viewer.purpose) {
    scopes.add(Scope.personLookup);
    scopes.add(Scope.person(viewer.partner));
  }
  if (viewer.roles.includes(Role.ADMIN)) scopes.add(Scope.audit(viewer.partner));
  if (isSecretariat(viewer)) scopes.add(Scope.registry);
  return scopes;
}

const requiresScopes = (scope: string) => `@hubScopes(scopes: [["${scope}"]])`;

type AnyDecorator = MethodDecorator & PropertyDecorator & ClassDecorator;

/** Applies several type-graphql decorators as one. */
function combine(...decorators: AnyDecorator[]): AnyDecorator {
  return (target: object, key?: string | symbol, descriptor?: PropertyDescriptor) => {
    for (const decorate of decorators) decorate(target as never, key as never, descriptor as never);
  };
}

/** Marks what the dashboard contract leaves out entirely, not even visible in introspection. */
export const PersonLevelType = () => Directive('@tag(name: "person-level")');

/** Person-level data of `partner`: only its own partner-staff, with a purpose. */
export const PersonLevel = (partner: PartnerName) =>
  combine(Directive(requiresScopes(Scope.person(partnerSpec(partner).organisation))), PersonLevelType());

/**
 * The entry to one person's record: any partner's staff with a purpose may look a pseudonym up,
 * then sees only the fields its own organisation holds.
 */
export const PersonLookup = () => combine(Directive(requiresScopes(Scope.personLookup)), PersonLevelType());

/** A partner's audit log: only that partner's admin. */
export const AuditLevel = (partner: PartnerName) =>
  Directive(requiresScopes(Scope.audit(partnerSpec(partner).organisation)));

/** Marks what only registry changes use (their input types): left out of the dashboard contract. */
export const RegistryChangeType = () => Directive('@tag(name: "registry")');

/** A change to the alliance's registry: only the secretariat; left out of the dashboard contract. */
export const RegistryChange = () => combine(Directive(requiresScopes(Scope.registry)), RegistryChangeType());

/** A disclosure-controlled aggregate: every role may read it. */
export const Aggregate = () => Directive(requiresScopes(Scope.aggregate));

function explain(alternatives: string[][]): string {
  return alternatives
    .map((all) =>
      all
        .map((scope) => {
          if (scope === Scope.aggregate) return 'a hub role';
          if (scope === Scope.personLookup) return 'the role partner-staff with a purpose of processing';
          if (scope === Scope.registry) return `the role analyst of ${partnerSpec('foundation').organisation}`;
          const [kind, organisation] = scope.split(':');
          if (kind === 'person') return `the role partner-staff of ${organisation} with a purpose of processing`;
          if (kind === 'audit') return `the role admin of ${organisation}`;
          return `the scope ${scope}`;
        })
        .join(' and '),
    )
    .join(', or ');
}

interface AccessContext {
  viewer: Viewer | null;
  audit: { note(field: string, pseudonyms: readonly string[]): void };
}

const readsPerson = (alternatives: string[][]) =>
  alternatives.flat().some((scope) => scope === Scope.personLookup || scope.startsWith('person:'));

/**
 * Wraps every field that declares `@hubScopes` with the check, inside the subgraph; a granted
 * person-level read is noted for the partner's audit log (written before the answer leaves).
 */
export function enforceAccess(schema: GraphQLSchema): GraphQLSchema {
  return mapSchema(schema, {
    [MapperKind.OBJECT_FIELD]: (field, fieldName, typeName) => {
      const rule = getDirective(schema, field, 'hubScopes')?.[0] as { scopes: string[][] } | undefined;
      if (!rule) return field;
      const resolve = field.resolve ?? defaultFieldResolver;
      return {
        ...field,
        resolve(source, args, context: AccessContext, info) {
          const scopes = scopesOf(context.viewer);
          if (!rule.scopes.some((all) => all.every((scope) => scopes.has(scope)))) {
            throw forbidden(`${typeName}.${fieldName}`, explain(rule.scopes));
          }
          if (readsPerson(rule.scopes)) {
            const pseudonym = (source as { pseudonym?: unknown } | undefined)?.pseudonym ?? args.pseudonym;
            // A malformed pseudonym reads nobody; the resolver refuses it with BAD_USER_INPUT.
            const read = typeof pseudonym === 'string' && isPseudonym(pseudonym) ? [pseudonym] : [];
            context.audit.note(`${typeName}.${fieldName}`, read);
          }
          return resolve(source, args, context, info);
        },
      };
    },
  });
}
