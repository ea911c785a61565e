import { AreaKind, PageArgs, pageWindow, unknownArea } from '@hub/core';
import { Arg, Args, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import { School } from '../entities/School';
import { ALL_AREAS } from '../loaders/createLoaders';
import type { MunicipalityContext } from './context';
import { Area } from './types/Area';
import { AreaConnection } from './types/connections';

@Resolver(() => Area)
export class AreaResolver {
  @Query(() => Area, { description: 'One area by code; NOT_FOUND for a code the register does not know.' })
  async area(@Arg('code') code: string, @Ctx() { loaders }: MunicipalityContext): Promise<Area> {
    const area = await loaders.area.load(code);
    if (!area) throw unknownArea(code, 'code');
    return area;
  }

  @Query(() => AreaConnection, { description: 'The register\'s areas by code: all, or those of one kind.' })
  areas(
    @Arg('kind', () => AreaKind, { nullable: true }) kind: AreaKind | null,
    @Args() page: PageArgs,
    @Ctx() { loaders }: MunicipalityContext,
  ) {
    return loaders.areas.load({ parent: kind ?? ALL_AREAS, window: pageWindow(page) });
  }

  @FieldResolver(() => Area, { nullable: true, description: 'The area this one lies in; null for the municipality.' })
  async parent(@Root() area: Area, @Ctx() { loaders }: MunicipalityContext): Promise<Area | null> {
    return area.parentCode === null ? null : loaders.area.load(area.parentCode);
  }

  @FieldResolver(() => [Area], { description: 'The areas directly inside this one, by code.' })
  children(@Root() area: Area, @Ctx() { loaders }: MunicipalityContext): Promise<Area[]> {
    return loaders.childrenOf.load(area.code);
  }

  @FieldResolver(() => [School], {
    description: 'Schools in the area, by code: a district\'s own, all for the municipality, none for an estate.',
  })
  async schools(@Root() area: Area, @Ctx() { loaders }: MunicipalityContext): Promise<School[]> {
    return (await loaders.schoolsOf.load(area.code)).map((link) => link.school);
  }
}
