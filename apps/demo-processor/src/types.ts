/** Kinds of synthetic events the producer emits. */
export type EventType = 'order' | 'click';

/** One business event, as serialised into a message value. */
export interface DemoEvent {
  /** Unique per event; a redelivered duplicate carries the same id. */
  id: string;
  type: EventType;
  /** Customer the event belongs to (the aggregation key). */
  customerId: string;
  /** Order amount; 0 for clicks. */
  amount: number;
  /** When the event happened (epoch milliseconds); windows are assigned by this time. */
  eventTimeMillis: number;
}

/** One message in the in-process queue, shaped like a Kafka record. */
export interface QueueMessage {
  topic: string;
  partition: number;
  offset: number;
  key: string;
  /** JSON of a {@link DemoEvent}, or garbage for a poison message. */
  value: string;
  /**
   * Headers with the producer's W3C trace context (`traceparent`, `tracestate`, `baggage`):
   * strings in process, `Buffer` values as a Kafka client hands them over.
   */
  headers: Record<string, string | Buffer | (string | Buffer)[] | undefined>;
  /** When the producer appended the message (epoch milliseconds). */
  timestampMillis: number;
}

/** The aggregate of one tumbling window for one event type. */
export interface WindowResult {
  /** `<eventType>@<startMillis>`, e.g. `order@1700000000000`. */
  windowId: string;
  eventType: EventType;
  startMillis: number;
  endMillis: number;
  count: number;
  /** Sum of `amount`. */
  total: number;
  /** Distinct customers. */
  customers: number;
  /** Events added after the watermark had passed them (but before the window fired). */
  lateEvents: number;
}

/** Where window results go. */
export interface ResultSink {
  emit(result: WindowResult): void;
}

/** Counts of what the processor did, for logs, the CLI summary and tests. */
export interface ProcessorStats {
  batches: number;
  received: number;
  processed: number;
  duplicates: number;
  late: number;
  droppedLate: number;
  droppedPoison: number;
  windowsEmitted: number;
}
