import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { Department } from '../entities/Department';
import { Tenancy } from '../entities/Tenancy';
import type { HousingAssociationContext } from './context';
import { Area } from './types/stubs';

@Resolver(() => Tenancy)
export class TenancyResolver {
  @FieldResolver(() => Department)
  async department(
    @Root() tenancy: Tenancy,
    @Ctx() { loaders }: HousingAssociationContext,
  ): Promise<Department> {
    // The foreign key guarantees the department exists.
    return (await loaders.department.load(tenancy.departmentCode)) as Department;
  }

  @FieldResolver(() => Area, { nullable: true, description: 'The estate of the tenancy\'s department.' })
  estate(@Root() tenancy: Tenancy): Area {
    // NOT NULL in the tenancy table, and held equal to the department's estate by a foreign key.
    return { code: tenancy.residence.estateCode as string };
  }
}
