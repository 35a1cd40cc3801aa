/**
 * Runs before every test file: a missing message key or an unfilled placeholder throws, so a
 * message that would show `{{pattern}}` or a bare key to a user fails the test that produced it.
 */
import { strictMessages } from '../../src/i18n/format.js';

strictMessages(true);
