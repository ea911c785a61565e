import { PageArgs, notFound, pageWindow } from '@hub/core';
import { Arg, Args, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import { Grant } from '../entities/Grant';
import { Partner } from '../entities/Partner';
import type { FoundationContext } from './context';
import { InitiativeConnection, PartnerConnection } from './types/connections';

@Resolver(() => Partner)
export class PartnerResolver {
  @Query(() => Partner)
  async partner(@Arg('code') code: string, @Ctx() { loaders }: FoundationContext): Promise<Partner> {
    const partner = await loaders.partner.load(code);
    if (!partner) throw notFound(`No partner with code "${code}".`, 'code', code);
    return partner;
  }

  @Query(() => PartnerConnection, { description: 'All partners of the alliance.' })
  partners(@Args() page: PageArgs, @Ctx() { loaders }: FoundationContext) {
    return loaders.allPartners.load({ parent: 'all', window: pageWindow(page) });
  }

  @FieldResolver(() => InitiativeConnection, { description: 'Initiatives this partner runs.' })
  initiatives(@Root() partner: Partner, @Args() page: PageArgs, @Ctx() { loaders }: FoundationContext) {
    return loaders.initiativesOfPartner.load({ parent: partner.code, window: pageWindow(page) });
  }
}

@Resolver(() => Grant)
export class GrantResolver {
  @FieldResolver(() => Partner, { description: 'Who awarded the grant.' })
  async grantor(@Root() grant: Grant, @Ctx() { loaders }: FoundationContext): Promise<Partner | null> {
    return loaders.partner.load(grant.grantorCode);
  }
}
