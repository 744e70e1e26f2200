// Names the demo's producer and processor agree on.

/** `messaging.system` of the in-process queue (not a registered semantic-convention value). */
export const MESSAGING_SYSTEM = 'proc_demo_queue';

/** The topic the producer writes and the processor reads. */
export const TOPIC = 'events';

/** `processor.window.type` of the demo's windows. */
export const WINDOW_TYPE = 'tumbling';

/** `error.type` of a message whose value is not a valid event. */
export const ERROR_POISON = 'poison_message';

/** `error.type` of an event whose window had already closed. */
export const ERROR_LATE = 'late_event';
