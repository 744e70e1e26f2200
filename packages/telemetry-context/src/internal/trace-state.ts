import type { TraceState } from '@opentelemetry/api';
import {
  isValidTraceStateKey,
  isValidTraceStateValue,
  MAX_TRACE_STATE_MEMBERS,
} from './tracestate-grammar.js';

type Member = readonly [key: string, value: string];

/**
 * An immutable `TraceState` over members already validated, in order. Ours rather than
 * `TraceState` from `@opentelemetry/core`, whose Level 1 key grammar would silently drop the keys
 * Level 2 allows (`foo@`, `t@` + 15 characters) between extraction and injection.
 */
export function createTraceState(members: readonly Member[]): TraceState {
  const state: TraceState = {
    set(key, value) {
      if (!isValidTraceStateKey(key) || !isValidTraceStateValue(value)) return state;
      // A new or updated member goes first; past 32 the right-most is removed:
      // https://w3c.github.io/trace-context/#mutating-the-tracestate-field
      const rest = members.filter(([k]) => k !== key);
      const added: Member = [key, value];
      return createTraceState([added, ...rest].slice(0, MAX_TRACE_STATE_MEMBERS));
    },
    unset(key) {
      return createTraceState(members.filter(([k]) => k !== key));
    },
    get(key) {
      return members.find(([k]) => k === key)?.[1];
    },
    serialize() {
      return members.map(([key, value]) => `${key}=${value}`).join(',');
    },
  };
  return state;
}
