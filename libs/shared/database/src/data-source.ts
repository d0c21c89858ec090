import { DataSource, type DataSourceOptions, type MixedList, type EntitySchema } from 'typeorm';
import pg from 'pg';
import { SnakeNamingStrategy } from './naming-strategy.js';

// A calendar date (`date`) stays the 'YYYY-MM-DD' it is, rather than becoming a JS Date at
// local midnight that shifts a day when the process runs in another time zone.
pg.types.setTypeParser(pg.types.builtins.DATE, (value: string) => value);

export interface ServiceDatabaseOptions {
  /** postgres://user:password@host:port/database */
  readonly url: string;
  /** The service's own schema: a service never reads another service's tables. */
  readonly schema: string;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type -- TypeORM's own type for entity classes
  readonly entities: MixedList<Function | string | EntitySchema>;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type -- TypeORM's own type for migration classes
  readonly migrations: MixedList<Function | string>;
  readonly applicationName: string;
  readonly poolSize?: number;
}

/**
 * One data source per service. `synchronize` is never on: the schema changes only through
 * migrations, which are code.
 */
export function serviceDataSourceOptions(options: ServiceDatabaseOptions): DataSourceOptions {
  return {
    type: 'postgres',
    url: options.url,
    schema: options.schema,
    entities: options.entities,
    migrations: options.migrations,
    migrationsTableName: 'migrations',
    migrationsTransactionMode: 'each',
    namingStrategy: new SnakeNamingStrategy(),
    synchronize: false,
    migrationsRun: false,
    applicationName: options.applicationName,
    extra: { max: options.poolSize ?? 10 },
  };
}

export function createServiceDataSource(options: ServiceDatabaseOptions): DataSource {
  return new DataSource(serviceDataSourceOptions(options));
}

/** The schema a data source works in, and a table in it quoted for hand-written SQL. */
export function schemaOf(source: Pick<DataSource, 'options'>): string {
  return (source.options as { schema?: string }).schema ?? 'public';
}

export function qualifiedTable(source: Pick<DataSource, 'options'>, table: string): string {
  const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;
  return `${quote(schemaOf(source))}.${quote(table)}`;
}
