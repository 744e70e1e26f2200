import { once } from 'node:events';
import { createServer, type IncomingMessage, request, type Server } from 'node:http';
import { type AddressInfo, createServer as createNetServer, type Socket } from 'node:net';
import { Readable } from 'node:stream';
import { type ConformanceServer, startConformanceServer } from '../src/conformance-server.js';

/** What the service sent back to the harness in one callback. */
interface Callback {
  path: string;
  /** Header [name, value] pairs as on the wire. */
  headers: [string, string][];
  body: unknown;
}

const TRACE_ID = '12345678901234567890123456789012';
const PARENT_ID = '1234567890123456';
const TRACEPARENT = `00-${TRACE_ID}-${PARENT_ID}-00`;
const TRACEPARENT_FORMAT = /^([0-9a-f]{2})-([0-9a-f]{32})-([0-9a-f]{16})-([0-9a-f]{2})$/;

describe('startConformanceServer', () => {
  let service: ConformanceServer;
  let harness: Server;
  let harnessUrl: string;
  const callbacks: Callback[] = [];

  beforeAll(async () => {
    // The recording harness: every callback's headers and body, by path.
    harness = createServer(async (req: IncomingMessage, res) => {
      const chunks: Buffer[] = [];
      for await (const chunk of req) chunks.push(chunk as Buffer);
      const headers: [string, string][] = [];
      for (let i = 0; i < req.rawHeaders.length; i += 2) {
        headers.push([req.rawHeaders[i]!, req.rawHeaders[i + 1]!]);
      }
      callbacks.push({
        path: req.url ?? '',
        headers,
        body: JSON.parse(Buffer.concat(chunks).toString()),
      });
      res.end('{}');
    });
    harness.listen(0, '127.0.0.1');
    await once(harness, 'listening');
    harnessUrl = `http://127.0.0.1:${(harness.address() as AddressInfo).port}`;
    service = await startConformanceServer({ port: 0 });
  });

  afterAll(async () => {
    await service.close();
    harness.closeAllConnections();
    harness.close();
    await once(harness, 'close');
  });

  /** Sends POST /test with raw headers (names as given, repeated names as separate lines). */
  async function send(headers: [string, string][], count = 1): Promise<Callback[]> {
    callbacks.length = 0;
    const calls = Array.from({ length: count }, (_, i) => ({
      url: `${harnessUrl}/${i}`,
      arguments: [{ i }],
    }));
    const grouped = new Map<string, string[]>();
    for (const [name, value] of headers) grouped.set(name, [...(grouped.get(name) ?? []), value]);
    const status = await new Promise<number>((resolve, reject) => {
      const req = request(`${service.url}/test`, { method: 'POST', agent: false }, (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
      });
      for (const [name, values] of grouped)
        req.setHeader(name, values.length === 1 ? values[0]! : values);
      req.on('error', reject);
      req.end(JSON.stringify(calls));
    });
    expect(status).toBe(200);
    expect(callbacks.map((c) => c.path)).toEqual(calls.map((_, i) => `/${i}`));
    return [...callbacks];
  }

  function traceparentOf(callback: Callback): {
    version: string;
    traceId: string;
    parentId: string;
    flags: string;
  } {
    const values = callback.headers.filter(([name]) => name.toLowerCase() === 'traceparent');
    expect(values).toHaveLength(1);
    const match = TRACEPARENT_FORMAT.exec(values[0]![1]);
    expect(match).not.toBeNull();
    const [, version, traceId, parentId, flags] = match!;
    return { version: version!, traceId: traceId!, parentId: parentId!, flags: flags! };
  }

  function tracestateOf(callback: Callback): Map<string, string> {
    const state = new Map<string, string>();
    for (const [name, value] of callback.headers) {
      if (name.toLowerCase() !== 'tracestate') continue;
      for (const member of value.split(',')) {
        const trimmed = member.trim();
        if (trimmed === '') continue;
        const at = trimmed.indexOf('=');
        state.set(trimmed.slice(0, at), trimmed.slice(at + 1));
      }
    }
    return state;
  }

  /** Every tracestate list-member sent, in order (duplicates stay visible, unlike the map). */
  function tracestateMembersOf(callback: Callback): string[] {
    return callback.headers
      .filter(([name]) => name.toLowerCase() === 'tracestate')
      .flatMap(([, value]) => value.split(','))
      .map((member) => member.trim())
      .filter((member) => member !== '');
  }

  async function single(headers: [string, string][]) {
    const [callback] = await send(headers);
    return {
      traceparent: traceparentOf(callback!),
      tracestate: tracestateOf(callback!),
      callback: callback!,
    };
  }

  describe('POST /test', () => {
    it('should POST each url in order with its arguments as the JSON body', async () => {
      const got = await send([], 3);
      expect(got.map((c) => c.body)).toEqual([[{ i: 0 }], [{ i: 1 }], [{ i: 2 }]]);
    });

    it('should start a trace without traceparent or tracestate', async () => {
      const { traceparent } = await single([]);
      expect(traceparent.version).toBe('00');
    });

    it('should keep the trace id and use a new parent id', async () => {
      const { traceparent } = await single([['traceparent', TRACEPARENT]]);
      expect(traceparent.traceId).toBe(TRACE_ID);
      expect(traceparent.parentId).not.toBe(PARENT_ID);
    });

    it.each(['TraceParent', 'TrAcEpArEnT', 'TRACEPARENT'])(
      'should accept the header name %s',
      async (name) => {
        expect((await single([[name, TRACEPARENT]])).traceparent.traceId).toBe(TRACE_ID);
      },
    );

    it.each([
      [
        'two traceparent headers',
        [
          ['traceparent', `00-${TRACE_ID}-${PARENT_ID}-01`],
          ['traceparent', `00-${'1'.repeat(32)}-${PARENT_ID}-01`],
        ],
      ],
      ['the name trace-parent', [['trace-parent', TRACEPARENT]]],
      ['the name trace.parent', [['trace.parent', TRACEPARENT]]],
      ['version 00 with a trailing dot', [['traceparent', `${TRACEPARENT}.`]]],
      [
        'version 00 with a future suffix',
        [['traceparent', `${TRACEPARENT}-what-the-future-will-be-like`]],
      ],
      [
        'future version 0xcc with a dot after the flags',
        [['traceparent', `cc-${TRACE_ID}-${PARENT_ID}-01.what-the-future-will-be-like`]],
      ],
      ['version ff', [['traceparent', `ff-${TRACE_ID}-${PARENT_ID}-01`]]],
      ['version .0', [['traceparent', `.0-${TRACE_ID}-${PARENT_ID}-01`]]],
      ['version 0.', [['traceparent', `0.-${TRACE_ID}-${PARENT_ID}-01`]]],
      ['version 000', [['traceparent', `000-${TRACE_ID}-${PARENT_ID}-01`]]],
      ['version 0000', [['traceparent', `0000-${TRACE_ID}-${PARENT_ID}-01`]]],
      ['version 0', [['traceparent', `0-${TRACE_ID}-${PARENT_ID}-01`]]],
      [
        'an illegal trace id character',
        [['traceparent', `00-.${TRACE_ID.slice(1)}-${PARENT_ID}-01`]],
      ],
      ['an upper-case trace id', [['traceparent', `00-${TRACE_ID.slice(0, 31)}A-${PARENT_ID}-01`]]],
      ['a trace id too long', [['traceparent', `00-${TRACE_ID}3-${PARENT_ID}-01`]]],
      ['a trace id too short', [['traceparent', `00-${TRACE_ID.slice(1)}-${PARENT_ID}-01`]]],
      ['an all-zero parent id', [['traceparent', `00-${TRACE_ID}-${'0'.repeat(16)}-01`]]],
      [
        'an illegal parent id character',
        [['traceparent', `00-${TRACE_ID}-${PARENT_ID.slice(0, 15)}.-01`]],
      ],
      ['a parent id too long', [['traceparent', `00-${TRACE_ID}-${PARENT_ID}7-01`]]],
      ['a parent id too short', [['traceparent', `00-${TRACE_ID}-${PARENT_ID.slice(1)}-01`]]],
      ['flags .0', [['traceparent', `00-${TRACE_ID}-${PARENT_ID}-.0`]]],
      ['flags 0.', [['traceparent', `00-${TRACE_ID}-${PARENT_ID}-0.`]]],
      ['flags 001', [['traceparent', `00-${TRACE_ID}-${PARENT_ID}-001`]]],
      ['flags 1', [['traceparent', `00-${TRACE_ID}-${PARENT_ID}-1`]]],
    ] as [string, [string, string][]][])(
      'should restart the trace and drop tracestate for %s',
      async (_, headers) => {
        const { traceparent, tracestate } = await single([...headers, ['tracestate', 'foo=1']]);
        expect(traceparent.traceId).not.toBe(TRACE_ID);
        expect(traceparent.traceId).not.toBe('1'.repeat(32));
        expect(tracestate.size).toBe(0);
      },
    );

    it('should restart the trace for an all-zero trace id, with new ids on every call', async () => {
      const got = await send([['traceparent', `00-${'0'.repeat(32)}-${PARENT_ID}-01`]], 3);
      const parents = got.map(traceparentOf);
      expect(parents.every((p) => p.traceId !== '0'.repeat(32))).toBe(true);
      expect(new Set(parents.map((p) => p.parentId)).size).toBe(3);
    });

    it('should give every call of one request the same trace id and its own parent id', async () => {
      const parents = (await send([['traceparent', `00-${TRACE_ID}-${PARENT_ID}-01`]], 3)).map(
        traceparentOf,
      );
      expect(new Set(parents.map((p) => p.traceId))).toEqual(new Set([TRACE_ID]));
      expect(new Set(parents.map((p) => p.parentId)).size).toBe(3);
    });

    it.each([
      ['0xcc', `cc-${TRACE_ID}-${PARENT_ID}-01`],
      ['0xcc with a suffix', `cc-${TRACE_ID}-${PARENT_ID}-01-what-the-future-will-be-like`],
    ])('should continue a future version %s and answer with version 00', async (_, value) => {
      const { traceparent } = await single([['traceparent', value]]);
      expect(traceparent).toMatchObject({ version: '00', traceId: TRACE_ID });
    });

    it.each([' ', '\t', '\t '])('should accept OWS %j around traceparent', async (ows) => {
      expect(
        (await single([['traceparent', `${ows}${TRACEPARENT}${ows}`]])).traceparent.traceId,
      ).toBe(TRACE_ID);
    });

    it('should propagate the sampled flag and write only that flag', async () => {
      expect(
        (await single([['traceparent', `00-${TRACE_ID}-${PARENT_ID}-01`]])).traceparent.flags,
      ).toBe('01');
      expect(
        (await single([['traceparent', `00-${TRACE_ID}-${PARENT_ID}-00`]])).traceparent.flags,
      ).toBe('00');
      expect(
        (await single([['traceparent', `00-${TRACE_ID}-${PARENT_ID}-ff`]])).traceparent.flags,
      ).toBe('01');
    });

    it('should discard tracestate without traceparent', async () => {
      expect((await single([['tracestate', 'foo=1,bar=2']])).tracestate.size).toBe(0);
    });

    it.each(['tracestate', 'TraceState', 'TrAcEsTaTe', 'TRACESTATE'])(
      'should inherit tracestate named %s',
      async (name) => {
        const { traceparent, tracestate } = await single([
          ['traceparent', TRACEPARENT],
          [name, 'foo=1,bar=2'],
        ]);
        expect(traceparent.traceId).toBe(TRACE_ID);
        expect(Object.fromEntries(tracestate)).toEqual({ foo: '1', bar: '2' });
      },
    );

    it.each(['trace-state', 'trace.state'])('should ignore a tracestate named %s', async (name) => {
      expect(
        (
          await single([
            ['traceparent', TRACEPARENT],
            [name, 'foo=1'],
          ])
        ).tracestate.size,
      ).toBe(0);
    });

    it.each([
      [[['tracestate', '']], {}],
      [
        [
          ['tracestate', 'foo=1'],
          ['tracestate', ''],
        ],
        { foo: '1' },
      ],
      [
        [
          ['tracestate', ''],
          ['tracestate', 'foo=1'],
        ],
        { foo: '1' },
      ],
    ] as [[string, string][], Record<string, string>][])(
      'should handle empty tracestate headers %j',
      async (headers, expected) => {
        const { traceparent, tracestate, callback } = await single([
          ['traceparent', TRACEPARENT],
          ...headers,
        ]);
        expect(traceparent.traceId).toBe(TRACE_ID);
        expect(Object.fromEntries(tracestate)).toEqual(expected);
        expect(
          callback.headers.filter(([n, v]) => n.toLowerCase() === 'tracestate' && v === ''),
        ).toHaveLength(0);
      },
    );

    it('should combine several tracestate headers in order', async () => {
      const { callback } = await single([
        ['traceparent', TRACEPARENT],
        ['tracestate', 'foo=1,bar=2'],
        ['tracestate', 'rojo=1,congo=2'],
        ['tracestate', 'baz=3'],
      ]);
      const [, value] = callback.headers.find(([name]) => name.toLowerCase() === 'tracestate')!;
      expect(value).toBe('foo=1,bar=2,rojo=1,congo=2,baz=3');
    });

    it('should inherit every allowed key and value character', async () => {
      const key = 'abcdefghijklmnopqrstuvwxyz0123456789_-*/';
      const value = [
        [0x20, 0x2b],
        [0x2d, 0x3c],
        [0x3e, 0x7e],
      ]
        .flatMap(([from, to]) =>
          Array.from({ length: to! - from! + 1 }, (_, i) => String.fromCharCode(from! + i)),
        )
        .join('');
      for (const k of [key, `${key}@a-z0-9_-*/`]) {
        const { tracestate } = await single([
          ['traceparent', TRACEPARENT],
          ['tracestate', `${k}=${value}`],
        ]);
        expect(tracestate.get(k)).toBe(value);
      }
    });

    it.each(['foo=1 \t , \t bar=2, \t baz=3', 'foo=1\t \t,\t \tbar=2,\t \tbaz=3'])(
      'should accept OWS in tracestate %j',
      async (value) => {
        const { tracestate } = await single([
          ['traceparent', TRACEPARENT],
          ['tracestate', value],
        ]);
        expect(Object.fromEntries(tracestate)).toEqual({ foo: '1', bar: '2', baz: '3' });
      },
    );

    it('should inherit 32 list-members', async () => {
      const members = Array.from(
        { length: 32 },
        (_, i) => `bar${String(i + 1).padStart(2, '0')}=${i}`,
      );
      const { tracestate } = await single([
        ['traceparent', TRACEPARENT],
        ['tracestate', members.slice(0, 10).join(',')],
        ['tracestate', members.slice(10).join(',')],
      ]);
      expect(tracestate.size).toBe(32);
      expect(tracestate.get('bar01')).toBe('0');
    });

    it.each([
      ['33 list-members', [Array.from({ length: 33 }, (_, i) => `bar${i}=${i}`).join(',')]],
      ['a space before =', ['foo =1']],
      ['an upper-case key', ['FOO=1']],
      ['a dot in a key', ['foo.bar=1']],
      ['a key starting with @', ['@foo=1,bar=2']],
      ['a 257-character key', ['foo=1', `${'z'.repeat(257)}=1`]],
      ['a 257-character key with @', ['foo=1', `${'t'.repeat(250)}@${'v'.repeat(6)}=1`]],
      ['= in a value', ['foo=bar=baz']],
      ['an empty value', ['foo=,bar=3']],
    ])('should keep traceparent and drop tracestate with %s', async (_, values) => {
      const { traceparent, tracestate } = await single([
        ['traceparent', TRACEPARENT],
        ...values.map((value): [string, string] => ['tracestate', value]),
      ]);
      expect(traceparent.traceId).toBe(TRACE_ID);
      expect(tracestate.size).toBe(0);
    });

    // Level 2 key grammar: ( lcalpha / DIGIT ) 0*255 ( keychar ), "@" a keychar like any other;
    // https://w3c.github.io/trace-context/#key and test.py test_tracestate_key_length_limit.
    it.each([
      ['a 256-character key', 'z'.repeat(256)],
      ['a 241@14-character key', `${'t'.repeat(241)}@${'v'.repeat(14)}`],
      [
        'a 242-character tenant (regression: the Level 1 tenant limit was 241)',
        `${'t'.repeat(242)}@v`,
      ],
      [
        'a 15-character system (regression: the Level 1 system limit was 14)',
        `t@${'v'.repeat(15)}`,
      ],
      ['a 256-character key with @', `${'t'.repeat(250)}@${'v'.repeat(5)}`],
    ])('should inherit %s split from foo=1 across two headers', async (_, key) => {
      const { traceparent, tracestate } = await single([
        ['traceparent', TRACEPARENT],
        ['tracestate', 'foo=1'],
        ['tracestate', `${key}=1`],
      ]);
      expect(traceparent.traceId).toBe(TRACE_ID);
      expect(Object.fromEntries(tracestate)).toEqual({ foo: '1', [key]: '1' });
    });

    // test.py test_tracestate_key_illegal_vendor_format: after the first character "@" is a
    // keychar, so these keys are valid and kept beside the others.
    it.each([
      ['foo@', 'foo@=1,bar=2', 'foo@'],
      ['foo@@bar', 'foo@@bar=1,bar=2', 'foo@@bar'],
      ['foo@bar@baz', 'foo@bar@baz=1,bar=2', 'foo@bar@baz'],
      ['1foo (a digit first)', '1foo=1,bar=2', '1foo'],
    ])(
      'should inherit the key %s beside a valid member (regression: the whole header was dropped)',
      async (_, value, key) => {
        const { traceparent, tracestate } = await single([
          ['traceparent', TRACEPARENT],
          ['tracestate', value],
        ]);
        expect(traceparent.traceId).toBe(TRACE_ID);
        expect(Object.fromEntries(tracestate)).toEqual({ [key]: '1', bar: '2' });
      },
    );

    // test.py test_tracestate_duplicated_keys: the header is inherited, keeping one of the
    // duplicates. We keep the left-most, the most recent position when vendors follow
    // https://w3c.github.io/trace-context/#mutating-the-tracestate-field.
    it.each([
      ['a duplicated key', ['foo=1,foo=1'], ['foo=1']],
      ['a duplicated key with other values', ['foo=1,foo=2'], ['foo=1']],
      ['a key duplicated across headers', ['foo=1', 'foo=1'], ['foo=1']],
      ['a key duplicated across headers with other values', ['foo=1', 'foo=2'], ['foo=1']],
      [
        'a duplicated key between others',
        ['foo=1,bar=2', 'baz=3,foo=4'],
        ['foo=1', 'bar=2', 'baz=3'],
      ],
    ])(
      'should inherit tracestate with %s, keeping the first (regression: the whole header was dropped)',
      async (_, values, expected) => {
        const { traceparent, callback } = await single([
          ['traceparent', TRACEPARENT],
          ...values.map((value): [string, string] => ['tracestate', value]),
        ]);
        expect(traceparent.traceId).toBe(TRACE_ID);
        expect(tracestateMembersOf(callback)).toEqual(expected);
      },
    );

    it('should answer 400 to a body that is not an array of calls', async () => {
      const status = await new Promise<number>((resolve, reject) => {
        const req = request(`${service.url}/test`, { method: 'POST', agent: false }, (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        });
        req.on('error', reject);
        req.end('{"url": 1}');
      });
      expect(status).toBe(400);
    });

    it('should report a call whose response is cut off instead of hanging (regression: post waited for an end that never came)', async () => {
      const cutting = createServer((req, res) => {
        res.writeHead(200).write('{');
        setTimeout(() => req.socket.destroy(), 10);
      });
      cutting.listen(0, '127.0.0.1');
      await once(cutting, 'listening');
      const url = `http://127.0.0.1:${(cutting.address() as AddressInfo).port}/cut`;
      try {
        const body = await new Promise<string>((resolve, reject) => {
          const req = request(`${service.url}/test`, { method: 'POST', agent: false }, (res) => {
            const chunks: Buffer[] = [];
            res.on('data', (chunk: Buffer) => chunks.push(chunk));
            res.on('end', () => resolve(Buffer.concat(chunks).toString()));
          });
          req.on('error', reject);
          req.end(JSON.stringify([{ url, arguments: [] }]));
        });
        expect(JSON.parse(body)).toEqual([{ url, error: expect.any(String) }]);
      } finally {
        cutting.closeAllConnections();
        cutting.close();
      }
    }, 5000);
  });

  describe('limits', () => {
    const MAX_BODY_BYTES = 64 * 1024;
    /** What a client streaming a large body gets, and how much of the body it could send. */
    interface Streamed {
      status: number;
      text: string;
      sentBytes: number;
    }

    /** Starts a service with `options`, runs `body` against it and always closes it. */
    async function withService<T>(
      options: Parameters<typeof startConformanceServer>[0],
      body: (url: string) => Promise<T>,
    ): Promise<T> {
      const limited = await startConformanceServer({ port: 0, ...options });
      try {
        return await body(limited.url);
      } finally {
        await limited.close();
      }
    }

    /**
     * POSTs up to `totalBytes` of spaces, pulled one 64 KiB chunk at a time as the socket takes
     * them (so `sentBytes` counts what the service let through), declared or chunked.
     */
    function streamBody(
      url: string,
      totalBytes: number,
      declareLength: boolean,
    ): Promise<Streamed> {
      let sentBytes = 0;
      const chunk = Buffer.alloc(64 * 1024, 0x20);
      async function* spaces() {
        while (sentBytes < totalBytes) {
          sentBytes += chunk.length;
          yield chunk;
        }
      }
      return new Promise((resolve, reject) => {
        let answered = false;
        const headers = declareLength ? { 'content-length': String(totalBytes) } : undefined;
        const req = request(`${url}/test`, { method: 'POST', agent: false, headers }, (res) => {
          answered = true;
          const chunks: Buffer[] = [];
          res.on('data', (data: Buffer) => chunks.push(data));
          res.on('end', () =>
            resolve({
              status: res.statusCode ?? 0,
              text: Buffer.concat(chunks).toString(),
              sentBytes,
            }),
          );
          res.on('error', reject);
        });
        // The service closes the connection before the body ends: a write error is expected.
        req.on('error', () => {});
        req.on('close', () => {
          if (!answered) reject(new Error('the connection closed without an answer'));
        });
        Readable.from(spaces()).pipe(req);
      });
    }

    it.each([
      ['a chunked body', false],
      ['a body declared by content-length', true],
    ])(
      'should answer 413 to %s over maxBodyBytes and stop reading it (regression: the whole body was buffered)',
      async (_, declareLength) => {
        const totalBytes = 64 * 1024 * 1024;
        const got = await withService({ maxBodyBytes: MAX_BODY_BYTES }, (url) =>
          streamBody(url, totalBytes, declareLength),
        );
        expect(got.status).toBe(413);
        expect(got.text).toContain(`${MAX_BODY_BYTES} bytes`);
        expect(got.text).toContain('maxBodyBytes');
        // The service stopped reading: the client could not get the rest of the body out (socket
        // buffers on loopback hold a few MiB at most).
        expect(got.sentBytes).toBeLessThan(totalBytes / 2);
      },
      20_000,
    );

    it('should accept a body of exactly maxBodyBytes', async () => {
      const calls = JSON.stringify([{ url: `${harnessUrl}/0`, arguments: [] }]);
      const body = calls.padEnd(MAX_BODY_BYTES, ' ');
      const status = await withService(
        { maxBodyBytes: MAX_BODY_BYTES },
        (url) =>
          new Promise<number>((resolve, reject) => {
            const req = request(`${url}/test`, { method: 'POST', agent: false }, (res) => {
              res.resume();
              res.on('end', () => resolve(res.statusCode ?? 0));
            });
            req.on('error', reject);
            req.end(body);
          }),
      );
      expect(status).toBe(200);
    });

    it.each([
      ['accepts and never answers', (_socket: Socket) => {}],
      [
        'answers headers and never ends the body',
        (socket: Socket) => {
          socket.write('HTTP/1.1 200 OK\r\ncontent-length: 10\r\n\r\n{');
        },
      ],
    ])(
      'should give up on a callback that %s after callTimeoutMillis and go on (regression: /test hung)',
      async (_, behave) => {
        callbacks.length = 0;
        const sockets = new Set<Socket>();
        const hanging = createNetServer((socket) => {
          sockets.add(socket);
          socket.on('error', () => {});
          behave(socket);
        });
        hanging.listen(0, '127.0.0.1');
        await once(hanging, 'listening');
        const hangUrl = `http://127.0.0.1:${(hanging.address() as AddressInfo).port}/hang`;
        try {
          const body = await withService(
            { callTimeoutMillis: 100 },
            (url) =>
              new Promise<string>((resolve, reject) => {
                const req = request(`${url}/test`, { method: 'POST', agent: false }, (res) => {
                  const chunks: Buffer[] = [];
                  res.on('data', (chunk: Buffer) => chunks.push(chunk));
                  res.on('end', () => resolve(Buffer.concat(chunks).toString()));
                });
                req.on('error', reject);
                req.end(
                  JSON.stringify([
                    { url: hangUrl, arguments: [] },
                    { url: `${harnessUrl}/after`, arguments: [] },
                  ]),
                );
              }),
          );
          expect(JSON.parse(body)).toEqual([
            { url: hangUrl, error: expect.stringContaining('within 100 ms') },
            { url: `${harnessUrl}/after`, status: 200 },
          ]);
          expect(callbacks.map((c) => c.path)).toEqual(['/after']);
        } finally {
          for (const socket of sockets) socket.destroy();
          hanging.close();
        }
      },
      10_000,
    );

    it.each([
      ['maxBodyBytes', '0', { maxBodyBytes: 0 }],
      ['maxBodyBytes', '1.5', { maxBodyBytes: 1.5 }],
      ['callTimeoutMillis', '0', { callTimeoutMillis: 0 }],
      ['callTimeoutMillis', 'NaN', { callTimeoutMillis: Number.NaN }],
      ['callTimeoutMillis', 'Infinity', { callTimeoutMillis: Number.POSITIVE_INFINITY }],
    ])('should refuse %s %s', async (name, _, options) => {
      const outcome = await startConformanceServer({ port: 0, ...options }).then(
        async (started) => {
          await started.close();
          return undefined;
        },
        (error: unknown) => error,
      );
      expect(outcome).toBeInstanceOf(RangeError);
      expect((outcome as Error).message).toContain(name);
    });
  });
});
