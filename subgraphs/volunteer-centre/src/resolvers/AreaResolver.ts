import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { Club } from '../entities/Club';
import type { VolunteerCentreContext } from './context';
import { Area } from './types/stubs';

@Resolver(() => Area)
export class AreaResolver {
  @FieldResolver(() => [Club], {
    nullable: true,
    description: 'Clubs based in this district (volunteer centre); empty for other kinds of area.',
  })
  clubs(@Root() area: Area, @Ctx() { loaders }: VolunteerCentreContext): Promise<Club[]> {
    return loaders.clubsOfDistrict.load(area.code);
  }
}
