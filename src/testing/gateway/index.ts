/**
 * The local gateway (`LocalGateway`) and its fault injection.
 *
 * @module
 */
export { LocalGateway, type LocalGatewayOptions, type RecordedRequest, type Fault, type FaultInjector } from './server.js';
export type { GatewayResponse } from './router.js';
