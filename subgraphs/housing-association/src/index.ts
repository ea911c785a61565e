export { housingAssociation } from './server';
export { housingAssociationMappings } from './import';
