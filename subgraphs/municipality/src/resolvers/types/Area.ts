import { AreaKind, type AreaReference } from '@hub/core';
import { Directive, Field, ObjectType } from 'type-graphql';

/**
 * An area of the register. The municipality owns areas: its `area_reference` rows are the master
 * copy every partner's copy is seeded from, so this type has no table of its own.
 */
@Directive('@key(fields: "code")')
@ObjectType({ description: 'The municipality, one of its districts, or a social-housing estate.' })
export class Area {
  @Field({ description: 'Stable slug, e.g. "osterbyen"; the `area` argument of every measure.' })
  code!: string;

  @Field()
  name!: string;

  @Field(() => AreaKind)
  kind!: AreaKind;

  parentCode!: string | null;
}

export function toArea(row: Pick<AreaReference, 'code' | 'name' | 'kind' | 'parentCode'>): Area {
  return Object.assign(new Area(), {
    code: row.code,
    name: row.name,
    kind: row.kind as AreaKind,
    parentCode: row.parentCode,
  });
}
