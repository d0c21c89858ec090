import 'reflect-metadata';
import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';

const SECRET_NAMES = /SECRET|PASSWORD|PRIVATE|TOKEN|KEY|DATABASE_URL/i;

export class ConfigurationError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`Invalid configuration:\n  - ${problems.join('\n  - ')}`);
    this.name = 'ConfigurationError';
  }
}

/**
 * Reads and validates one app's configuration from the environment. Each property of the
 * class is named after its environment variable and carries the embedded-mode default, so
 * the app starts with no configuration; a bad value fails the boot with the variable's name
 * (and never echoes a secret's value).
 */
export function loadConfig<T extends object>(
  type: new () => T,
  env: Record<string, string | undefined> = process.env,
): T {
  const defined = Object.fromEntries(
    Object.entries(env).filter(([, value]) => value !== undefined && value !== ''),
  );
  const config = plainToInstance(type, defined, {
    enableImplicitConversion: true,
    exposeDefaultValues: true,
  });
  const errors = validateSync(config, { whitelist: false });
  if (errors.length > 0) {
    throw new ConfigurationError(
      errors.map((error) => {
        const shown = SECRET_NAMES.test(error.property)
          ? '(hidden)'
          : JSON.stringify(env[error.property]);
        return `${error.property}=${shown}: ${Object.values(error.constraints ?? {}).join('; ')}`;
      }),
    );
  }
  return config;
}
