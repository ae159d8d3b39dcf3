export { Extension } from './extension.js';
export type {
  ExtensionOptions,
  ResolvedExtensionOptions,
  ParamsOf,
  ToolOptions,
  PanelOptions,
  WidgetOptions,
  TrayOptions,
  SkeletonOptions,
  WebhookOptions,
  OnEventOptions,
  EmitsOptions,
  ExposeOptions,
  HealthCheckOptions,
  SecretSpec,
  MenuItemOptions,
  OAuthOptions,
  FileSinkSpec,
} from './options.js';
export { ChatExtension, type ChatExtensionOptions, type FunctionOptions } from './chat-extension.js';
export type { Registrar } from './decorate.js';
export { HandlerRef, type AnyFunction } from './handler-ref.js';
export type * from './handlers.js';
export type { FunctionMap, FunctionEntry, UntypedFunctions, EntryParams, EntryData, ReturnsOf } from './typed-functions.js';
export type { ParamAliases } from './aliases.js';
export { Registry, type ChatGroup } from './registry.js';
export * from './records.js';
export { fromJsonSchema } from './from-json-schema.js';
export {
  compileSchema,
  canonicalSchema,
  type SchemaLike,
  type RawShape,
  type LegacyZod3Schema,
  type InferSchema,
  type JsonSchema,
  type CompiledSchema,
  type CompileOptions,
  type ParseResult,
} from './schema.js';
export type { StandardSchemaV1, StandardIssue, StandardResult, StandardPathSegment, StandardJsonSchemaConverter, InferSchemaInput, InferSchemaOutput } from './standard-schema.js';
export {
  buildManifest,
  manifestToJson,
  SDK_VERSION,
  MANIFEST_SCHEMA_VERSION,
  type Manifest,
  type ManifestOptions,
  type ManifestTool,
  type ManifestFunction,
  type ToolParameter,
} from './manifest.js';
export {
  dispatch,
  runFunction,
  runExposed,
  toActionResult,
  matchesEventType,
  DEFAULT_MAX_RESULT_BYTES,
  type DispatchOptions,
  type Invocation,
  type WireResults,
  type UIEnvelope,
  type SystemOutcome,
  type SkeletonOutcome,
} from './dispatch.js';
export { DispatchCodes, describeError, type ErrorOutcome } from './outcomes.js';
export { writeWireJson, WIRE_MAX_DEPTH, type WireJson, type WireProblem } from './wire-json.js';
export * as checks from './checks.js';
