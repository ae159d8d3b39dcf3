export { ActionResult, type ActionResultDict, type SuccessOptions, type ErrorOptions } from './action-result.js';
export { Document, type DocumentDict, type DocumentInit } from './document.js';
export { Page, type PageDict, type PageOptions, type PageFetcher } from './page.js';
export { HealthStatus, HEALTH_LEVELS, type HealthLevel, type HealthStatusDict } from './health.js';
export { Event, EVENT_SOURCES, type EventDict, type EventInit, type EventSource } from './event.js';
export {
  WebhookRequest,
  WebhookResponse,
  type WebhookRequestInit,
  type WebhookResponseDict,
  type WebhookHeaders,
} from './webhook.js';
export { isPlainObject, type JsonValue, type JsonObject } from './json.js';
