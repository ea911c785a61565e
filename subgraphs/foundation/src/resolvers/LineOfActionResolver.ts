import {
  LineOfActionCode,
  Measure,
  PageArgs,
  amountMeasure,
  notFound,
  pageWindow,
  Aggregate,
} from '@hub/core';
import { Arg, Args, Ctx, FieldResolver, Int, Query, Resolver, Root } from 'type-graphql';
import { LineOfAction } from '../entities/LineOfAction';
import type { FoundationContext } from './context';
import { InitiativeConnection } from './types/connections';

@Resolver(() => LineOfAction)
export class LineOfActionResolver {
  @Query(() => LineOfAction, { description: 'One line of action, with every partner\'s measures.' })
  async lineOfAction(
    @Arg('code', () => LineOfActionCode) code: LineOfActionCode,
    @Ctx() { loaders }: FoundationContext,
  ): Promise<LineOfAction> {
    const line = await loaders.lineOfAction.load(code);
    if (!line) throw notFound(`The alliance has no line of action ${code}.`, 'code', code);
    return line;
  }

  @Query(() => [LineOfAction], { description: 'The four lines of action.' })
  linesOfAction(@Ctx() { db }: FoundationContext): Promise<LineOfAction[]> {
    return db.getRepository(LineOfAction).find({ order: { code: 'ASC' } });
  }

  @FieldResolver(() => InitiativeConnection, { description: 'Initiatives serving this line.' })
  initiatives(
    @Root() line: LineOfAction,
    @Args() page: PageArgs,
    @Ctx() { loaders }: FoundationContext,
  ) {
    return loaders.initiativesOfLine.load({ parent: line.code, window: pageWindow(page) });
  }

  @Aggregate()
  @FieldResolver(() => Measure, {
    nullable: true,
    description: 'Grants to this line\'s initiatives in DKK: all years, or one `year`.',
  })
  async funding(
    @Root() line: LineOfAction,
    @Arg('year', () => Int, { nullable: true }) year: number | null,
    @Ctx() { loaders }: FoundationContext,
  ): Promise<Measure> {
    return amountMeasure(await loaders.fundingOfLine.load({ line: line.code, year: year ?? null }));
  }
}
