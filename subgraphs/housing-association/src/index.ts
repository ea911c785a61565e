export { housingAssociation } from './server';
