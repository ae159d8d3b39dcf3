/**
 * `@imperal/sdk/testing`: in-memory mocks behind the same interfaces as the
 * real `ctx` clients, a fake clock, a local gateway and webhook signing.
 *
 * @module
 */
export { MockContext, MockConfig, type MockContextOptions, type ProgressReport } from './mock-context.js';
export { FakeClock, systemClock, type Clock } from './clock.js';
export { MockStore } from './mocks/store.js';
export { MockAI } from './mocks/ai.js';
export { MockBilling } from './mocks/billing.js';
export { MockCache } from './mocks/cache.js';
export { MockChat } from './mocks/chat.js';
export { MockExtensions } from './mocks/extensions.js';
export { MockHTTP, UnmatchedMockRequestError, type MockHttpReply, type MockHttpRequest, type MockHttpResponder } from './mocks/http.js';
export { createMockNotify, type MockNotify } from './mocks/notify.js';
export { MockSecrets } from './mocks/secrets.js';
export { MockSkeleton } from './mocks/skeleton.js';
export { MockStorage } from './mocks/storage.js';
export type { MockScope } from './mocks/scope.js';
export { PlatformState, type PlatformStateOptions, type SentNotification, type InjectedChatMessage } from './engine/platform.js';
export { StoreEngine, etagOf, type StoreScope } from './engine/store-engine.js';
export { DEFAULT_COMPLETION, type CannedCompletion, type RecordedCompletion } from './engine/ai.js';
export type { Account, LedgerDefaults } from './engine/billing.js';
export type { EmittedEvent, ExposedHandler, Caller } from './engine/bus.js';
export { signWebhook, verifyWebhookSignature, isValidWebhookSignature, type SignWebhookOptions, type SignedWebhook } from '../security/webhook.js';
export { mintCallToken } from '../security/call-token.js';
export { LocalGateway, type LocalGatewayOptions, type RecordedRequest, type Fault, type FaultInjector, type GatewayResponse } from './gateway/index.js';
// Engine types that appear in the public signatures of MockContext and PlatformState.
export type { AIResponder } from './engine/ai.js';
export type { BillingLedger } from './engine/billing.js';
export type { ExtensionBus } from './engine/bus.js';
export type { FileEngine } from './engine/files.js';
export type { EngineQuery, EnginePage } from './engine/store-engine.js';
export type { TtlStore } from './engine/ttl-store.js';
export type { SecretVault } from './engine/vault.js';
export { createTester, type Tester, type TesterCall, type TesterOptions, type TesterCallOptions, type FireWebhookRequest } from './tester.js';
export { expectOk, TesterCallError, ReturnsMismatchError } from './call-check.js';
export { BackgroundRecorder, type RecordedBackgroundTask } from './background.js';
export { installFakeDate, withFakeDate, sequentialIds } from './fake-date.js';
export type { MockCacheCall } from './mocks/cache.js';
export type { MockHttpFile } from './mocks/http.js';
