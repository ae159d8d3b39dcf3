import { describe } from 'vitest';
import { gatewayHarness } from './harness.js';
import { contractSuite } from './suite.js';

describe('ctx contract: real clients over loopback', () => contractSuite(gatewayHarness));
