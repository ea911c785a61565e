import { Measure, PageArgs, amountMeasure, notFound, pageWindow, Aggregate } from '@hub/core';
import { Arg, Args, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import { Grant } from '../entities/Grant';
import { Initiative } from '../entities/Initiative';
import { LineOfAction } from '../entities/LineOfAction';
import { Partner } from '../entities/Partner';
import type { FoundationContext } from './context';
import { Area } from './types/Area';
import { InitiativeConnection } from './types/connections';

@Resolver(() => Initiative)
export class InitiativeResolver {
  @Query(() => Initiative)
  async initiative(
    @Arg('code') code: string,
    @Ctx() { loaders }: FoundationContext,
  ): Promise<Initiative> {
    const initiative = await loaders.initiative.load(code);
    if (!initiative) throw notFound(`No initiative with code "${code}".`, 'code', code);
    return initiative;
  }

  @Query(() => InitiativeConnection, { description: 'All initiatives of the alliance.' })
  initiatives(@Args() page: PageArgs, @Ctx() { loaders }: FoundationContext) {
    return loaders.allInitiatives.load({ parent: 'all', window: pageWindow(page) });
  }

  @FieldResolver(() => LineOfAction)
  lineOfAction(@Root() initiative: Initiative, @Ctx() { loaders }: FoundationContext) {
    return loaders.lineOfAction.load(initiative.lineOfActionCode);
  }

  @FieldResolver(() => Area, { nullable: true, description: 'Where the initiative works.' })
  area(@Root() initiative: Initiative): Area {
    return { code: initiative.areaCode };
  }

  @FieldResolver(() => [Partner], { description: 'Partners running it, the lead first.' })
  async partners(
    @Root() initiative: Initiative,
    @Ctx() { loaders }: FoundationContext,
  ): Promise<Partner[]> {
    const links = await loaders.partnersOfInitiative.load(initiative.code);
    const partners = await loaders.partner.loadMany(links.map((link) => link.partnerCode));
    return partners.filter((partner): partner is Partner => partner instanceof Partner);
  }

  @FieldResolver(() => [Grant])
  grants(@Root() initiative: Initiative, @Ctx() { loaders }: FoundationContext): Promise<Grant[]> {
    return loaders.grantsOfInitiative.load(initiative.code);
  }

  @Aggregate()
  @FieldResolver(() => Measure, { nullable: true, description: 'All grants to the initiative, in DKK.' })
  async funding(
    @Root() initiative: Initiative,
    @Ctx() { loaders }: FoundationContext,
  ): Promise<Measure> {
    const grants = await loaders.grantsOfInitiative.load(initiative.code);
    return amountMeasure(grants.reduce((sum, grant) => sum + grant.amountDkk, 0));
  }
}
