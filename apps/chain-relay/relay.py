"""The chain relay: HTTP in, a Kafka record out, traced with the official OpenTelemetry Python SDK.

The middle of the Node -> Python -> Node chain of the demo (docs/stream-processing.md): a Node
client POSTs an order with its trace context and baggage in the HTTP headers; this service
continues that trace (a SERVER span, then a PRODUCER span), puts the context and the same baggage
in the headers of one Kafka record, and a Node worker of the demo consumes it as a child of that
producer span. Its spans go over OTLP/HTTP to the collector the OTEL_* variables name.

Run by `pnpm stack up` (tooling/stack) from .stack/python/venv. Configured by environment:
  RELAY_LISTEN            host:port of the HTTP server (default 127.0.0.1:8099)
  RELAY_KAFKA_BROKERS     bootstrap servers (default 127.0.0.1:9092)
  RELAY_TOPIC             topic of the records (default chain)
  OTEL_SERVICE_NAME, OTEL_EXPORTER_OTLP_ENDPOINT, OTEL_BSP_SCHEDULE_DELAY, ...: read by the SDK.

Endpoints: POST /orders (JSON body) -> 202 {"trace_id", "topic", "partition", "offset"};
GET /health -> 200 once the broker has answered (503 before).
"""

import json
import os
import signal
import sys
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from confluent_kafka import KafkaException, Producer
from opentelemetry import baggage, context, propagate, trace
from opentelemetry.exporter.otlp.proto.http.trace_exporter import OTLPSpanExporter
from opentelemetry.sdk.resources import Resource
from opentelemetry.sdk.trace import TracerProvider
from opentelemetry.sdk.trace.export import BatchSpanProcessor
from opentelemetry.trace import SpanKind, Status, StatusCode

# Semantic-convention keys, spelled out: the incubating messaging names may move between
# releases of opentelemetry-semantic-conventions.
MESSAGING_SYSTEM = "messaging.system"
MESSAGING_DESTINATION = "messaging.destination.name"
MESSAGING_OPERATION_TYPE = "messaging.operation.type"
MESSAGING_OPERATION_NAME = "messaging.operation.name"
MESSAGING_PARTITION = "messaging.destination.partition.id"
MESSAGING_OFFSET = "messaging.kafka.offset"
MESSAGING_KEY = "messaging.kafka.message.key"

DELIVERY_TIMEOUT_SECONDS = 10.0


def log(message: str) -> None:
    print(f"relay: {message}", flush=True)


def host_and_port(value: str) -> tuple[str, int]:
    host, _, port = value.rpartition(":")
    return host or "127.0.0.1", int(port)


class Relay:
    def __init__(self, brokers: str, topic: str, tracer: trace.Tracer) -> None:
        self.topic = topic
        self.tracer = tracer
        self.producer = Producer(
            {
                "bootstrap.servers": brokers,
                "client.id": "chain-relay",
                "acks": "all",
                "linger.ms": 0,
                "message.timeout.ms": int(DELIVERY_TIMEOUT_SECONDS * 1000),
            }
        )
        self.broker_seen = threading.Event()
        self.lock = threading.Lock()

    def check_broker(self) -> bool:
        if not self.broker_seen.is_set():
            try:
                self.producer.list_topics(topic=self.topic, timeout=2.0)
                self.broker_seen.set()
            except KafkaException:
                return False
        return True

    def send(self, key: str, value: bytes) -> dict:
        """One record, in a PRODUCER span whose context (and the baggage) go in its headers."""
        attributes = {
            MESSAGING_SYSTEM: "kafka",
            MESSAGING_DESTINATION: self.topic,
            MESSAGING_OPERATION_TYPE: "send",
            MESSAGING_OPERATION_NAME: "send",
            MESSAGING_KEY: key,
        }
        with self.tracer.start_as_current_span(
            f"send {self.topic}", kind=SpanKind.PRODUCER, attributes=attributes
        ) as span:
            carrier: dict[str, str] = {}
            propagate.inject(carrier)  # traceparent, tracestate, baggage of this context
            done = threading.Event()
            outcome: dict = {}

            def on_delivery(error, message) -> None:
                outcome["error"] = error
                outcome["message"] = message
                done.set()

            with self.lock:
                self.producer.produce(
                    self.topic,
                    key=key.encode(),
                    value=value,
                    headers=[(k, v.encode()) for k, v in carrier.items()],
                    on_delivery=on_delivery,
                )
            # flush() serves the delivery callbacks; bounded by the delivery timeout.
            self.producer.flush(DELIVERY_TIMEOUT_SECONDS)
            if not done.is_set() or outcome.get("error") is not None:
                reason = str(outcome.get("error") or "not delivered in time")
                span.set_status(Status(StatusCode.ERROR, reason))
                span.set_attribute("error.type", "delivery_failed")
                raise RuntimeError(reason)
            message = outcome["message"]
            span.set_attribute(MESSAGING_PARTITION, str(message.partition()))
            span.set_attribute(MESSAGING_OFFSET, message.offset())
            return {
                "topic": self.topic,
                "partition": message.partition(),
                "offset": message.offset(),
            }


def make_handler(relay: Relay, tracer: trace.Tracer, server_port: int):
    class Handler(BaseHTTPRequestHandler):
        server_version = "chain-relay"

        def log_message(self, format: str, *args) -> None:  # noqa: A002 (stdlib signature)
            pass  # one line per request would drown the log; spans say more

        def reply(self, status: int, body: dict) -> None:
            data = json.dumps(body).encode()
            self.send_response(status)
            self.send_header("content-type", "application/json")
            self.send_header("content-length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def do_GET(self) -> None:
            if self.path == "/health":
                ok = relay.check_broker()
                self.reply(200 if ok else 503, {"status": "ok" if ok else "no broker yet"})
            else:
                self.reply(404, {"error": "not found"})

        def do_POST(self) -> None:
            if self.path != "/orders":
                self.reply(404, {"error": "not found"})
                return
            # The caller's trace context and baggage, from the W3C headers (the SDK's default
            # propagators: tracecontext,baggage). Attached, not only passed as the span's parent:
            # start_as_current_span(context=...) would make the span current in the thread's own
            # context, and the baggage would then be missing from this hop and the record.
            token = context.attach(propagate.extract({k.lower(): v for k, v in self.headers.items()}))
            try:
                self.handle_order()
            finally:
                context.detach(token)

        def handle_order(self) -> None:
            with tracer.start_as_current_span(
                "POST /orders",
                kind=SpanKind.SERVER,
                attributes={
                    "http.request.method": "POST",
                    "http.route": "/orders",
                    "url.path": self.path,
                    "server.address": "127.0.0.1",
                    "server.port": server_port,
                },
            ) as span:
                # What the caller put in the baggage, visible on this hop's span too.
                for key, value in baggage.get_all().items():
                    span.set_attribute(f"baggage.{key}", str(value))
                length = int(self.headers.get("content-length") or 0)
                body = self.rfile.read(length) if length > 0 else b"{}"
                try:
                    order = json.loads(body)
                    key = str(order.get("id", ""))
                except (ValueError, AttributeError):
                    span.set_status(Status(StatusCode.ERROR, "body is not a JSON object"))
                    span.set_attribute("http.response.status_code", 400)
                    self.reply(400, {"error": "body must be a JSON object"})
                    return
                try:
                    delivered = relay.send(key, body)
                except (RuntimeError, KafkaException, BufferError) as error:
                    span.set_status(Status(StatusCode.ERROR, str(error)))
                    span.set_attribute("http.response.status_code", 502)
                    self.reply(502, {"error": str(error)})
                    return
                span.set_attribute("http.response.status_code", 202)
                trace_id = format(span.get_span_context().trace_id, "032x")
                self.reply(202, {"trace_id": trace_id, **delivered})

    return Handler


def main() -> int:
    host, port = host_and_port(os.environ.get("RELAY_LISTEN", "127.0.0.1:8099"))
    brokers = os.environ.get("RELAY_KAFKA_BROKERS", "127.0.0.1:9092")
    topic = os.environ.get("RELAY_TOPIC", "chain")

    # service.name from OTEL_SERVICE_NAME (default chain-relay), plus OTEL_RESOURCE_ATTRIBUTES.
    resource = Resource.create(
        {"service.name": os.environ.get("OTEL_SERVICE_NAME") or "chain-relay"}
    )
    provider = TracerProvider(resource=resource)
    # OTLP/HTTP to OTEL_EXPORTER_OTLP_(TRACES_)ENDPOINT; batches every OTEL_BSP_SCHEDULE_DELAY.
    provider.add_span_processor(BatchSpanProcessor(OTLPSpanExporter()))
    trace.set_tracer_provider(provider)
    tracer = trace.get_tracer("chain-relay")

    relay = Relay(brokers, topic, tracer)
    server = ThreadingHTTPServer((host, port), make_handler(relay, tracer, port))
    server.daemon_threads = True

    def stop(signum, _frame) -> None:
        log(f"{signal.Signals(signum).name}: stopping")
        threading.Thread(target=server.shutdown, daemon=True).start()

    signal.signal(signal.SIGTERM, stop)
    signal.signal(signal.SIGINT, stop)
    log(f"listening on http://{host}:{port}, records to {topic} on {brokers}")
    server.serve_forever()
    server.server_close()
    relay.producer.flush(DELIVERY_TIMEOUT_SECONDS)
    # Exports every ended span (BatchSpanProcessor.shutdown flushes first).
    provider.shutdown()
    log("stopped")
    return 0


if __name__ == "__main__":
    sys.exit(main())
