import { randomBytes } from 'node:crypto';
import { gunzipSync, gzipSync } from 'node:zlib';
import { bodyIn, compressRequest } from '../../src/internal/request-content-encoding.js';

/** A body that repeats, as OTLP batches do (keys, resource and scope in every item). */
const repetitive = () =>
  new TextEncoder().encode(JSON.stringify(Array.from({ length: 500 }, (_, i) => ({ i, k: 'v' }))));

describe('compressRequest', () => {
  it('should gzip the body, keep the item count and mark the request gzipped', () => {
    const body = repetitive();
    const held = compressRequest({ body, items: 500 });
    expect(held).toMatchObject({
      items: 500,
      contentEncoding: 'gzip',
      encodedLength: body.byteLength,
    });
    expect(held.body.byteLength).toBeLessThan(body.byteLength / 4);
    expect(new Uint8Array(gunzipSync(held.body))).toEqual(body);
  });

  it('should hold exactly the bytes it counts (regression: a view of a larger zlib chunk)', () => {
    const held = compressRequest({ body: new Uint8Array([1, 2, 3]), items: 1 });
    expect(held.body.buffer.byteLength).toBe(held.body.byteLength);
  });

  it('should return a request already gzipped as it is', () => {
    const held = compressRequest({ body: repetitive(), items: 1 });
    expect(compressRequest(held)).toBe(held);
  });
});

describe('bodyIn', () => {
  it('should unzip a held request for a wire that takes it as encoded', async () => {
    const body = repetitive();
    const held = compressRequest({ body, items: 1 });
    expect(new Uint8Array(await bodyIn(held, 'identity'))).toEqual(body);
  });

  it('should send a held request as it is where the wire takes gzip', async () => {
    const held = compressRequest({ body: repetitive(), items: 1 });
    expect(await bodyIn(held, 'gzip')).toBe(held.body);
  });

  it('should gzip a request as encoded for a gzip wire, and leave it for an identity one', async () => {
    const body = repetitive();
    expect(new Uint8Array(gunzipSync(await bodyIn({ body, items: 1 }, 'gzip')))).toEqual(body);
    expect(await bodyIn({ body, items: 1 }, 'identity')).toBe(body);
  });

  it('should unzip and gzip bodies far larger than one 16 KiB zlib chunk, whole', async () => {
    // Random bytes do not shrink: gzip's output is larger than its input here.
    const random = new Uint8Array(randomBytes(300_000));
    // Byte-wise equality of megabytes, without the per-element diff of toEqual.
    const same = (a: Uint8Array, b: Uint8Array) => Buffer.from(a).equals(Buffer.from(b));
    for (const body of [random, new TextEncoder().encode('x'.repeat(1_000_000)), repetitive()]) {
      const held = compressRequest({ body, items: 1 });
      expect(same(await bodyIn(held, 'identity'), body)).toBe(true);
      expect(same(gunzipSync(await bodyIn({ body, items: 1 }, 'gzip')), body)).toBe(true);
    }
  });

  it('should unzip a held request that does not say its encoded length', async () => {
    const body = new TextEncoder().encode('y'.repeat(100_000));
    const held = { body: gzipSync(body), items: 1, contentEncoding: 'gzip' as const };
    expect(new Uint8Array(await bodyIn(held, 'identity'))).toEqual(body);
  });

  it('should reject what is marked gzipped but is not', async () => {
    const broken = {
      body: gzipSync('x').subarray(0, 5),
      items: 1,
      contentEncoding: 'gzip' as const,
    };
    await expect(bodyIn(broken, 'identity')).rejects.toThrow();
  });
});
