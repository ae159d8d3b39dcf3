/** createTester rejects anything but an Extension with the likely cause: `ext` not exported. */
import { describe, expect, it } from 'vitest';
import { Extension, RegistrationError } from '../../src/index.js';
import { createTester } from '../../src/testing/index.js';

function errorOf(run: () => unknown): RegistrationError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(RegistrationError);
    return error as RegistrationError;
  }
  throw new Error('expected a RegistrationError, nothing was thrown');
}

describe('createTester guard', () => {
  it.each([
    ['undefined (a missing export)', undefined, 'got undefined'],
    ['null', null, 'got null'],
    ['a string', 'ext', 'got a string'],
    ['a plain object', { tools: [] }, 'got an object with keys tools'],
  ])('names the missing export for %s', (_label, value, got) => {
    const error = errorOf(() => createTester(value as never));
    expect(error.message).toContain(got);
    expect(error.message).toContain('is `ext` exported from');
    expect(error.message).not.toMatch(/Cannot read properties/);
  });

  it('points at the Extension inside a module namespace passed whole', async () => {
    const mod = { ext: new Extension('guard-app', { version: '1.0.0' }), helper: 1 };
    const error = errorOf(() => createTester(mod as never));
    expect(error.fix).toBe('pass the export itself: createTester(mod.ext)');
  });

  it('accepts a real Extension', () => {
    const ext = new Extension('guard-app', { version: '1.0.0' });
    expect(createTester(ext).ext).toBe(ext);
  });
});
