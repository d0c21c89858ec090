import { ConfigurationError, loadConfig } from './load-config.js';
import { EMBEDDED_DATABASE_URL, ServiceConfig } from './service-config.js';

describe('loading a service configuration', () => {
  it('starts with the embedded defaults when nothing is set', () => {
    const config = loadConfig(ServiceConfig, {});
    expect(config.DATABASE_URL).toBe(EMBEDDED_DATABASE_URL);
    expect(config.EVENT_TRANSPORT).toBe('postgres');
    expect(config.KAFKA_BROKERS).toEqual(['127.0.0.1:9092']);
  });

  it('reads numbers and lists from their text form', () => {
    const config = loadConfig(ServiceConfig, { PORT: '4100', KAFKA_BROKERS: 'k1:9092, k2:9092' });
    expect(config.PORT).toBe(4100);
    expect(config.KAFKA_BROKERS).toEqual(['k1:9092', 'k2:9092']);
  });

  it('names the variable that is wrong', () => {
    expect(() => loadConfig(ServiceConfig, { EVENT_TRANSPORT: 'rabbit' })).toThrow(
      /EVENT_TRANSPORT="rabbit"/,
    );
    expect(() => loadConfig(ServiceConfig, { KAFKA_TOPIC_PREFIX: 'staging/' })).toThrow(
      /KAFKA_TOPIC_PREFIX="staging\/"/,
    );
    expect(loadConfig(ServiceConfig, { KAFKA_TOPIC_PREFIX: 'staging.' }).KAFKA_TOPIC_PREFIX).toBe(
      'staging.',
    );
  });

  it('never repeats the value of a secret in its message', () => {
    let error: unknown;
    try {
      loadConfig(ServiceConfig, { DATABASE_URL: 'mysql://admin:hunter2@db/x' });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ConfigurationError);
    expect((error as Error).message).toContain('DATABASE_URL=(hidden)');
    expect((error as Error).message).not.toContain('hunter2');
  });
});
