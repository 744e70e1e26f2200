// startOtlpReceiver: OTLP/HTTP and OTLP/gRPC servers in front of the in-memory store.
import { createGrpcServer } from './internal/grpc-server.js';
import { createHttpServer } from './internal/http-server.js';
import { Misbehaviour } from './internal/misbehaviour.js';
import type { OtlpServer, ServerContext } from './internal/server.js';
import { checkInteger } from './render/text.js';
import { TelemetryStore } from './store.js';
import type {
  FailureOptions,
  OtlpReceiver,
  OtlpReceiverOptions,
  ProtocolStats,
  ReceiverStats,
} from './types.js';

/** Default of {@link OtlpReceiverOptions.maxBodyBytes}: 20 MiB. */
export const DEFAULT_MAX_BODY_BYTES = 20 * 1024 * 1024;

const emptyStats = (): ProtocolStats => ({ requests: 0, bytes: 0, decodeFailures: 0 });

class Receiver implements OtlpReceiver {
  private readonly store: TelemetryStore;
  private readonly misbehaviour = new Misbehaviour();
  private readonly counters: ReceiverStats = {
    grpc: emptyStats(),
    'http/protobuf': emptyStats(),
    'http/json': emptyStats(),
    httpRejected: 0,
  };
  private readonly context: ServerContext;
  private readonly host: string;
  private httpPortValue: number;
  private grpcPortValue: number;
  private httpServer: OtlpServer | undefined;
  private grpcServer: OtlpServer | undefined;
  private running = false;

  constructor(options: OtlpReceiverOptions) {
    checkInteger('maxRecords', options.maxRecords, 1);
    this.store = new TelemetryStore(options.maxRecords);
    this.host = options.host ?? '127.0.0.1';
    this.httpPortValue = options.httpPort ?? 0;
    this.grpcPortValue = options.grpcPort ?? 0;
    this.context = {
      store: this.store,
      misbehaviour: this.misbehaviour,
      counters: this.counters,
      maxBodyBytes: options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES,
    };
  }

  get grpcPort(): number {
    return this.grpcPortValue;
  }

  get httpPort(): number {
    return this.httpPortValue;
  }

  get grpcUrl(): string {
    return `http://${this.urlHost()}:${this.grpcPortValue}`;
  }

  get httpUrl(): string {
    return `http://${this.urlHost()}:${this.httpPortValue}`;
  }

  private urlHost(): string {
    return this.host.includes(':') ? `[${this.host}]` : this.host;
  }

  // ---- queries -------------------------------------------------------------------------------

  spans: OtlpReceiver['spans'] = (filter) => this.store.spans(filter);
  waitForSpans: OtlpReceiver['waitForSpans'] = (n, options) => this.store.waitForSpans(n, options);
  traceTree: OtlpReceiver['traceTree'] = (traceId) => this.store.traceTree(traceId);
  metricPoints: OtlpReceiver['metricPoints'] = (filter) => this.store.metricPoints(filter);
  metric: OtlpReceiver['metric'] = (name) => this.store.metric(name);
  waitForMetric: OtlpReceiver['waitForMetric'] = (name, options) =>
    this.store.waitForMetric(name, options);
  logs: OtlpReceiver['logs'] = (filter) => this.store.logs(filter);
  waitForLogs: OtlpReceiver['waitForLogs'] = (n, options) => this.store.waitForLogs(n, options);
  clear: OtlpReceiver['clear'] = () => this.store.clear();

  /** The store, for the CLI's live view. */
  get telemetry(): TelemetryStore {
    return this.store;
  }

  // ---- misbehaviour --------------------------------------------------------------------------

  failNext(n: number, options?: FailureOptions): void {
    this.misbehaviour.failNext(n, options);
  }

  failFor(ms: number, options?: FailureOptions): void {
    this.misbehaviour.failFor(ms, options);
  }

  delayResponses(ms: number): void {
    this.misbehaviour.delayResponses(ms);
  }

  dropNextConnections(n: number): void {
    this.misbehaviour.dropNextConnections(n);
  }

  stats(): ReceiverStats {
    return {
      grpc: { ...this.counters.grpc },
      'http/protobuf': { ...this.counters['http/protobuf'] },
      'http/json': { ...this.counters['http/json'] },
      httpRejected: this.counters.httpRejected,
    };
  }

  // ---- lifecycle -----------------------------------------------------------------------------

  async start(): Promise<void> {
    if (this.running) return;
    try {
      // Kept before listen() resolves, so a failed start closes whatever was created.
      this.httpServer = createHttpServer(this.context);
      this.httpPortValue = await this.httpServer.listen(this.httpPortValue, this.host);
      this.grpcServer = createGrpcServer(this.context);
      this.grpcPortValue = await this.grpcServer.listen(this.grpcPortValue, this.host);
    } catch (error) {
      await this.closeServers();
      throw error;
    }
    this.running = true;
  }

  async stop(): Promise<void> {
    this.running = false;
    await this.closeServers();
  }

  async restart(): Promise<void> {
    await this.stop();
    await this.start();
  }

  private async closeServers(): Promise<void> {
    const httpServer = this.httpServer;
    const grpcServer = this.grpcServer;
    this.httpServer = undefined;
    this.grpcServer = undefined;
    // gRPC first: its sessions and sockets are cut synchronously, then both listeners close.
    await Promise.all([grpcServer?.close(), httpServer?.close()]);
  }
}

/** Same as {@link startOtlpReceiver}, typed with the store accessor the CLI uses. */
export async function startReceiverWithStore(
  options: OtlpReceiverOptions = {},
): Promise<OtlpReceiver & { readonly telemetry: TelemetryStore }> {
  const receiver = new Receiver(options);
  await receiver.start();
  return receiver;
}

/**
 * Starts an OTLP receiver: OTLP/HTTP and OTLP/gRPC servers on `host` (default 127.0.0.1), on
 * free ports unless given, keeping what they receive in memory.
 */
export async function startOtlpReceiver(options: OtlpReceiverOptions = {}): Promise<OtlpReceiver> {
  return startReceiverWithStore(options);
}
