import { parseBrokerUrl } from '../../src/kafka/broker-url.js';

describe('parseBrokerUrl', () => {
  it('should read one broker or several, with the default port where none is named', () => {
    expect(parseBrokerUrl('kafka://127.0.0.1:9092')).toEqual(['127.0.0.1:9092']);
    expect(parseBrokerUrl('kafka://a.example,b.example:19092/')).toEqual([
      'a.example:9092',
      'b.example:19092',
    ]);
    expect(parseBrokerUrl('kafka://[::1]:9092')).toEqual(['[::1]:9092']);
  });

  it.each([
    ['http://127.0.0.1:9092', 'is not a kafka:// URL'],
    ['kafka://', 'is not a kafka:// URL'],
    ['kafka://host:99999', 'has an invalid port in "host:99999"'],
    ['kafka://host:1,bad host', 'has an invalid broker "bad host"'],
  ])('should refuse %s, naming the accepted form', (value, why) => {
    expect(() => parseBrokerUrl(value)).toThrow(TypeError);
    expect(() => parseBrokerUrl(value)).toThrow(
      `demo-processor: --broker ${why}: expected kafka://host:port (several brokers: kafka://host1:9092,host2:9092), got "${value}".`,
    );
  });
});
