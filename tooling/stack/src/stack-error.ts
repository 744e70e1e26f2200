/**
 * A problem the user can fix (a missing tool, a port in use, a service that did not start): the
 * CLI prints its message alone, without a stack trace. Every message says what is wrong and
 * what to do about it.
 */
export class StackError extends Error {
  override name = 'StackError';
}
