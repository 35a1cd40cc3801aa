/**
 * An error the user can act on: a missing directory, a bad option, an unreadable revision. It
 * carries a message id from the catalogue and exits with code 2; the command layer prints it as
 * one line. Anything else that escapes is a bug and is reported as such.
 */
import type { MessageData } from './finding.js';

export class UsageError extends Error {
  readonly messageId: string;
  readonly data: MessageData;
  readonly exitCode = 2;
  constructor(messageId: string, data: MessageData = {}) {
    super(messageId);
    this.name = 'UsageError';
    this.messageId = messageId;
    this.data = data;
  }
}
