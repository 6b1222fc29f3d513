// Runs before every browser test file: after each test, whatever its pages logged as an error, threw
// uncaught or had refused by the Content-Security-Policy fails that test.
import { afterEach, expect } from 'vitest';
import { takePageErrors } from './app';

afterEach(async () => {
  expect(await takePageErrors(), 'errors the page reported during this test').toEqual([]);
});
