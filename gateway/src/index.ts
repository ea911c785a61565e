export { startGateway, type GatewayOptions, type RunningGateway } from './startGateway';
export { gatewayOptionsFromEnv } from './server';
export type { GatewayContext } from './GatewayContext';
export { HubDataSource } from './HubDataSource';
export { authenticate } from './authenticate';
