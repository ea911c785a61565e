export { volunteerCentre } from './server';
export { volunteerCentreMappings } from './import';
