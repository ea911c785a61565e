export { municipality } from './server';
export { municipalityMappings } from './import';
