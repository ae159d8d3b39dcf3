import { describe } from 'vitest';
import { mockHarness } from './harness.js';
import { contractSuite } from './suite.js';

describe('ctx contract: MockContext', () => contractSuite(mockHarness));
