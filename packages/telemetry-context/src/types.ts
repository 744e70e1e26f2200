import type { Attributes, Context, Span, TextMapPropagator, Tracer } from '@opentelemetry/api';

/** A header value as Node, fetch and message brokers hand it over. */
export type HeaderValue =
  | string
  | number
  | Buffer
  | readonly (string | Buffer)[]
  | undefined
  | null;

/** Message headers as a list of `{ key, value }` records (node-rdkafka and similar clients). */
export type MessageHeaderList = { key: string; value: string | Buffer | null | undefined }[];

/**
 * Anything headers travel in. One getter/setter pair ({@link headerGetterSetter}) serves them all:
 * - Node's `IncomingHttpHeaders` / `OutgoingHttpHeaders` and any plain object map (case-insensitive,
 *   multi-value arrays),
 * - the fetch `Headers` class,
 * - Kafka-style message headers whose values are `Buffer | string` (or arrays of them),
 * - a list of `{ key, value }` message headers,
 * - an outgoing message with `getHeader` / `setHeader` (`http.ClientRequest`, `ServerResponse`).
 *
 * Injected values are always written as strings.
 */
export type HeaderCarrier =
  | Record<string, HeaderValue>
  | Headers
  | MessageHeaderList
  | {
      /** The value of header `name`, if set. */
      getHeader(name: string): HeaderValue;
      /** Sets header `name` to `value`. */
      setHeader(name: string, value: string): unknown;
      /** The names of the headers set. */
      getHeaderNames(): string[];
    };

/** Options shared by the inject and extract functions. */
export interface PropagationOptions {
  /**
   * The propagator to use. Default: the global one (`propagation` from `@opentelemetry/api`),
   * which the `@proc/telemetry` umbrella registers from the configured propagators list.
   */
  propagator?: TextMapPropagator;
}

/** Options of `injectIntoHeaders` and `extractFromHeaders`. */
export interface HeadersOptions extends PropagationOptions {
  /** The context to inject or extract onto. Default: the active context. */
  context?: Context;
}

/** A W3C baggage list-member. */
export interface BaggageItem {
  /** A token (RFC 7230: letters, digits and ``!#$%&'*+-.^_`|~``); anything else is rejected. */
  key: string;
  /** Any string; percent-encoded on the wire and decoded on extraction. */
  value: string;
  /**
   * Opaque W3C baggage properties (the text after `;`, e.g. `ttl=30;internal`), kept as they are.
   * Printable ASCII without `,`. Default: none.
   */
  metadata?: string;
}

/** Options of {@link createBaggageSpanProcessor}. */
export interface BaggageSpanProcessorOptions {
  /**
   * The baggage keys copied onto each span as attributes when it starts. Only these keys are ever
   * copied: baggage may carry data that must not end up in telemetry. Required, non-empty.
   */
  keys: string[];
  /** Prepended to each key to form the attribute name. Default `''` (the key itself). */
  attributePrefix?: string;
}

/** The trace ids of the active span, spelled for log records (pino, bunyan, winston). */
export interface TraceIds {
  /** 32 lower-case hex characters. */
  trace_id: string;
  /** 16 lower-case hex characters. */
  span_id: string;
  /** Two hex characters, `01` when sampled. */
  trace_flags: string;
}

/** A message as the messaging helpers see it. */
export interface MessageLike {
  /** The message headers the producer injected its context into. */
  headers?: HeaderCarrier | null;
}

/** Options common to the messaging helpers. */
export interface MessageSpanOptions<T> {
  /** `messaging.system`, e.g. `kafka`, `rabbitmq`, `aws_sqs`. Required. */
  system: string;
  /** `messaging.destination.name` (topic or queue); also the second word of the span name. */
  destination?: string;
  /** The tracer that starts the span. Default: `trace.getTracer('@proc/telemetry-context')`. */
  tracer?: Tracer;
  /** Where the headers of a message are. Default: `message.headers`. */
  getHeaders?: (message: T) => HeaderCarrier | null | undefined;
  /** The propagator that extracts producer contexts. Default: the global one. */
  propagator?: TextMapPropagator;
  /** Extra attributes on the processing span. */
  attributes?: Attributes;
  /** The context the span starts in. Default: the active context. */
  context?: Context;
}

/** Options of {@link startBatchProcessSpan}. */
export interface BatchProcessSpanOptions<T> extends MessageSpanOptions<T> {
  /** Attributes of the link to one message's producer span, e.g. its `messaging.message.id`. */
  linkAttributes?: (message: T, index: number) => Attributes;
  /**
   * Add the links after the sampler's decision, and only to a recording span: an unsampled batch
   * then costs no header extraction and no link objects (at 10 % sampling, nine batches in ten),
   * but the sampler does not see the links. Right for samplers that do not read links (the SDK's
   * ratio, parent-based, always-on/off samplers and this project's); leave it off for a sampler
   * that decides by the linked contexts. Default false: links are passed at start, as the
   * conventions recommend so that samplers can use them.
   */
  linksAfterSampling?: boolean;
}

/** Options of {@link startMessageProcessSpan}. */
export interface MessageProcessSpanOptions<T> extends MessageSpanOptions<T> {
  /**
   * How the processing span relates to the producer span. `parent` (default) continues the
   * producer's trace, as the messaging conventions recommend when one message is processed on its
   * own; `link` starts the span in the current context and links to the producer, for consumers
   * whose processing belongs to a trace of their own.
   */
  producerRelation?: 'parent' | 'link';
}

/** A processing span and the context to run the processing in (the span is its active span). */
export interface ProcessSpanScope {
  /** The processing span (kind `CONSUMER`); the caller ends it. */
  span: Span;
  /** The context with `span` as its active span. */
  context: Context;
}
