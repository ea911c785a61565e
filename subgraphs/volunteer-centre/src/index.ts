export { volunteerCentre } from './server';
